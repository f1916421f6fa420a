package dev.trustbucket.internal;

import dev.trustbucket.InvalidTrustInputException;
import java.time.Instant;

/**
 * The library's internal clock unit: microseconds since 1970-01-01T00:00:00Z in a {@code long}.
 *
 * <p>One {@code long} keeps bucket states within 64 bytes and ledgers in flat arrays. It covers
 * about ±292,000 years; sub-microsecond parts of an {@link Instant} are truncated, consistently
 * everywhere, so ordering and replay stay exact.
 */
public final class EpochMicros {
  private EpochMicros() {}

  /** The earliest instant the library accepts. */
  public static final Instant MIN = Instant.parse("-290000-01-01T00:00:00Z");
  /** The latest instant the library accepts. */
  public static final Instant MAX = Instant.parse("+290000-12-31T23:59:59Z");

  /**
   * Converts an instant to epoch microseconds.
   *
   * @param instant the instant, within [{@link #MIN}, {@link #MAX}]
   * @param field the field name for the error message
   * @return microseconds since the epoch, truncated
   * @throws InvalidTrustInputException when the instant is out of range
   */
  public static long of(Instant instant, String field) {
    if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
      throw new InvalidTrustInputException(
          field, field + " must be between " + MIN + " and " + MAX + " but was " + instant);
    }
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  /**
   * Converts epoch microseconds back to an instant.
   *
   * @param micros microseconds since the epoch
   * @return the instant
   */
  public static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /**
   * Returns the time from {@code from} to {@code to}, two instants of the supported range with
   * {@code from <= to}, in microseconds. The range spans about 580,000 years, more microseconds
   * than a {@code long} holds (about 292,000 years): a longer time saturates to {@link
   * Long#MAX_VALUE}, which every decay rule treats as "forever". Every difference of two instants
   * in microseconds goes through here.
   *
   * @param from the earlier instant, in microseconds since the epoch
   * @param to the later instant, in microseconds since the epoch
   * @return {@code to - from}, or {@link Long#MAX_VALUE} when that does not fit
   */
  public static long elapsed(long from, long to) {
    long elapsed = to - from;
    // to >= from, so a negative difference overflowed: over ~292,000 years, i.e. forever.
    return elapsed < 0 ? Long.MAX_VALUE : elapsed;
  }

  /**
   * Returns a duration in microseconds, the library's clock unit: sub-microsecond parts are
   * truncated, and a duration longer than {@link Long#MAX_VALUE} microseconds (about 292,000
   * years) saturates to it, which every decay rule treats as "forever", as {@link #elapsed} does.
   *
   * @param duration a duration, zero or positive
   * @return its whole microseconds, at most {@link Long#MAX_VALUE}
   */
  public static long ofDuration(java.time.Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds >= Long.MAX_VALUE / 1_000_000L) {
      return Long.MAX_VALUE;
    }
    return seconds * 1_000_000L + duration.getNano() / 1_000;
  }
}
