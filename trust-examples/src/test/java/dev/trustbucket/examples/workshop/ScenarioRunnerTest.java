package dev.trustbucket.examples.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.behaviour.Dimension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {
  private static final Instant START = Instant.parse("2025-01-06T09:00:00Z");
  private static final TrustPolicy POLICY = TrustPolicy.defaults();

  @Test
  void quietWeeksShowTheDecayedLevel() {
    Scenario quiet = Scenario.builder("quiet", "Nothing happens.")
        .startingAt(START, 0.9)
        .endingAt(START.plus(Duration.ofDays(21)))
        .build();

    Timeline t = ScenarioRunner.of(POLICY).run(quiet);

    TrustBucket initial = TrustBucket.of(POLICY, START, 0.9);
    assertThat(t.weeks()).hasSize(3);
    for (Timeline.Week w : t.weeks()) {
      assertThat(w.steps()).isEmpty();
      assertThat(w.end()).isEqualTo(START.plus(Duration.ofDays(7L * w.number())));
      // Decaying week by week equals decaying in one go to 1e-12 (law 11), not bit for bit.
      TrustBucket direct = initial.at(w.end());
      assertThat(w.level()).isCloseTo(direct.level(), org.assertj.core.api.Assertions.within(1e-12));
      assertThat(w.tier()).isEqualTo(direct.tier());
      assertThat(w.bucket().time()).isEqualTo(w.end());
    }
    assertThat(t.weeks()).extracting(Timeline.Week::start)
        .containsExactly(LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 13), LocalDate.of(2025, 1, 20));
    assertThat(t.weeks().get(2).level()).isLessThan(t.weeks().get(0).level()).isGreaterThan(0.5);
  }

  @Test
  void groupsEventsIntoTheirWeeksAndMatchesApplyingThemOneByOne() {
    TrustEvent drop = TrustEvent.of(Behaviours.SMALL_WIN, START.plus(Duration.ofDays(2)));
    TrustEvent drain = TrustEvent.of(Behaviours.MISSED_DEADLINE, START.plus(Duration.ofDays(7)));
    Scenario s = Scenario.builder("two", "A win, then a miss on the first day of week 2.")
        .startingAt(START, 0.5)
        .step(drop, "win")
        .step(drain, "miss")
        .endingAt(START.plus(Duration.ofDays(14)))
        .build();

    Timeline t = ScenarioRunner.of(POLICY).run(s);

    assertThat(t.weeks().get(0).steps()).extracting(r -> r.step().event()).containsExactly(drop);
    assertThat(t.weeks().get(1).steps()).extracting(r -> r.step().event()).containsExactly(drain);
    TrustBucket expected = TrustBucket.of(POLICY, START).plus(drop).plus(drain)
        .at(START.plus(Duration.ofDays(14)));
    assertThat(t.last().bucket()).isEqualTo(expected);
    Timeline.StepResult miss = t.weeks().get(1).steps().get(0);
    assertThat(miss.levelBefore()).isEqualTo(t.weeks().get(0).level());
    assertThat(miss.change()).isNegative();
  }

  @Test
  void aPartialLastWeekIsAWholeRow() {
    Scenario s = Scenario.builder("short", "Ten days.")
        .startingAt(START, 0.5)
        .endingAt(START.plus(Duration.ofDays(10)))
        .build();
    assertThat(s.weeks()).isEqualTo(2);
    assertThat(ScenarioRunner.of(POLICY).run(s).weeks()).hasSize(2);
  }

  @Test
  void rejectsBehavioursThePolicyDoesNotKnow() {
    Behaviour custom = Behaviour.drop("wrote-docs", Dimension.COMMUNICATION, 1.0, "Wrote docs");
    Scenario s = Scenario.builder("custom", "Uses a behaviour outside the catalogue.")
        .startingAt(START, 0.5)
        .step(custom, START.plus(Duration.ofDays(1)), "docs")
        .endingAt(START.plus(Duration.ofDays(7)))
        .build();
    assertThatThrownBy(() -> ScenarioRunner.of(POLICY).run(s))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("wrote-docs");
  }

  @Test
  void scenarioRejectsStepsOutOfOrderOrOutsideTheStory() {
    Scenario.Builder b = Scenario.builder("bad", "Out of order.").startingAt(START, 0.5)
        .step(Behaviours.SMALL_WIN, START.plus(Duration.ofDays(3)), "later")
        .step(Behaviours.SMALL_WIN, START.plus(Duration.ofDays(1)), "earlier")
        .endingAt(START.plus(Duration.ofDays(7)));
    assertThatThrownBy(b::build).isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("time order").hasMessageContaining("step 2");

    Scenario.Builder before = Scenario.builder("bad", "Before the start.").startingAt(START, 0.5)
        .step(Behaviours.SMALL_WIN, START.minusSeconds(1), "too early")
        .endingAt(START.plus(Duration.ofDays(7)));
    assertThatThrownBy(before::build).isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("step 1");

    Scenario.Builder atEnd = Scenario.builder("bad", "At the end.").startingAt(START, 0.5)
        .step(Behaviours.SMALL_WIN, START.plus(Duration.ofDays(7)), "too late")
        .endingAt(START.plus(Duration.ofDays(7)));
    assertThatThrownBy(atEnd::build).isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("before end");
  }

  @Test
  void scenarioRejectsBadFields() {
    assertThatThrownBy(() -> Scenario.builder("x", "y").startingAt(START, 1.5)
            .endingAt(START.plusSeconds(60)).build())
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("startingLevel").hasMessageContaining("1.5");
    assertThatThrownBy(() -> Scenario.builder("x", "y").startingAt(START, 0.5).endingAt(START).build())
        .isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("end");
    assertThatThrownBy(() -> Scenario.builder(" ", "y").startingAt(START, 0.5)
            .endingAt(START.plusSeconds(60)).build())
        .isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> new Scenario.Step(TrustEvent.of(Behaviours.SMALL_WIN, START), "two\nlines"))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("narration");
  }
}
