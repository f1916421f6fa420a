package dev.trustbucket.kafka;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustBucket;
import java.time.Instant;

/**
 * A relationship moved to another autonomy tier: after an event, or because decay alone carried
 * its level across a tier's line while no event arrived. Instances are immutable and thread-safe.
 *
 * @param at when the tier changed: the event's time, or the instant the decay check observed
 * @param from the tier reported before
 * @param to the tier now
 * @param byDecay {@code true} when no event caused it: the level decayed toward the baseline (or
 *     a minimum stay ended) until the tier changed
 * @param state the bucket at {@code at}: just after the event, or decayed to {@code at}
 */
public record TierTransition(Instant at, AutonomyTier from, AutonomyTier to, boolean byDecay, TrustBucket state) {
  /**
   * Checks that no part is null and that the tier did change.
   *
   * @param at when the tier changed: the event's time, or the instant the decay check observed
   * @param from the tier reported before
   * @param to the tier now
   * @param byDecay {@code true} when no event caused it
   * @param state the bucket at {@code at}
   * @throws IllegalArgumentException when {@code from} equals {@code to} or {@code state} is not
   *     at {@code at} in tier {@code to}
   */
  public TierTransition {
    requireNonNull(at, "at");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(state, "state");
    if (from == to) {
      throw new IllegalArgumentException("a tier transition must change the tier but from and to were both " + to);
    }
    if (state.tier() != to || !state.time().equals(at)) {
      throw new IllegalArgumentException(
          "state must be in tier " + to + " at " + at + " but was in " + state.tier() + " at " + state.time());
    }
  }

  /**
   * Returns whether the relationship moved up.
   *
   * @return {@code true} when {@code to} is higher than {@code from}
   */
  public boolean isPromotion() {
    return to.isHigherThan(from);
  }
}
