package dev.trustbucket.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.testing.HistoryGenerators.EventSpec;
import dev.trustbucket.testing.HistoryGenerators.LedgerCase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The generators give what their Javadoc promises: valid, varied values a bucket accepts. */
@Label("Generators: valid, varied policies, catalogues and histories")
class GeneratorsProperties {

  @Property(tries = 300)
  @Label("policies(): presets and custom policies, custom catalogues among them, all of which build")
  void policiesAreValidAndVaried(@ForAll(supplier = TrustGenerators.Policies.class) TrustPolicy policy) {
    boolean preset = TrustGenerators.PRESETS.contains(policy);
    boolean stockCatalogue = policy.catalogue().equals(BehaviourCatalogue.defaults());
    Statistics.label("kind").collect(preset ? "preset" : "custom");
    Statistics.label("catalogue").collect(stockCatalogue ? "stock" : "custom");
    Statistics.label("kind").coverage(c -> {
      c.check("preset").percentage(p -> p > 15);
      c.check("custom").percentage(p -> p > 50);
    });
    Statistics.label("catalogue").coverage(c -> c.check("custom").percentage(p -> p > 25));
    assertThat(TrustPolicy.builder().from(policy).build()).isEqualTo(policy);
  }

  @Provide
  Arbitrary<LedgerCase> customHistories() {
    return HistoryGenerators.ledgerCases(PolicyGenerators.policies(), 40, Duration.ofDays(400));
  }

  @Property(tries = 100)
  @Label("histories of custom policies: events of the policy's own catalogue, in time order, accepted one by one and replayed alike")
  void historiesFitTheirPolicy(@ForAll("customHistories") LedgerCase history) {
    TrustPolicy policy = history.policy();
    List<TrustEvent> events = history.events();
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).time()).isAfterOrEqualTo(events.get(i - 1).time());
    }
    assertThat(events).allSatisfy(e -> assertThat(policy.catalogue().contains(e.behaviour())).isTrue());
    boolean custom = events.stream().anyMatch(e -> !BehaviourCatalogue.defaults().contains(e.behaviour()));
    Statistics.collect(custom ? "a custom behaviour" : "stock behaviours only");
    Statistics.coverage(c -> c.check("a custom behaviour").percentage(p -> p > 10));
    TrustBucket bucket = HistoryGenerators.applyAll(history.initial(), events);
    TrustLedger ledger = history.ledger();
    assertThat(ledger.size()).isEqualTo(events.size());
    assertThat(ledger.state()).isEqualTo(bucket);
    assertThat(ledger.replay()).isEqualTo(bucket);
  }

  @Property(tries = 100)
  @Label("custom behaviours are not stock ones; catalogues hold unique ids")
  void customBehavioursAndCatalogues(
      @ForAll("customBehaviours") Behaviour own, @ForAll("catalogues") BehaviourCatalogue catalogue) {
    assertThat(own.id()).startsWith("own-");
    assertThat(BehaviourCatalogue.defaults().contains(own)).isFalse();
    assertThat(catalogue.all().stream().map(Behaviour::id).distinct().count()).isEqualTo(catalogue.size());
  }

  @Provide
  Arbitrary<Behaviour> customBehaviours() {
    return PolicyGenerators.customBehaviours();
  }

  @Provide
  Arbitrary<BehaviourCatalogue> catalogues() {
    return PolicyGenerators.catalogues();
  }

  @Property(tries = 10)
  @Label("withOneChange: the same policy but for the one setting named")
  void oneChange(@ForAll(supplier = TrustGenerators.Presets.class) TrustPolicy policy, @ForAll long seed) {
    Random random = new Random(seed);
    for (String setting : PolicyGenerators.SETTINGS) {
      PolicyGenerators.withOneChange(policy, setting, random).ifPresent(changed -> {
        assertThat(changed).isNotEqualTo(policy);
        assertThat(PolicyGenerators.withOneChange(policy, setting, new Random(seed))).isPresent();
      });
    }
  }

  @Property(tries = 50)
  @Label("scenarios: events in time order that a bucket of the scenario's preset accepts")
  void scenariosRun(@ForAll(supplier = TrustGenerators.Scenarios.class) TrustGenerators.Scenario scenario) {
    TrustBucket end = scenario.run();
    assertThat(end.level()).isBetween(0.0, 1.0);
    Instant last = scenario.events().isEmpty() ? scenario.start() : scenario.events().get(scenario.events().size() - 1).time();
    assertThat(end.time()).isEqualTo(last.truncatedTo(ChronoUnit.MICROS)); // the model's resolution
  }

  /** Whole microseconds: the model's resolution, so that a gap laid on an instant is the gap the model sees. */
  private static boolean wholeMicros(Duration d) {
    return d.getNano() % 1_000 == 0;
  }

  @Property(tries = 1_000)
  @Label("gaps(): whole microseconds, never negative, from simultaneous events to centuries")
  void gapsSpanZeroToCenturies(@ForAll(supplier = TrustGenerators.Gaps.class) Duration gap) {
    assertThat(gap).isBetween(Duration.ZERO, Duration.ofDays(5 * 36_525));
    assertThat(wholeMicros(gap)).isTrue();
    Statistics.collect(gap.isZero() ? "zero" : gap.compareTo(Duration.ofMinutes(1)) <= 0 ? "up to a minute"
        : gap.compareTo(Duration.ofDays(28)) <= 0 ? "up to four weeks" : "more than four weeks");
    Statistics.coverage(c -> {
      c.check("zero").percentage(p -> p > 5);
      c.check("up to a minute").percentage(p -> p > 5);
      c.check("up to four weeks").percentage(p -> p > 20);
      c.check("more than four weeks").percentage(p -> p > 5);
    });
  }

  @Example
  @Label("gaps(), positiveGaps(), centuryGaps(), gapsBetween(): their shortest gaps are edge cases, where shrinking heads")
  void gapsShrinkTowardTheShortest() {
    assertThat(edgeCases(TrustGenerators.gaps())).contains(Duration.ZERO, Duration.ofNanos(1_000), Duration.ofDays(1));
    assertThat(edgeCases(TrustGenerators.positiveGaps())).contains(Duration.ofNanos(1_000)).doesNotContain(Duration.ZERO);
    assertThat(edgeCases(TrustGenerators.centuryGaps())).contains(Duration.ofDays(36_525));
    assertThat(edgeCases(TrustGenerators.gapsBetween(Duration.ofSeconds(1), Duration.ofDays(7))))
        .contains(Duration.ofSeconds(1), Duration.ofDays(7));
    assertThat(edgeCases(HistoryGenerators.gaps(Duration.ofDays(30)))).contains(Duration.ZERO, Duration.ofSeconds(1));
  }

  private static List<Duration> edgeCases(Arbitrary<Duration> gaps) {
    List<Duration> out = new java.util.ArrayList<>();
    gaps.edgeCases().forEach(s -> out.add(s.value()));
    return out;
  }

  @Property(tries = 300)
  @Label("gapsBetween(min, max): whole microseconds from min to max")
  void gapsBetweenStaysInItsRange(@ForAll("rangesAndGaps") Duration[] minMaxGap) {
    Duration min = minMaxGap[0];
    Duration gap = minMaxGap[2];
    assertThat(gap).isBetween(min.withNanos(min.getNano() / 1_000 * 1_000), minMaxGap[1]);
    assertThat(wholeMicros(gap)).isTrue();
  }

  @Provide
  Arbitrary<Duration[]> rangesAndGaps() {
    return TrustGenerators.gaps().list().ofSize(2).flatMap(l -> {
      Duration min = l.get(0).compareTo(l.get(1)) <= 0 ? l.get(0) : l.get(1);
      Duration max = l.get(0).compareTo(l.get(1)) <= 0 ? l.get(1) : l.get(0);
      return TrustGenerators.gapsBetween(min, max).map(g -> new Duration[] {min, max, g});
    });
  }

  @Example
  @Label("gapsBetween, HistoryGenerators.gaps, Step and EventSpec reject impossible gaps, naming them")
  void impossibleGapsAreRejected() {
    assertThatThrownBy(() -> TrustGenerators.gapsBetween(Duration.ofSeconds(-1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("min must be zero or positive but was PT-1S");
    assertThatThrownBy(() -> TrustGenerators.gapsBetween(Duration.ofDays(2), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("max must be from min (PT48H) to PT2562047788H54.775807S but was PT24H");
    assertThatThrownBy(() -> TrustGenerators.gapsBetween(Duration.ZERO, Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("max must be from min (PT0S) to ");
    assertThatThrownBy(() -> HistoryGenerators.gaps(Duration.ofMillis(999)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxGap must be at least a second but was PT0.999S");
    assertThatThrownBy(() -> HistoryGenerators.ledgerCases(10, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxGap must be at least a second but was PT0S");
    TrustGenerators.TrustEventTemplate drop = TrustGenerators.ordinaryDrops().sample();
    assertThatThrownBy(() -> new TrustGenerators.Step(drop, Duration.ofNanos(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("gap must be zero or positive but was PT-0.000000001S");
    assertThatThrownBy(() -> new EventSpec(Duration.ofDays(-1), drop.behaviour(), 1.0, drop.disclosure(), ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("gap must be zero or positive but was PT-24H");
  }

  @Property(tries = 500)
  @Label("HistoryGenerators.gaps(maxGap): whole microseconds up to maxGap, and centuries only past 365 days")
  void historyGapsKeepTheirBounds(@ForAll("maxGapsAndGaps") Duration[] maxGapAndGap) {
    Duration maxGap = maxGapAndGap[0];
    Duration gap = maxGapAndGap[1];
    boolean centuries = maxGap.compareTo(Duration.ofDays(365)) > 0;
    Duration longest = centuries && maxGap.compareTo(Duration.ofDays(300 * 365)) < 0 ? Duration.ofDays(300 * 365) : maxGap;
    assertThat(gap).isBetween(Duration.ZERO, longest);
    assertThat(wholeMicros(gap)).isTrue();
  }

  @Provide
  Arbitrary<Duration[]> maxGapsAndGaps() {
    return net.jqwik.api.Arbitraries.of(Duration.ofSeconds(1), Duration.ofDays(1), Duration.ofDays(365),
            Duration.ofDays(366), Duration.ofDays(36_500), Duration.ofDays(400_000))
        .flatMap(max -> HistoryGenerators.gaps(max).map(g -> new Duration[] {max, g}));
  }

  @Property(tries = 100)
  @Label("scenarios: each event lies its step's gap after the one before, unless that would pass the latest scenario time")
  void scenariosLayTheirGaps(
      @ForAll(supplier = TrustGenerators.Instants.class) Instant start, @ForAll("stepLists") List<TrustGenerators.Step> steps) {
    TrustGenerators.Scenario scenario = TrustGenerators.materialise(TrustPolicy.defaults(), start, steps);
    Instant previous = start;
    for (int i = 0; i < steps.size(); i++) {
      Instant t = scenario.events().get(i).time();
      Instant laid = previous.plus(steps.get(i).gap());
      assertThat(t).isEqualTo(laid.isAfter(TrustGenerators.LATEST_SCENARIO_TIME) ? previous : laid);
      previous = t;
    }
  }

  @Provide
  Arbitrary<List<TrustGenerators.Step>> stepLists() {
    return TrustGenerators.steps(TrustGenerators.gaps()).list().ofMaxSize(30);
  }
}
