package dev.trustbucket.examples.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EssayStoryTest {
  private final Scenario story = EssayStory.scenario();
  private final Timeline timeline = ScenarioRunner.of(TrustPolicy.defaults()).run(story);

  @Test
  void spansAYearOfWeeksFromANearlyFullBucket() {
    assertThat(timeline.weeks()).hasSize(52);
    assertThat(timeline.weeks().get(0).start()).isEqualTo(LocalDate.of(2024, 9, 2));
    assertThat(timeline.initial().level()).isEqualTo(0.9);
    assertThat(timeline.initial().tier()).isEqualTo(AutonomyTier.AUTONOMOUS);
  }

  @Test
  void tellsTheEssaysBehaviours() {
    Set<Behaviour> told =
        story.steps().stream().map(s -> s.event().behaviour()).collect(Collectors.toSet());
    assertThat(told)
        .contains(
            Behaviours.OVER_PROMISED,
            Behaviours.MISSED_DEADLINE,
            Behaviours.LOW_QUALITY_DELIVERY,
            Behaviours.INCONSISTENT_COMMUNICATION,
            Behaviours.ACCEPTED_FEEDBACK,
            Behaviours.ACKNOWLEDGED_PROBLEM,
            Behaviours.PROACTIVE_UPDATE,
            Behaviours.SMALL_WIN,
            Behaviours.DELIVERED_EARLY,
            Behaviours.SET_REALISTIC_BOUNDARY,
            Behaviours.REGULAR_CHECK_IN);
    // After the honest conversation the story has no more drains.
    assertThat(story.steps())
        .filteredOn(s -> !s.event().time().isBefore(conversationWeek().end().minus(ScenarioRunner.WEEK)))
        .allMatch(s -> s.event().isDrop());
  }

  @Test
  void isDeterministic() {
    Timeline again = ScenarioRunner.of(TrustPolicy.defaults()).run(EssayStory.scenario());
    assertThat(again).isEqualTo(timeline);
    assertThat(Workshop.report(again)).isEqualTo(Workshop.report(timeline));
  }

  @Test
  void drainsBelowTrustedDuringTheTroubleAndHitsBottomBeforeTheConversation() {
    Timeline.Week firstDrain =
        timeline.weeks().stream().filter(Timeline.Week::hasDrain).findFirst().orElseThrow();
    Timeline.Week lowest = timeline.lowest();
    assertThat(lowest.number()).isBetween(firstDrain.number(), conversationWeek().number());
    assertThat(lowest.tier()).isEqualTo(AutonomyTier.MICROMANAGED);
    assertThat(lowest.level()).isLessThan(TrustPolicy.defaults().ladder().supervised());
    assertThat(timeline.firstWeekBelow(AutonomyTier.TRUSTED, 0).orElseThrow().number())
        .isBetween(firstDrain.number(), lowest.number());
  }

  @Test
  void drainsInBucketsAndRebuildsInDrops() {
    Timeline.Week firstDrain =
        timeline.weeks().stream().filter(Timeline.Week::hasDrain).findFirst().orElseThrow();
    Timeline.Week lowest = timeline.lowest();
    int weeksToLose = lowest.number() - firstDrain.number() + 1;
    Timeline.Week backToTrusted =
        timeline.firstWeekAtOrAbove(AutonomyTier.TRUSTED, lowest.number()).orElseThrow();
    int weeksToRegain = backToTrusted.number() - lowest.number();

    assertThat(timeline.initial().level() - lowest.level()).isGreaterThan(0.6);
    assertThat(weeksToLose).isLessThanOrEqualTo(6);
    assertThat(weeksToRegain).isGreaterThanOrEqualTo(3 * weeksToLose);
    // Every drain of the story takes at least as much as the biggest drop gives.
    double biggestDrop = steps().filter(r -> r.step().event().isDrop())
        .mapToDouble(Timeline.StepResult::change).max().orElseThrow();
    assertThat(steps().filter(r -> !r.step().event().isDrop()))
        .allMatch(r -> -r.change() > biggestDrop);
  }

  @Test
  void endsHigherThanItsLowestPointButBelowWhereItStarted() {
    Timeline.Week last = timeline.last();
    assertThat(last.level()).isGreaterThan(timeline.lowest().level() + 0.4);
    assertThat(last.tier()).isEqualTo(AutonomyTier.TRUSTED);
    // The over-promise was an integrity breach: its scar still keeps the top tier out of reach.
    assertThat(last.bucket().scar()).isPositive();
    assertThat(last.bucket().ceiling()).isLessThan(TrustPolicy.defaults().ladder().autonomous());
    assertThat(last.level()).isLessThan(timeline.initial().level());
  }

  @Test
  void everyEventMovesTheLevelTheRightWay() {
    assertThat(steps()).allSatisfy(r -> {
      TrustEvent e = r.step().event();
      if (e.isDrop()) {
        assertThat(r.change()).as(e.toString()).isGreaterThanOrEqualTo(0.0);
      } else {
        assertThat(r.change()).as(e.toString()).isNegative();
      }
    });
  }

  private java.util.stream.Stream<Timeline.StepResult> steps() {
    return timeline.weeks().stream().flatMap(w -> w.steps().stream());
  }

  private Timeline.Week conversationWeek() {
    return timeline.weeks().stream()
        .filter(w -> w.steps().stream()
            .anyMatch(s -> s.step().event().behaviour().equals(Behaviours.ACKNOWLEDGED_PROBLEM)))
        .findFirst()
        .orElseThrow();
  }
}
