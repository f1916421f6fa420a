package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.testing.TrustGenerators.Scenario;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import dev.trustbucket.testing.TrustGenerators;

/**
 * Law 15 · symmetric contrast: under the symmetric preset a drop and a drain of equal weight are
 * mirror images at 0.5, with no scars and no concealment penalty.
 */
@Label("Law 15 · symmetric contrast")
class SymmetricContrastProperties {

  static final TrustPolicy SYMMETRIC = TrustPolicy.symmetric();

  @Property
  @Label("Law 15 · symmetric: a drop and a drain of equal weight are mirror images at 0.5, any behaviours and disclosure")
  void dropAndDrainMirrorAtHalf(
      @ForAll(supplier = TrustGenerators.Drops.class) Behaviour drop,
      @ForAll(supplier = TrustGenerators.Drains.class) Behaviour drain,
      @ForAll(supplier = TrustGenerators.Weights.class) double weight,
      @ForAll(supplier = TrustGenerators.Disclosures.class) Disclosure disclosure,
      @ForAll(supplier = TrustGenerators.Instants.class) Instant t) {
    TrustBucket half = TrustBucket.of(SYMMETRIC, t, 0.5);
    double up = half.plus(TrustEvent.of(drop, t).withWeight(weight)).level() - 0.5;
    double down = 0.5 - half.plus(TrustEvent.of(drain, t).withWeight(weight).withDisclosure(disclosure)).level();
    assertThat(up).isCloseTo(down, within(1e-12));
  }

  @Provide
  Arbitrary<Scenario> symmetricScenarios() {
    return TrustGenerators.scenarios(Arbitraries.just(SYMMETRIC), TrustGenerators.gaps(), 0, 200);
  }

  @Property(tries = 300)
  @Label("Law 15 · symmetric: no scars, ever, whatever happens")
  void noScarsEver(@ForAll("symmetricScenarios") Scenario scenario) {
    TrustBucket b = scenario.startBucket();
    for (TrustEvent e : scenario.events()) {
      b = BucketInvariants.check(b.plus(e));
      assertThat(b.scar()).isZero();
      assertThat(b.ceiling()).isEqualTo(1.0);
    }
  }

  @Provide
  Arbitrary<TrustBucket> symmetricBuckets() {
    return TrustGenerators.buckets(Arbitraries.just(SYMMETRIC));
  }

  @Property
  @Label("Law 15 · symmetric: disclosure changes nothing in level, scar or evidence")
  void disclosureChangesNothing(
      @ForAll("symmetricBuckets") TrustBucket bucket,
      @ForAll(supplier = TrustGenerators.Drains.class) Behaviour drain,
      @ForAll(supplier = TrustGenerators.Weights.class) double weight,
      @ForAll(supplier = TrustGenerators.Disclosures.class) Disclosure disclosure,
      @ForAll(supplier = TrustGenerators.Gaps.class) Duration gap) {
    TrustEvent plain = TrustEvent.of(drain, bucket.time().plus(gap)).withWeight(weight);
    TrustBucket asIs = bucket.plus(plain);
    TrustBucket disclosed = bucket.plus(plain.withDisclosure(disclosure));
    assertThat(SYMMETRIC.drainMultipliers().disclosureMultiplier(disclosure)).isEqualTo(1.0);
    assertThat(disclosed.level()).isEqualTo(asIs.level());
    assertThat(disclosed.scar()).isEqualTo(asIs.scar()).isZero();
    assertThat(disclosed.negativeEvidence()).isEqualTo(asIs.negativeEvidence());
    assertThat(disclosed.positiveEvidence()).isEqualTo(asIs.positiveEvidence());
    assertThat(disclosed.tier()).isEqualTo(asIs.tier());
  }

  /**
   * The counterexample that once failed: a discovered drain counted as a breach and demoted at
   * once during the minimum stay. The symmetric preset now turns {@code integrityBreaches} off.
   */
  @Example
  @Label("Law 15 · symmetric: disclosure changes nothing, the tier included")
  void discoveryDoesNotDemoteAtOnce() {
    Instant t = TrustGenerators.T0;
    TrustBucket promoted = TrustBucket.of(SYMMETRIC, t, 0.59)
        .plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, t)); // 0.631: TRUSTED
    TrustEvent drain = TrustEvent.of(Behaviours.MISSED_DEADLINE, t.plus(Duration.ofDays(1))).withWeight(1.9);
    TrustBucket notRecorded = promoted.plus(drain); // 0.511, TRUSTED (minimum stay)
    TrustBucket discovered = promoted.plus(drain.withDisclosure(Disclosure.discovered(Duration.ofDays(1))));
    assertThat(discovered.level()).isEqualTo(notRecorded.level());
    assertThat(discovered.tier()).isEqualTo(notRecorded.tier()).isEqualTo(AutonomyTier.TRUSTED);
  }
}
