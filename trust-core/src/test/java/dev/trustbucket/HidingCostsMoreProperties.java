package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.behaviour.Behaviour;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.statistics.Statistics;
import dev.trustbucket.testing.TrustGenerators;

/**
 * Law 9 · hiding costs more than the mistake: for the same mistake, self-reported early costs less
 * than the mistake with no disclosure recorded, which costs less than the mistake hidden and
 * discovered; and the discovered cost grows with the delay before discovery. Checked for every
 * asymmetric preset (the symmetric one has no concealment penalty by design: law 15).
 */
@Label("Law 9 · hiding costs more")
class HidingCostsMoreProperties {

  static double cost(TrustPolicy policy, double level, Behaviour mistake, double weight, Disclosure disclosure) {
    TrustBucket b = TrustBucket.of(policy, TrustGenerators.T0, level);
    TrustBucket after = BucketInvariants.check(
        b.plus(TrustEvent.of(mistake, TrustGenerators.T0).withWeight(weight).withDisclosure(disclosure)));
    return level - after.level();
  }

  /** Whether a drain with this disclosure is below saturation (it does not empty the bucket). */
  static boolean unsaturated(TrustPolicy policy, Behaviour mistake, double weight, Disclosure disclosure) {
    return policy.rates().lossRate() * weight * policy.drainMultipliers().multiplier(mistake, disclosure) < 1.0;
  }

  @Provide
  Arbitrary<Double> everydayWeights() {
    return Arbitraries.doubles().between(0.05, 2.0).withSpecialValue(1.0);
  }

  @Property
  @Label("Law 9 · hiding costs more: self-reported < not recorded < discovered at once, for any drain")
  void selfReportedCostsLeastDiscoveredMost(
      @ForAll(supplier = TrustGenerators.AsymmetricPolicies.class) TrustPolicy policy,
      @ForAll @DoubleRange(min = 0.01, max = 1.0) double level,
      @ForAll(supplier = TrustGenerators.Drains.class) Behaviour mistake,
      @ForAll("everydayWeights") double weight) {
    Disclosure discovered = Disclosure.discovered(Duration.ZERO);
    if (!unsaturated(policy, mistake, weight, discovered)) {
      return; // every disclosure would empty the bucket alike
    }
    double selfReported = cost(policy, level, mistake, weight, Disclosure.selfReported());
    double notRecorded = cost(policy, level, mistake, weight, Disclosure.notRecorded());
    double discoveredAtOnce = cost(policy, level, mistake, weight, discovered);
    assertThat(selfReported).isPositive().isLessThan(notRecorded);
    assertThat(notRecorded).isLessThan(discoveredAtOnce);
  }

  @Property
  @Label("Law 9 · hiding costs more: the discovered cost grows strictly with the delay before discovery")
  void discoveredCostGrowsWithDelay(
      @ForAll(supplier = TrustGenerators.AsymmetricPolicies.class) TrustPolicy policy,
      @ForAll @DoubleRange(min = 0.01, max = 1.0) double level,
      @ForAll(supplier = TrustGenerators.Drains.class) Behaviour mistake,
      @ForAll("everydayWeights") double weight,
      @ForAll("delaysUpToAYear") Duration a,
      @ForAll("delaysUpToAYear") Duration b) {
    if (a.equals(b)) {
      return;
    }
    Duration shorter = a.compareTo(b) < 0 ? a : b;
    Duration longer = a.compareTo(b) < 0 ? b : a;
    Disclosure later = Disclosure.discovered(longer);
    if (!unsaturated(policy, mistake, weight, later)) {
      return;
    }
    Statistics.collect(longer.minus(shorter).toMinutes() < 1 ? "< 1 minute apart" : ">= 1 minute apart");
    double early = cost(policy, level, mistake, weight, Disclosure.discovered(shorter));
    double late = cost(policy, level, mistake, weight, later);
    assertThat(late).as("found after %s vs after %s", longer, shorter).isGreaterThan(early);
  }

  /**
   * Delays from zero to a year (about 12 default concealment half-times, well before the
   * multiplier reaches its limit in double precision), at second resolution, many of them close
   * together.
   */
  @Provide
  Arbitrary<Duration> delaysUpToAYear() {
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 600)),
            net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 365 * 86_400L)))
        .map(Duration::ofSeconds);
  }
}
