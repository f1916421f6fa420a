package dev.trustbucket.history;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.InvalidTrustInputException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How often a {@linkplain dev.trustbucket.TrustLedger#timeline timeline} samples the bucket: after
 * every event, or at a fixed period (every day, every week) from the ledger's start.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Sampling {
  private static final Sampling EVERY_EVENT = new Sampling(null);

  private final Optional<Duration> period;

  private Sampling(@Nullable Duration period) {
    this.period = Optional.ofNullable(period);
  }

  /**
   * Samples once after each event (after all events that share an instant).
   *
   * @return the sampling
   */
  public static Sampling everyEvent() {
    return EVERY_EVENT;
  }

  /**
   * Samples at the start and then every {@code period}, up to the end of the timeline.
   *
   * @param period the spacing, at least one second
   * @return the sampling
   * @throws InvalidTrustInputException when the period is shorter than a second
   */
  public static Sampling every(Duration period) {
    requireNonNull(period, "period");
    InvalidTrustInputException.check(
        period.toSeconds() >= 1, "period", "period must be at least one second but was %s", period);
    return new Sampling(period);
  }

  /**
   * Samples once a day.
   *
   * @return the sampling
   */
  public static Sampling daily() {
    return every(Duration.ofDays(1));
  }

  /**
   * Samples once a week.
   *
   * @return the sampling
   */
  public static Sampling weekly() {
    return every(Duration.ofDays(7));
  }

  /**
   * The fixed period, or empty for sampling after every event.
   *
   * @return the period, if periodic
   */
  public Optional<Duration> period() {
    return period;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Sampling && period.equals(((Sampling) o).period);
  }

  @Override
  public int hashCode() {
    return period.hashCode();
  }

  @Override
  public String toString() {
    return period.map(p -> "every " + p).orElse("every event");
  }
}
