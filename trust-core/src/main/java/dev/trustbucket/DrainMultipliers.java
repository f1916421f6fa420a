package dev.trustbucket;

import static dev.trustbucket.InvalidTrustInputException.check;
import static dev.trustbucket.InvalidTrustInputException.checkPositive;
import static dev.trustbucket.InvalidTrustInputException.checkRange;
import static java.util.Objects.requireNonNull;

import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.internal.Halving;
import java.time.Duration;

/**
 * What multiplies a drain: its dimension and how it came to light. The product is the drain
 * multiplier {@code m} of the model's formulas, {@link #multiplier(Behaviour, Disclosure)}.
 *
 * <ul>
 *   <li>An integrity drain (broken promises, hiding, over-promising) weighs {@code
 *       integrityMultiplier} times a competence drain of the same weight (Kim et al. 2004;
 *       Schweitzer, Hershey &amp; Bradlow 2006).
 *   <li>A drain the person reported themselves weighs {@code selfReportedMultiplier} times as
 *       much; one with no disclosure recorded, once.
 *   <li>A drain hidden and discovered by others weighs {@code discoveredMultiplier} if found at
 *       once, climbing toward {@code discoveredMultiplierLimit} as the delay grows, halfway there
 *       after {@code concealmentHalfTime} (John, Barasz &amp; Norton 2016).
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param integrityMultiplier the factor on an integrity drain, in [1, 10]; default 2
 * @param selfReportedMultiplier the factor on a self-reported drain, in (0, 1]; default 0.5
 * @param discoveredMultiplier the factor on a drain discovered at once, in [1, 10]; default 1.5
 * @param discoveredMultiplierLimit the factor a discovered drain approaches as the delay grows, in
 *     [{@code discoveredMultiplier}, 10]; default 2
 * @param concealmentHalfTime the delay after which the factor is halfway from {@code
 *     discoveredMultiplier} to its limit, between one minute and 100 years; default 30 days
 */
public record DrainMultipliers(
    double integrityMultiplier,
    double selfReportedMultiplier,
    double discoveredMultiplier,
    double discoveredMultiplierLimit,
    Duration concealmentHalfTime) {

  private static final DrainMultipliers DEFAULT = new DrainMultipliers(2.0, 0.5, 1.5, 2.0, Duration.ofDays(30));

  /**
   * Validates every multiplier and the half-time.
   *
   * @param integrityMultiplier in [1, 10]
   * @param selfReportedMultiplier in (0, 1]
   * @param discoveredMultiplier in [1, 10]
   * @param discoveredMultiplierLimit in [{@code discoveredMultiplier}, 10]
   * @param concealmentHalfTime between one minute and 100 years
   * @throws InvalidTrustInputException when a value is out of range; the field is the component's
   *     name
   */
  public DrainMultipliers {
    requireNonNull(concealmentHalfTime, "concealmentHalfTime");
    checkRange(integrityMultiplier, "integrityMultiplier", 1.0, 10.0);
    checkPositive(selfReportedMultiplier, "selfReportedMultiplier", 1.0);
    checkRange(discoveredMultiplier, "discoveredMultiplier", 1.0, 10.0);
    checkRange(discoveredMultiplierLimit, "discoveredMultiplierLimit", discoveredMultiplier, 10.0);
    check(
        concealmentHalfTime.toMinutes() > 0 && concealmentHalfTime.compareTo(Disclosure.MAX_DELAY) <= 0,
        "concealmentHalfTime",
        "concealmentHalfTime must be between one minute and 100 years but was %s",
        concealmentHalfTime);
  }

  /**
   * Returns the default multipliers: 2 for integrity, 0.5 self-reported, 1.5 rising to 2 when
   * discovered, halfway after 30 days.
   *
   * @return the default drain multipliers
   */
  public static DrainMultipliers defaults() {
    return DEFAULT;
  }

  /**
   * Returns the multiplier a disclosure puts on a drain.
   *
   * @param disclosure how the drain came to light
   * @return {@link #selfReportedMultiplier()}, {@code 1}, or the concealment multiplier for the
   *     delay, which grows from {@link #discoveredMultiplier()} toward {@link
   *     #discoveredMultiplierLimit()}
   */
  public double disclosureMultiplier(Disclosure disclosure) {
    switch (disclosure.kind()) {
      case SELF_REPORTED:
        return selfReportedMultiplier;
      case DISCOVERED:
        return discoveredMultiplier
            + (discoveredMultiplierLimit - discoveredMultiplier)
                * (1 - Halving.remaining(disclosure.delay(), concealmentHalfTime));
      default:
        return 1.0;
    }
  }

  /**
   * Returns the multiplier {@code m} on a drain's weight: the integrity multiplier for integrity
   * drains, times the {@linkplain #disclosureMultiplier disclosure multiplier}.
   *
   * @param behaviour the drain's behaviour
   * @param disclosure how it came to light
   * @return the multiplier, positive
   */
  public double multiplier(Behaviour behaviour, Disclosure disclosure) {
    double m = behaviour.dimension() == Dimension.INTEGRITY ? integrityMultiplier : 1.0;
    return disclosure.kind() == Disclosure.Kind.NOT_RECORDED ? m : m * disclosureMultiplier(disclosure);
  }

  /**
   * Returns a copy with another integrity multiplier.
   *
   * @param integrityMultiplier in [1, 10]
   * @return the new multipliers
   * @throws InvalidTrustInputException when it is out of range
   */
  public DrainMultipliers withIntegrityMultiplier(double integrityMultiplier) {
    return new DrainMultipliers(integrityMultiplier, selfReportedMultiplier, discoveredMultiplier,
        discoveredMultiplierLimit, concealmentHalfTime);
  }

  /**
   * Returns a copy with another self-report multiplier.
   *
   * @param selfReportedMultiplier in (0, 1]
   * @return the new multipliers
   * @throws InvalidTrustInputException when it is out of range
   */
  public DrainMultipliers withSelfReportedMultiplier(double selfReportedMultiplier) {
    return new DrainMultipliers(integrityMultiplier, selfReportedMultiplier, discoveredMultiplier,
        discoveredMultiplierLimit, concealmentHalfTime);
  }

  /**
   * Returns a copy with another multiplier for a drain discovered at once.
   *
   * @param discoveredMultiplier in [1, {@link #discoveredMultiplierLimit()}]
   * @return the new multipliers
   * @throws InvalidTrustInputException when it is out of range
   */
  public DrainMultipliers withDiscoveredMultiplier(double discoveredMultiplier) {
    return new DrainMultipliers(integrityMultiplier, selfReportedMultiplier, discoveredMultiplier,
        discoveredMultiplierLimit, concealmentHalfTime);
  }

  /**
   * Returns a copy with another limit for the multiplier of a discovered drain.
   *
   * @param discoveredMultiplierLimit in [{@link #discoveredMultiplier()}, 10]
   * @return the new multipliers
   * @throws InvalidTrustInputException when it is out of range
   */
  public DrainMultipliers withDiscoveredMultiplierLimit(double discoveredMultiplierLimit) {
    return new DrainMultipliers(integrityMultiplier, selfReportedMultiplier, discoveredMultiplier,
        discoveredMultiplierLimit, concealmentHalfTime);
  }

  /**
   * Returns a copy with another concealment half-time.
   *
   * @param concealmentHalfTime between one minute and 100 years
   * @return the new multipliers
   * @throws InvalidTrustInputException when it is out of range
   */
  public DrainMultipliers withConcealmentHalfTime(Duration concealmentHalfTime) {
    return new DrainMultipliers(integrityMultiplier, selfReportedMultiplier, discoveredMultiplier,
        discoveredMultiplierLimit, concealmentHalfTime);
  }
}
