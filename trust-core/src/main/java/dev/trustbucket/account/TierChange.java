package dev.trustbucket.account;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;

/**
 * A relationship moved to another autonomy tier.
 *
 * @param relationship whose tier changed
 * @param cause the event after which it changed
 * @param from the tier before
 * @param to the tier after
 * @param state the bucket after the event
 */
public record TierChange(
    Relationship relationship, TrustEvent cause, AutonomyTier from, AutonomyTier to, TrustBucket state) {
  /**
   * Checks that no part is null.
   *
   * @param relationship whose tier changed
   * @param cause the event after which it changed
   * @param from the tier before
   * @param to the tier after
   * @param state the bucket after the event
   */
  public TierChange {
    requireNonNull(relationship, "relationship");
    requireNonNull(cause, "cause");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(state, "state");
  }

  /**
   * Returns whether the change is a promotion.
   *
   * @return {@code true} when {@code to} is higher than {@code from}
   */
  public boolean isPromotion() {
    return to.isHigherThan(from);
  }
}
