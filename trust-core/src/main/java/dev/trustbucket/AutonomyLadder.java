package dev.trustbucket;

import static dev.trustbucket.InvalidTrustInputException.check;
import static dev.trustbucket.InvalidTrustInputException.checkPositive;
import static dev.trustbucket.InvalidTrustInputException.checkRange;
import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The rules that turn a level into an {@link AutonomyTier}, without flapping.
 *
 * <ul>
 *   <li><b>Promotion</b> happens as soon as the level reaches a higher tier's threshold.
 *   <li><b>Demotion</b> happens only when the level falls below the current tier's threshold minus
 *       the {@code hysteresisBand}, so a level oscillating just under a threshold keeps its tier
 *       (after Discourse's trust levels, which demote only below 90 % of the bar).
 *   <li>A demotion steps down only as far as the band requires: a level inside a lower tier's
 *       band lands in that tier.
 *   <li>For {@code minimumStay} after a promotion, dips do not demote at all; a breach demotes at
 *       once regardless.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param supervised the level from which {@link AutonomyTier#SUPERVISED} is earned, in (0, 1)
 * @param trusted the level from which {@link AutonomyTier#TRUSTED} is earned, above {@code
 *     supervised}
 * @param autonomous the level from which {@link AutonomyTier#AUTONOMOUS} is earned, above {@code
 *     trusted} and at most 1
 * @param hysteresisBand how far below its threshold the level must fall before the tier is lost,
 *     in [0, supervised)
 * @param minimumStay how long after a promotion ordinary dips cannot demote, zero or positive
 */
public record AutonomyLadder(
    double supervised,
    double trusted,
    double autonomous,
    double hysteresisBand,
    Duration minimumStay) {

  // Engine details below (NO_PROMOTION, protects, next) are package-private: only the engine
  // (Dynamics) and TrustBucket use them, and they speak epoch microseconds (docs/compatibility.md, "The public API").

  /** Marks "no promotion to protect" in {@link #next}. */
  static final long NO_PROMOTION = Long.MIN_VALUE;

  private static final AutonomyLadder DEFAULT =
      new AutonomyLadder(0.35, 0.6, 0.8, 0.05, Duration.ofDays(14));

  /**
   * Validates the thresholds, the band and the stay.
   *
   * @param supervised the level from which {@link AutonomyTier#SUPERVISED} is earned, in (0, 1)
   * @param trusted the level from which {@link AutonomyTier#TRUSTED} is earned, above {@code
   *     supervised}
   * @param autonomous the level from which {@link AutonomyTier#AUTONOMOUS} is earned, above {@code
   *     trusted} and at most 1
   * @param hysteresisBand how far below its threshold the level must fall before the tier is lost,
   *     in [0, supervised)
   * @param minimumStay how long after a promotion ordinary dips cannot demote, zero or positive
   * @throws InvalidTrustInputException when the thresholds are not strictly increasing within
   *     (0, 1], the band is negative or not below the lowest threshold, or the stay is negative
   */
  public AutonomyLadder {
    requireNonNull(minimumStay, "minimumStay");
    checkPositive(supervised, "supervised", 1.0);
    checkRange(trusted, "trusted", 0.0, 1.0);
    checkRange(autonomous, "autonomous", 0.0, 1.0);
    check(
        supervised < trusted && trusted < autonomous,
        "thresholds",
        "thresholds must increase: supervised < trusted < autonomous, but were %s, %s, %s",
        supervised,
        trusted,
        autonomous);
    checkRange(hysteresisBand, "hysteresisBand", 0.0, 1.0);
    check(
        hysteresisBand < supervised,
        "hysteresisBand",
        "hysteresisBand must be below the supervised threshold %s but was %s",
        supervised,
        hysteresisBand);
    check(
        !minimumStay.isNegative() && minimumStay.compareTo(Duration.ofDays(36_525)) <= 0,
        "minimumStay",
        "minimumStay must be between zero and 100 years but was %s",
        minimumStay);
  }

  /**
   * Returns the default ladder: supervised from 0.35, trusted from 0.6, autonomous from 0.8, a
   * band of 0.05 and a two-week minimum stay. The baseline 0.5 earns {@link
   * AutonomyTier#SUPERVISED}: a newcomer is given the benefit of the doubt, but not a free hand.
   *
   * @return the default ladder
   */
  public static AutonomyLadder defaults() {
    return DEFAULT;
  }

  /**
   * Returns the minimum stay in microseconds, the library's clock unit.
   *
   * @return the minimum stay, {@code >= 0}
   */
  public long minimumStayMicros() {
    return minimumStay.toNanos() / 1_000L;
  }

  /**
   * Returns the level below which a tier is lost: its threshold minus the hysteresis band.
   *
   * @param tier any tier
   * @return {@code threshold(tier) - hysteresisBand()} (negative for {@link
   *     AutonomyTier#MICROMANAGED}, which cannot be lost)
   */
  public double demotionLine(AutonomyTier tier) {
    return threshold(tier) - hysteresisBand;
  }

  /**
   * Returns whether a promotion still protects its tier from ordinary dips: the minimum stay has
   * not yet passed since it.
   *
   * @param nowMicros the current time, in epoch microseconds
   * @param promotedAtMicros when the tier was reached by promotion, or {@link #NO_PROMOTION}
   * @return {@code true} within the minimum stay after a promotion
   */
  boolean protects(long nowMicros, long promotedAtMicros) {
    if (promotedAtMicros == NO_PROMOTION) {
      return false;
    }
    // The difference overflows past ~292,000 years; such a promotion no longer protects.
    long sincePromotion = nowMicros - promotedAtMicros;
    return nowMicros < promotedAtMicros
        || (sincePromotion >= 0 && sincePromotion < minimumStayMicros());
  }

  /**
   * Returns the level a tier needs, without hysteresis.
   *
   * @param tier any tier
   * @return its threshold; {@code 0} for {@link AutonomyTier#MICROMANAGED}
   */
  public double threshold(AutonomyTier tier) {
    switch (tier) {
      case SUPERVISED:
        return supervised;
      case TRUSTED:
        return trusted;
      case AUTONOMOUS:
        return autonomous;
      default:
        return 0.0;
    }
  }

  /**
   * Returns the tier a level earns on its own, with no history: the highest tier whose threshold
   * it reaches. Higher levels never earn lower tiers.
   *
   * @param level a level in [0, 1]
   * @return the tier
   */
  public AutonomyTier tierFor(double level) {
    if (level >= autonomous) {
      return AutonomyTier.AUTONOMOUS;
    }
    if (level >= trusted) {
      return AutonomyTier.TRUSTED;
    }
    return level >= supervised ? AutonomyTier.SUPERVISED : AutonomyTier.MICROMANAGED;
  }

  /**
   * Returns the tier after the level moved, given the tier held before.
   *
   * @param current the tier held until now
   * @param level the new level, in [0, 1]
   * @param nowMicros the current time, in epoch microseconds
   * @param promotedAtMicros when {@code current} was reached by promotion, in epoch
   *     microseconds, or {@link #NO_PROMOTION}
   * @param breach whether the move was caused by a breach, which ignores the minimum stay
   * @return the new tier
   */
  AutonomyTier next(
      AutonomyTier current, double level, long nowMicros, long promotedAtMicros, boolean breach) {
    // Dynamics skips this call for levels in [threshold(current) - hysteresisBand,
    // threshold(current.higher())), where it returns current: keep that true when changing it.
    AutonomyTier earned = tierFor(level);
    if (earned.compareTo(current) >= 0) {
      return earned;
    }
    if (level >= demotionLine(current)) {
      return current;
    }
    if (protects(nowMicros, promotedAtMicros) && !breach) {
      return current;
    }
    // Step down only as far as the band requires: a level inside a lower tier's band keeps that tier.
    AutonomyTier target = current;
    while (target != AutonomyTier.MICROMANAGED && level < demotionLine(target)) {
      target = target.lower();
    }
    return target;
  }
}
