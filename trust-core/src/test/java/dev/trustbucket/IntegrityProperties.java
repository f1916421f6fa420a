package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.testing.TrustGenerators.TrustEventTemplate;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.behaviour.Dimension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import dev.trustbucket.testing.TrustGenerators;

/**
 * Law 8 · integrity is stickier than competence (default policy): an integrity breach drains at
 * least twice a competence failure of equal severity and leaves a scar, so that after 50 ordinary
 * drops, one a week, the level is still below where it was before; after a competence failure
 * alone, the same drops bring it back.
 */
@Label("Law 8 · integrity is stickier than competence")
class IntegrityProperties {

  static final TrustPolicy DEFAULT = TrustPolicy.defaults();

  @Provide
  Arbitrary<TrustBucket> defaultBuckets() {
    return TrustGenerators.buckets(Arbitraries.just(DEFAULT));
  }

  @Provide
  Arbitrary<Behaviour> integrityDrains() {
    return TrustGenerators.drains(Dimension.INTEGRITY);
  }

  @Provide
  Arbitrary<Behaviour> abilityDrains() {
    return TrustGenerators.drains(Dimension.ABILITY);
  }

  @Property
  @Label("Law 8 · integrity: an integrity drain drains >= 2× an ability drain of equal weight while unsaturated, and scars")
  void integrityDrainsTwiceAndScars(
      @ForAll("defaultBuckets") TrustBucket b,
      @ForAll("integrityDrains") Behaviour integrity,
      @ForAll("abilityDrains") Behaviour ability,
      @ForAll(supplier = TrustGenerators.Weights.class) double weight,
      @ForAll(supplier = TrustGenerators.Disclosures.class) Disclosure disclosure) {
    TrustEvent i = TrustEvent.of(integrity, b.time()).withWeight(weight).withDisclosure(disclosure);
    TrustEvent a = TrustEvent.of(ability, b.time()).withWeight(weight).withDisclosure(disclosure);
    double m = DEFAULT.drainMultipliers().multiplier(integrity, disclosure);
    boolean unsaturated = DEFAULT.rates().lossRate() * weight * m < 1.0;
    TrustBucket afterIntegrity = BucketInvariants.check(b.plus(i));
    TrustBucket afterAbility = BucketInvariants.check(b.plus(a));
    double integrityLoss = b.level() - afterIntegrity.level();
    double abilityLoss = b.level() - afterAbility.level();
    if (unsaturated) {
      // 1e-15: both losses are differences of rounded levels.
      assertThat(integrityLoss).isGreaterThanOrEqualTo(2.0 * abilityLoss - 1e-15);
    } else {
      assertThat(afterIntegrity.level()).as("a saturated drain empties the bucket").isZero();
    }
    assertThat(DEFAULT.isBreach(i)).isTrue();
    assertThat(afterIntegrity.scar()).as("an integrity breach never heals a scar").isGreaterThanOrEqualTo(b.scar());
    if (weight > 0 && b.scar() == 0.0) {
      assertThat(afterIntegrity.scar()).as("an integrity breach leaves a scar").isPositive();
    }
    assertThat(afterIntegrity.scar()).isGreaterThanOrEqualTo(afterAbility.scar());
  }

  @Example
  @Label("Law 8 · integrity: at 0.8 over-promising drains exactly 2× missing a deadline and leaves a 0.25 scar")
  void integrityPremiumExample() {
    TrustBucket b = TrustBucket.of(DEFAULT, TrustGenerators.T0, 0.8);
    TrustBucket overPromised = b.plus(TrustEvent.of(Behaviours.OVER_PROMISED, TrustGenerators.T0));
    TrustBucket missed = b.plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, TrustGenerators.T0));
    assertThat(0.8 - overPromised.level()).isCloseTo(0.336, within(1e-12));
    assertThat(0.8 - missed.level()).isCloseTo(0.168, within(1e-12));
    assertThat(overPromised.scar()).isCloseTo(0.25, within(1e-12));
    assertThat(missed.scar()).isZero();
  }

  /** Applies one drain at {@code t}, then 50 drops one a week, and returns the final level. */
  static double afterFiftyWeeklyDrops(double p, Instant t, TrustEvent drain, List<TrustEventTemplate> drops) {
    TrustBucket b = BucketInvariants.check(TrustBucket.of(DEFAULT, t, p).plus(drain));
    for (int week = 1; week <= 50; week++) {
      b = BucketInvariants.check(b.plus(drops.get(week % drops.size()).at(t.plus(Duration.ofDays(7L * week)))));
    }
    return b.level();
  }

  @Property
  @Label("Law 8 · integrity: after one ordinary integrity breach from p in [0.75, 0.9], 50 weekly ordinary drops leave the level below p")
  void integrityBreachOutlastsFiftyWeeks(
      @ForAll @DoubleRange(min = 0.75, max = 0.9) double p,
      @ForAll(supplier = TrustGenerators.Instants.class) Instant t,
      @ForAll("integrityDrains") Behaviour integrity,
      @ForAll @Size(min = 1, max = 5) List<@From(supplier = TrustGenerators.OrdinaryDrops.class) TrustEventTemplate> drops) {
    TrustEvent breach = TrustEvent.of(integrity, t).withWeight(1.0);
    assertThat(afterFiftyWeeklyDrops(p, t, breach, drops)).isLessThan(p);
  }

  @Property
  @Label("Law 8 · integrity: after one ordinary competence failure from p in [0.75, 0.9], 50 weekly ordinary drops bring the level back to >= p")
  void competenceFailureHealsInFiftyWeeks(
      @ForAll @DoubleRange(min = 0.75, max = 0.9) double p,
      @ForAll(supplier = TrustGenerators.Instants.class) Instant t,
      @ForAll("abilityDrains") Behaviour ability,
      @ForAll @Size(min = 1, max = 5) List<@From(supplier = TrustGenerators.OrdinaryDrops.class) TrustEventTemplate> drops) {
    TrustEvent failure = TrustEvent.of(ability, t).withWeight(1.0);
    assertThat(afterFiftyWeeklyDrops(p, t, failure, drops)).isGreaterThanOrEqualTo(p);
  }

  @Example
  @Label("Law 8 · integrity: from 0.75, over-promising then 50 weekly drops ends at 0.7424; missing a deadline at 0.9208")
  void calibration() {
    List<TrustEventTemplate> drops =
        List.of(new TrustEventTemplate(Behaviours.DELIVERED_ON_COMMITMENT, 1.0, Disclosure.notRecorded()));
    Instant t = TrustGenerators.T0;
    assertThat(afterFiftyWeeklyDrops(0.75, t, TrustEvent.of(Behaviours.OVER_PROMISED, t), drops))
        .isCloseTo(0.7424, within(5e-5));
    assertThat(afterFiftyWeeklyDrops(0.75, t, TrustEvent.of(Behaviours.MISSED_DEADLINE, t), drops))
        .isCloseTo(0.9208, within(5e-5));
  }
}
