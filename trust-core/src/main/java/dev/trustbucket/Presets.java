package dev.trustbucket;

import com.google.common.collect.ImmutableList;
import dev.trustbucket.decay.DecayRule;
import java.time.Duration;

/** The named policies; each number's source is in {@code docs/policy.md}. */
final class Presets {
  private Presets() {}

  static final TrustPolicy DEFAULT = TrustPolicy.builder().name("default").build();

  static final TrustPolicy SYMMETRIC =
      TrustPolicy.builder()
          .name("symmetric")
          .gainRate(0.1)
          .lossRate(0.1)
          .integrityMultiplier(1.0)
          .integrityBreaches(false)
          .scarRate(0.0)
          .maxScar(0.0)
          .selfReportedMultiplier(1.0)
          .discoveredMultiplier(1.0)
          .discoveredMultiplierLimit(1.0)
          .brokenPromiseMultiplier(1.0)
          .abandonmentMultiplier(1.0)
          .build();

  static final TrustPolicy STRICT =
      TrustPolicy.builder()
          .name("strict")
          .gainRate(0.05)
          .lossRate(0.25)
          .integrityMultiplier(2.5)
          .scarRate(0.35)
          .discoveredMultiplier(1.75)
          .discoveredMultiplierLimit(2.5)
          .decay(DecayRule.exponential(Duration.ofDays(730)))
          .scarDecay(DecayRule.exponential(Duration.ofDays(1_825)))
          .ladder(new AutonomyLadder(0.4, 0.65, 0.85, 0.05, Duration.ofDays(30)))
          .build();

  static final TrustPolicy FORGIVING =
      TrustPolicy.builder()
          .name("forgiving")
          .gainRate(0.08)
          .lossRate(0.18)
          .integrityMultiplier(1.5)
          .scarRate(0.15)
          .maxScar(0.3)
          .selfReportedMultiplier(0.4)
          .discoveredMultiplier(1.25)
          .discoveredMultiplierLimit(1.5)
          .decay(DecayRule.exponential(Duration.ofDays(182)))
          .scarDecay(DecayRule.exponential(Duration.ofDays(548)))
          .ladder(new AutonomyLadder(0.3, 0.55, 0.75, 0.05, Duration.ofDays(7)))
          .build();

  static final ImmutableList<TrustPolicy> ALL = ImmutableList.of(DEFAULT, SYMMETRIC, STRICT, FORGIVING);
}
