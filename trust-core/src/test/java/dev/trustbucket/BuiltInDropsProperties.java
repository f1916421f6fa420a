package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.testing.TrustGenerators.TrustEventTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import dev.trustbucket.testing.TrustGenerators;

/**
 * Law 7 · built in drops, lost in buckets (default policy): regaining what one ordinary drain cost
 * takes at least 3 ordinary drops at level 0.5, more at higher levels; after one major breach at
 * 0.9, getting back to 0.9 takes at least 10 ordinary drops.
 */
@Label("Law 7 · built in drops, lost in buckets")
class BuiltInDropsProperties {

  static final TrustPolicy DEFAULT = TrustPolicy.defaults();
  static final int CAP = 1_000;

  /**
   * Counts the drops it takes to get back to {@code target}, one after the other with the given
   * gaps (cycled), or {@link #CAP} when they never do.
   */
  static int dropsToRegain(TrustBucket b, double target, List<TrustEventTemplate> drops, List<Duration> gaps) {
    for (int n = 1; n <= CAP; n++) {
      b = BucketInvariants.check(b.plus(drops.get(n % drops.size()).at(b.time().plus(gaps.get(n % gaps.size())))));
      if (b.level() >= target) {
        return n;
      }
    }
    return CAP;
  }

  static int dropsToRegainAtOnce(double level, TrustEventTemplate drain) {
    TrustBucket start = TrustBucket.of(DEFAULT, TrustGenerators.T0, level);
    TrustBucket drained = start.plus(drain.at(TrustGenerators.T0));
    return dropsToRegain(drained, level, List.of(new TrustEventTemplate(
        dev.trustbucket.behaviour.Behaviours.DELIVERED_ON_COMMITMENT, 1.0, Disclosure.notRecorded())), List.of(Duration.ZERO));
  }

  @Provide
  Arbitrary<Duration> upToAWeek() {
    return TrustGenerators.gapsBetween(Duration.ZERO, Duration.ofDays(7));
  }

  @Property
  @Label("Law 7 · built in drops: regaining one ordinary drain at 0.5 takes >= 3 ordinary drops (spaced 0 to a week)")
  void oneDrainCostsAtLeastThreeDrops(
      @ForAll(supplier = TrustGenerators.Instants.class) Instant t,
      @ForAll(supplier = TrustGenerators.OrdinaryDrains.class) TrustEventTemplate drain,
      @ForAll @Size(min = 1, max = 5) List<@From(supplier = TrustGenerators.OrdinaryDrops.class) TrustEventTemplate> drops,
      @ForAll @Size(min = 1, max = 5) List<@From("upToAWeek") Duration> gaps) {
    TrustBucket drained = TrustBucket.of(DEFAULT, t, 0.5).plus(drain.at(t));
    int n = dropsToRegain(drained, 0.5, drops, gaps);
    Statistics.collect(n);
    assertThat(n).isGreaterThanOrEqualTo(3);
  }

  @Property
  @Label("Law 7 · built in drops: the drops needed to regain one ordinary drain (all at once, no decay) never fall as the starting level rises in [0.5, 0.95]")
  void higherLevelsNeedMoreDrops(
      @ForAll @DoubleRange(min = 0.5, max = 0.95) double a,
      @ForAll @DoubleRange(min = 0.5, max = 0.95) double b,
      @ForAll(supplier = TrustGenerators.OrdinaryDrains.class) TrustEventTemplate drain) {
    double lower = Math.min(a, b);
    double higher = Math.max(a, b);
    int atLower = dropsToRegainAtOnce(lower, drain);
    int atHigher = dropsToRegainAtOnce(higher, drain);
    assertThat(atLower).isGreaterThanOrEqualTo(3);
    assertThat(atHigher).as("drops to regain from %s vs from %s", higher, lower).isGreaterThanOrEqualTo(atLower);
    assertThat(atHigher).isLessThan(CAP);
  }

  @Example
  @Label("Law 7 · built in drops: one ordinary drain takes 3 drops to regain at 0.5, 4 at 0.6, 9 at 0.8, 15 at 0.9, 23 at 0.95")
  void dropsToRegainByLevel() {
    TrustEventTemplate drain = new TrustEventTemplate(
        dev.trustbucket.behaviour.Behaviours.MISSED_DEADLINE, 1.0, Disclosure.notRecorded());
    assertThat(dropsToRegainAtOnce(0.5, drain)).isEqualTo(3);
    assertThat(dropsToRegainAtOnce(0.6, drain)).isEqualTo(4);
    assertThat(dropsToRegainAtOnce(0.8, drain)).isEqualTo(9);
    assertThat(dropsToRegainAtOnce(0.9, drain)).isEqualTo(15);
    assertThat(dropsToRegainAtOnce(0.95, drain)).isEqualTo(23);
  }

  @Property
  @Label("Law 7 · lost in buckets: after one major breach at 0.9, getting back to 0.9 takes >= 10 ordinary drops")
  void majorBreachTakesTenDrops(
      @ForAll(supplier = TrustGenerators.Instants.class) Instant t,
      @ForAll(supplier = TrustGenerators.Drains.class) dev.trustbucket.behaviour.Behaviour breach,
      @ForAll(supplier = TrustGenerators.Disclosures.class) Disclosure disclosure,
      @ForAll @Size(min = 1, max = 5) List<@From(supplier = TrustGenerators.OrdinaryDrops.class) TrustEventTemplate> drops,
      @ForAll @Size(min = 1, max = 5) List<@From("upToFourWeeks") Duration> gaps) {
    TrustEvent major = TrustEvent.of(breach, t).withWeight(DEFAULT.breachRules().majorSeverity()).withDisclosure(disclosure);
    assertThat(DEFAULT.isBreach(major)).isTrue();
    TrustBucket after = BucketInvariants.check(TrustBucket.of(DEFAULT, t, 0.9).plus(major));
    int n = dropsToRegain(after, 0.9, drops, gaps);
    Statistics.collect(n == CAP ? "never within " + CAP : n < 100 ? "< 100" : ">= 100");
    assertThat(n).isGreaterThanOrEqualTo(10);
  }

  @Provide
  Arbitrary<Duration> upToFourWeeks() {
    return TrustGenerators.gapsBetween(Duration.ZERO, Duration.ofDays(28));
  }
}
