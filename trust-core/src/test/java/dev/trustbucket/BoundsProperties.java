package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.testing.TrustGenerators.Scenario;
import dev.trustbucket.testing.TrustGenerators.TrustEventTemplate;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import dev.trustbucket.testing.TrustGenerators;

/** Law 1 · bounds: for any valid events and times the level is finite and in [0, 1]. */
@Label("Law 1 · bounds")
class BoundsProperties {

  @Property(tries = 200)
  @Label("Law 1 · bounds: level finite in [0, 1] after every event of up to 2,000, every preset")
  void boundedAfterEveryEvent(@ForAll(supplier = TrustGenerators.LongScenarios.class) Scenario scenario) {
    TrustBucket b = BucketInvariants.check(scenario.startBucket());
    boolean breach = false;
    boolean full = false;
    boolean empty = false;
    for (TrustEvent e : scenario.events()) {
      b = BucketInvariants.check(b.plus(e));
      breach |= scenario.policy().isBreach(e);
      full |= b.level() == 1.0;
      empty |= b.level() == 0.0;
    }
    Statistics.label("events").collect(scenario.events().size() < 100 ? "< 100" : scenario.events().size() < 1000 ? "100-999" : ">= 1000");
    Statistics.label("breach").collect(breach);
    Statistics.label("full bucket").collect(full);
    Statistics.label("empty bucket").collect(empty);
    Statistics.label("events").coverage(c -> c.check(">= 1000").percentage(p -> p > 20));
    Statistics.label("breach").coverage(c -> c.check(true).percentage(p -> p > 90));
    Statistics.label("full bucket").coverage(c -> c.check(true).percentage(p -> p > 30));
    Statistics.label("empty bucket").coverage(c -> c.check(true).percentage(p -> p > 30));
  }

  @Property(tries = 300)
  @Label("Law 1 · bounds: level finite in [0, 1] after every event of up to 200 (shrinkable), every preset")
  void boundedAfterEveryEventShrinkable(@ForAll(supplier = TrustGenerators.Scenarios.class) Scenario scenario) {
    BucketInvariants.run(scenario);
  }

  @Property(tries = 300)
  @Label("Law 1 · bounds: gaps of centuries between events keep the level finite in [0, 1]")
  void boundedAcrossCenturies(@ForAll("centuryScenarios") Scenario scenario) {
    TrustBucket b = scenario.startBucket();
    for (TrustEvent e : scenario.events()) {
      // Observe the bucket halfway through the gap as well: decay alone must stay in bounds.
      Instant mid = b.time().plus(java.time.Duration.between(b.time(), e.time()).dividedBy(2));
      BucketInvariants.check(b.at(mid));
      b = BucketInvariants.check(b.plus(e));
    }
  }

  @Provide
  Arbitrary<Scenario> centuryScenarios() {
    return TrustGenerators.scenarios(TrustGenerators.presets(), TrustGenerators.centuryGaps(), 1, 100);
  }

  @Property
  @Label("Law 1 · bounds: one event of any weight from any level stays finite in [0, 1]")
  void boundedFromAnyLevel(
      @ForAll(supplier = TrustGenerators.Presets.class) TrustPolicy policy,
      @ForAll(supplier = TrustGenerators.Levels.class) double level,
      @ForAll(supplier = TrustGenerators.EventTemplates.class) TrustEventTemplate event,
      @ForAll(supplier = TrustGenerators.Gaps.class) Duration gap) {
    TrustBucket b = BucketInvariants.check(TrustBucket.of(policy, TrustGenerators.T0, level));
    TrustBucket after = BucketInvariants.check(b.plus(event.at(TrustGenerators.T0.plus(gap))));
    Statistics.label("after").collect(after.level() == 0.0 ? "empty" : after.level() == 1.0 ? "full" : "between");
    Statistics.label("after").coverage(c -> {
      c.check("empty").percentage(p -> p > 1);
      c.check("full").percentage(p -> p > 1);
    });
  }

  @Property(tries = 200)
  @Label("Law 1 · bounds: advancing to any later instant, up to the end of the supported range, stays in bounds")
  void boundedWhenAdvancedAnyDistance(
      @ForAll(supplier = TrustGenerators.Scenarios.class) Scenario scenario,
      @ForAll(supplier = TrustGenerators.Gaps.class) Duration gap) {
    TrustBucket b = BucketInvariants.run(scenario);
    BucketInvariants.check(b.at(b.time().plus(gap)));
    BucketInvariants.check(b.at(dev.trustbucket.internal.EpochMicros.MAX));
  }

  @Property(tries = 50)
  @Label("Law 1 · bounds: from the earliest to the latest supported instant, the level stays finite")
  void boundedAcrossTheWholeSupportedRange(
      @ForAll(supplier = TrustGenerators.Presets.class) TrustPolicy policy,
      @ForAll(supplier = TrustGenerators.Levels.class) double level,
      @ForAll(supplier = TrustGenerators.EventTemplates.class) TrustEventTemplate event) {
    TrustBucket first = TrustBucket.of(policy, dev.trustbucket.internal.EpochMicros.MIN, level);
    TrustBucket b = BucketInvariants.check(first.plus(event.at(dev.trustbucket.internal.EpochMicros.MIN)));
    TrustBucket last = BucketInvariants.check(b.at(dev.trustbucket.internal.EpochMicros.MAX));
    BucketInvariants.check(last.plus(event.at(dev.trustbucket.internal.EpochMicros.MAX)));
    // After 580,000 years everything is forgotten: the level is back at the baseline.
    assertThat(last.level()).isEqualTo(policy.baseline());
    assertThat(last.scar()).isZero();
  }
}
