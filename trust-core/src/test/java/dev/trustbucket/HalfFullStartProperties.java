package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import dev.trustbucket.testing.TrustGenerators;

/** Law 2 · half-full start: a new bucket sits at the baseline, in the tier the baseline earns. */
@Label("Law 2 · half-full start")
class HalfFullStartProperties {

  @Property
  @Label("Law 2 · half-full start: start() sits at the baseline, in the tier the baseline earns, unscarred")
  void startsAtTheBaseline(
      @ForAll(supplier = TrustGenerators.Presets.class) TrustPolicy policy,
      @ForAll(supplier = TrustGenerators.Instants.class) Instant time) {
    TrustBucket b = BucketInvariants.check(TrustBucket.of(policy, time));
    assertThat(b.level()).isEqualTo(policy.baseline());
    assertThat(b.tier()).isEqualTo(policy.ladder().tierFor(policy.baseline()));
    assertThat(b.scar()).isZero();
    assertThat(b.ceiling()).isEqualTo(1.0);
    assertThat(b.promotedAt()).isEmpty();
    assertThat(b.positiveEvidence()).isZero();
    assertThat(b.negativeEvidence()).isZero();
    assertThat(b.policy()).isSameAs(policy);
    assertThat(b).isEqualTo(TrustBucket.of(policy, time, policy.baseline()));
  }

  @Example
  @Label("Law 2 · half-full start: every preset starts at 0.5, SUPERVISED")
  void presetsStartHalfFullAndSupervised() {
    for (TrustPolicy policy : TrustGenerators.PRESETS) {
      TrustBucket b = TrustBucket.of(policy, TrustGenerators.T0);
      assertThat(b.level()).as(policy.name()).isEqualTo(0.5);
      assertThat(b.tier()).as(policy.name()).isEqualTo(AutonomyTier.SUPERVISED);
    }
  }
}
