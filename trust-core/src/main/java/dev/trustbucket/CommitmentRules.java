package dev.trustbucket;

import static dev.trustbucket.InvalidTrustInputException.check;
import static dev.trustbucket.InvalidTrustInputException.checkRange;
import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What a promise costs when it is not kept: the weights that {@link
 * dev.trustbucket.commitment.Commitment#resolve} gives the events of a commitment's outcome.
 *
 * <p>A commitment delivered late drains {@code importance × brokenPromiseMultiplier}; abandoned, it
 * drains that much again times {@code abandonmentMultiplier}; renegotiated with notice, it drains
 * {@code importance × renegotiationCost × 2^(−notice / renegotiationNoticeHalfTime)}. Gneezy &amp;
 * Epley (2014) found a broken promise judged clearly worse than the same outcome with no promise,
 * and an exceeded promise no better than a kept one.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param brokenPromiseMultiplier how much more a broken promise drains than the same miss without
 *     a promise, in [1, 5]; default 1.75
 * @param abandonmentMultiplier how much more an abandoned commitment drains than one delivered
 *     late, in [1, 5]; default 1.5
 * @param renegotiationCost the weight, per unit of importance, of renegotiating on the due date
 *     itself, in [0, 1]; default 0.25
 * @param renegotiationNoticeHalfTime how much notice halves the cost of a renegotiation, between
 *     one minute and 100 years; default 7 days
 */
public record CommitmentRules(
    double brokenPromiseMultiplier,
    double abandonmentMultiplier,
    double renegotiationCost,
    Duration renegotiationNoticeHalfTime) {

  private static final CommitmentRules DEFAULT = new CommitmentRules(1.75, 1.5, 0.25, Duration.ofDays(7));

  /**
   * Validates every rule.
   *
   * @param brokenPromiseMultiplier in [1, 5]
   * @param abandonmentMultiplier in [1, 5]
   * @param renegotiationCost in [0, 1]
   * @param renegotiationNoticeHalfTime between one minute and 100 years
   * @throws InvalidTrustInputException when a value is out of range; the field is the component's
   *     name
   */
  public CommitmentRules {
    requireNonNull(renegotiationNoticeHalfTime, "renegotiationNoticeHalfTime");
    checkRange(brokenPromiseMultiplier, "brokenPromiseMultiplier", 1.0, 5.0);
    checkRange(abandonmentMultiplier, "abandonmentMultiplier", 1.0, 5.0);
    checkRange(renegotiationCost, "renegotiationCost", 0.0, 1.0);
    check(
        renegotiationNoticeHalfTime.toMinutes() > 0
            && renegotiationNoticeHalfTime.compareTo(Disclosure.MAX_DELAY) <= 0,
        "renegotiationNoticeHalfTime",
        "renegotiationNoticeHalfTime must be between one minute and 100 years but was %s",
        renegotiationNoticeHalfTime);
  }

  /**
   * Returns the default rules: 1.75, 1.5, 0.25 and 7 days.
   *
   * @return the default commitment rules
   */
  public static CommitmentRules defaults() {
    return DEFAULT;
  }

  /**
   * Returns a copy with another broken-promise multiplier.
   *
   * @param brokenPromiseMultiplier in [1, 5]
   * @return the new rules
   * @throws InvalidTrustInputException when it is out of range
   */
  public CommitmentRules withBrokenPromiseMultiplier(double brokenPromiseMultiplier) {
    return new CommitmentRules(brokenPromiseMultiplier, abandonmentMultiplier, renegotiationCost, renegotiationNoticeHalfTime);
  }

  /**
   * Returns a copy with another abandonment multiplier.
   *
   * @param abandonmentMultiplier in [1, 5]
   * @return the new rules
   * @throws InvalidTrustInputException when it is out of range
   */
  public CommitmentRules withAbandonmentMultiplier(double abandonmentMultiplier) {
    return new CommitmentRules(brokenPromiseMultiplier, abandonmentMultiplier, renegotiationCost, renegotiationNoticeHalfTime);
  }

  /**
   * Returns a copy with another renegotiation cost.
   *
   * @param renegotiationCost in [0, 1]
   * @return the new rules
   * @throws InvalidTrustInputException when it is out of range
   */
  public CommitmentRules withRenegotiationCost(double renegotiationCost) {
    return new CommitmentRules(brokenPromiseMultiplier, abandonmentMultiplier, renegotiationCost, renegotiationNoticeHalfTime);
  }

  /**
   * Returns a copy with another notice half-time.
   *
   * @param renegotiationNoticeHalfTime between one minute and 100 years
   * @return the new rules
   * @throws InvalidTrustInputException when it is out of range
   */
  public CommitmentRules withRenegotiationNoticeHalfTime(Duration renegotiationNoticeHalfTime) {
    return new CommitmentRules(brokenPromiseMultiplier, abandonmentMultiplier, renegotiationCost, renegotiationNoticeHalfTime);
  }
}
