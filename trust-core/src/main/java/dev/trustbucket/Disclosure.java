package dev.trustbucket;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a drain came to the manager's attention: told by the person early, found by someone else
 * after a delay, or not recorded.
 *
 * <p>Hiding a mistake costs more than the mistake: a policy multiplies a drain's weight by less
 * than one when it was {@linkplain #selfReported() self-reported} (John, Barasz &amp; Norton 2016;
 * "stealing thunder", Arpan &amp; Roskos-Ewoldsen 2005), by one when {@linkplain #notRecorded() no
 * disclosure was recorded}, and by more than one, growing with the delay, when it was {@linkplain
 * #discovered(Duration) discovered by others}. Disclosure has no effect on drops.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param kind how the drain surfaced
 * @param delay for {@link Kind#DISCOVERED}, how long it stayed hidden; {@link Duration#ZERO}
 *     otherwise
 */
public record Disclosure(Kind kind, Duration delay) {

  /** How a drain surfaced. */
  public enum Kind {
    /** Nothing is known about how it surfaced: the plain cost of the mistake. */
    NOT_RECORDED,
    /** The person reported it themselves, before anyone else found it. */
    SELF_REPORTED,
    /** Someone else found it after the person had kept quiet about it. */
    DISCOVERED
  }

  /** The longest concealment delay accepted: 100 years. */
  public static final Duration MAX_DELAY = Duration.ofDays(36_525);

  private static final Disclosure NOT_RECORDED = new Disclosure(Kind.NOT_RECORDED, Duration.ZERO);
  private static final Disclosure SELF_REPORTED = new Disclosure(Kind.SELF_REPORTED, Duration.ZERO);

  /**
   * Validates the delay against the kind.
   *
   * @param kind how the drain surfaced
   * @param delay for {@link Kind#DISCOVERED}, how long it stayed hidden; {@link Duration#ZERO}
   *     otherwise
   * @throws InvalidTrustInputException when the delay is negative, longer than {@link
   *     #MAX_DELAY}, or non-zero for a disclosure that is not a discovery
   */
  public Disclosure {
    requireNonNull(kind, "kind");
    requireNonNull(delay, "delay");
    InvalidTrustInputException.check(
        !delay.isNegative() && delay.compareTo(MAX_DELAY) <= 0,
        "delay",
        "delay must be between zero and %s but was %s",
        MAX_DELAY,
        delay);
    InvalidTrustInputException.check(
        kind == Kind.DISCOVERED || delay.isZero(),
        "delay",
        "delay must be zero unless the drain was discovered, but was %s for %s",
        delay,
        kind);
  }

  /**
   * Returns the disclosure of a drain about which nothing is known.
   *
   * @return the shared instance
   */
  public static Disclosure notRecorded() {
    return NOT_RECORDED;
  }

  /**
   * Returns the disclosure of a mistake the person reported themselves, early.
   *
   * @return the shared instance
   */
  public static Disclosure selfReported() {
    return SELF_REPORTED;
  }

  /**
   * Returns the disclosure of a problem that someone else found after it had been hidden.
   *
   * @param delay how long it stayed hidden, from zero up to {@link #MAX_DELAY}
   * @return the disclosure
   * @throws InvalidTrustInputException when the delay is negative or too long
   */
  public static Disclosure discovered(Duration delay) {
    return new Disclosure(Kind.DISCOVERED, delay);
  }

  /**
   * Returns whether the drain was hidden and then found by others.
   *
   * @return {@code true} for {@link Kind#DISCOVERED}
   */
  public boolean isDiscovered() {
    return kind == Kind.DISCOVERED;
  }

  @Override
  public String toString() {
    switch (kind) {
      case DISCOVERED:
        return "discovered after " + delay.toDays() + " days";
      case SELF_REPORTED:
        return "self-reported";
      default:
        return "not recorded";
    }
  }
}
