package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.internal.EpochMicros;
import dev.trustbucket.testing.TrustGenerators.Scenario;
import java.util.List;

/**
 * The invariants every bucket must satisfy after every step, checked in one place. The checks are
 * plain comparisons so that they can run after each of millions of events.
 */
public final class BucketInvariants {
  private BucketInvariants() {}

  /**
   * Checks a bucket: level finite in [0, 1] (law 1), scar finite in [0, maxScar], ceiling {@code 1
   * - scar}, evidence finite and non-negative, time in the supported range, and a tier consistent
   * with the ladder: never below what the level earns, and above the band of its own threshold
   * unless a promotion within the minimum stay protects it.
   *
   * @param b the bucket
   * @return {@code b}, for chaining
   * @throws AssertionError naming the broken invariant and the bucket
   */
  public static TrustBucket check(TrustBucket b) {
    TrustPolicy p = b.policy();
    double level = b.level();
    double scar = b.scar();
    require(Double.isFinite(level) && level >= 0.0 && level <= 1.0, b, "level must be finite and in [0, 1]");
    require(Double.isFinite(scar) && scar >= 0.0 && scar <= p.breachRules().maxScar(), b, "scar must be finite and in [0, maxScar]");
    require(b.ceiling() == 1.0 - scar, b, "ceiling must be 1 - scar");
    require(b.ceiling() >= 1.0 - p.breachRules().maxScar(), b, "ceiling must not fall below 1 - maxScar");
    require(Double.isFinite(b.positiveEvidence()) && b.positiveEvidence() >= 0.0, b,
        "positive evidence must be finite and >= 0");
    require(Double.isFinite(b.negativeEvidence()) && b.negativeEvidence() >= 0.0, b,
        "negative evidence must be finite and >= 0");
    require(!b.time().isBefore(EpochMicros.MIN) && !b.time().isAfter(EpochMicros.MAX), b,
        "time must be in the supported range");
    require(b.tier() != null, b, "tier must not be null");

    AutonomyLadder ladder = p.ladder();
    require(b.tier().compareTo(ladder.tierFor(level)) >= 0, b,
        "tier must never be below the tier the level earns (" + ladder.tierFor(level) + ")");
    require(b.promotedAt().map(at -> !at.isAfter(b.time())).orElse(true), b,
        "promotedAt must not be after the state's time");
    if (level < ladder.threshold(b.tier()) - ladder.hysteresisBand()) {
      long stayMicros = ladder.minimumStay().toNanos() / 1_000L;
      boolean protectedByStay =
          b.promotedAt()
              .map(at -> b.timeMicros() - EpochMicros.of(at, "promotedAt") < stayMicros)
              .orElse(false);
      require(protectedByStay, b,
          "a level below its tier's band must be protected by a promotion within the minimum stay"
              + " (promotedAt " + b.promotedAt() + ")");
    }
    return b;
  }

  /**
   * Applies events in order, checking the invariants after every step.
   *
   * @param bucket the starting bucket
   * @param events events in time order
   * @return the bucket after the last one
   */
  public static TrustBucket runAll(TrustBucket bucket, List<TrustEvent> events) {
    TrustBucket b = bucket;
    for (TrustEvent e : events) {
      b = b.plus(e);
      check(b);
    }
    return b;
  }

  /**
   * Runs a scenario from its start bucket, checking the invariants after every step.
   *
   * @param scenario the scenario
   * @return the bucket after its last event
   */
  public static TrustBucket run(Scenario scenario) {
    return runAll(scenario.startBucket(), scenario.events());
  }

  /**
   * Asserts that two doubles are the same bit pattern.
   *
   * @param actual the value computed
   * @param expected the value expected
   */
  public static void assertBitwise(double actual, double expected) {
    assertThat(Double.doubleToRawLongBits(actual))
        .as("%s must equal %s bit for bit", actual, expected)
        .isEqualTo(Double.doubleToRawLongBits(expected));
  }

  private static void require(boolean ok, TrustBucket b, String what) {
    if (!ok) {
      throw new AssertionError(what + ", but got " + b + " (level=" + b.level() + ", scar=" + b.scar()
          + ", positiveEvidence=" + b.positiveEvidence() + ", negativeEvidence=" + b.negativeEvidence() + ")");
    }
  }
}
