package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.From;
import net.jqwik.api.statistics.Statistics;
import dev.trustbucket.testing.TrustGenerators;

/**
 * Law 11 · decay: without events the level relaxes toward the baseline, never past it; decay over
 * a + b equals decay over a then over b (to 1e-12); decay over zero time changes nothing; scars
 * fade at their own, slower rate. Holds for every preset. The decay rules themselves are checked
 * by {@code dev.trustbucket.decay.DecayRuleContract}.
 */
@Label("Law 11 · decay")
class DecayProperties {

  @Property(tries = 500)
  @Label("Law 11 · decay: with no events the level relaxes toward the baseline, never past it, every preset")
  void relaxesTowardBaselineNeverPast(
      @ForAll(supplier = TrustGenerators.Buckets.class) TrustBucket bucket,
      @ForAll @Size(min = 1, max = 20) List<@From(supplier = TrustGenerators.Gaps.class) Duration> gaps) {
    double baseline = bucket.policy().baseline();
    double deviation = bucket.level() - baseline;
    Instant t = bucket.time();
    for (Duration gap : gaps) {
      t = t.plus(gap);
      TrustBucket later = BucketInvariants.check(bucket.at(t));
      double next = later.level() - baseline;
      assertThat(Math.signum(next) == Math.signum(deviation) || next == 0.0)
          .as("deviation %s after %s must not change sign from %s", next, t, deviation)
          .isTrue();
      assertThat(Math.abs(next)).as("|deviation| after %s", t).isLessThanOrEqualTo(Math.abs(deviation));
      assertThat(later.scar()).as("scar after %s", t).isLessThanOrEqualTo(bucket.scar());
      deviation = next;
    }
    Statistics.collect(bucket.level() > baseline ? "above baseline" : bucket.level() < baseline ? "below baseline" : "at baseline");
    Statistics.coverage(c -> {
      c.check("above baseline").percentage(p -> p > 20);
      c.check("below baseline").percentage(p -> p > 20);
    });
  }

  @Property
  @Label("Law 11 · decay: at(a) then at(a + b) equals at(a + b), to 1e-12")
  void decayComposes(
      @ForAll(supplier = TrustGenerators.Buckets.class) TrustBucket bucket,
      @ForAll(supplier = TrustGenerators.Gaps.class) Duration a,
      @ForAll(supplier = TrustGenerators.Gaps.class) Duration b) {
    Instant ta = bucket.time().plus(a);
    Instant tab = ta.plus(b);
    TrustBucket twoSteps = BucketInvariants.check(bucket.at(ta).at(tab));
    TrustBucket oneStep = BucketInvariants.check(bucket.at(tab));
    assertThat(twoSteps.level()).isCloseTo(oneStep.level(), within(1e-12));
    assertThat(twoSteps.scar()).isCloseTo(oneStep.scar(), within(1e-12));
    assertThat(twoSteps.time()).isEqualTo(oneStep.time());
    assertThat(twoSteps.tier()).isEqualTo(oneStep.tier());
    assertThat(twoSteps.positiveEvidence()).isCloseTo(oneStep.positiveEvidence(), within(1e-5 * (1 + oneStep.positiveEvidence())));
    assertThat(twoSteps.negativeEvidence()).isCloseTo(oneStep.negativeEvidence(), within(1e-5 * (1 + oneStep.negativeEvidence())));
  }

  @Property
  @Label("Law 11 · decay: advancing over zero time returns the identical state")
  void zeroTimeChangesNothing(
      @ForAll(supplier = TrustGenerators.Buckets.class) TrustBucket bucket,
      @ForAll @IntRange(min = 0, max = 999) int nanos) {
    assertThat(bucket.at(bucket.time())).isSameAs(bucket);
    // Sub-microsecond parts are dropped, so this is still zero time.
    assertThat(bucket.at(bucket.time().plusNanos(nanos))).isSameAs(bucket);
    assertThat(bucket.levelAt(bucket.time())).isEqualTo(bucket.level());
    assertThat(bucket.tierAt(bucket.time())).isEqualTo(bucket.tier());
  }

  @Property
  @Label("Law 11 · decay: scars fade no faster than the level, every preset")
  void scarsFadeSlowerThanTheLevel(
      @ForAll(supplier = TrustGenerators.Buckets.class) TrustBucket bucket,
      @ForAll(supplier = TrustGenerators.Gaps.class) Duration gap) {
    TrustPolicy p = bucket.policy();
    assertThat(p.scarDecay().retained(gap)).isGreaterThanOrEqualTo(p.decay().retained(gap));
    TrustBucket later = bucket.at(bucket.time().plus(gap));
    double deviation = Math.abs(bucket.level() - p.baseline());
    boolean comparable = bucket.scar() > 0 && deviation > 1e-6;
    Statistics.collect(comparable ? "scarred and off the baseline" : "other");
    if (comparable) {
      double scarRetention = later.scar() / bucket.scar();
      double levelRetention = Math.abs(later.level() - p.baseline()) / deviation;
      assertThat(scarRetention).isGreaterThanOrEqualTo(levelRetention - 1e-9);
    }
    Statistics.coverage(c -> c.check("scarred and off the baseline").percentage(pct -> pct > 10));
  }
}
