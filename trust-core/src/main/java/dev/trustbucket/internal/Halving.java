package dev.trustbucket.internal;

import java.time.Duration;

/**
 * Exponential halving over a {@link Duration}, exact to the nanosecond: the fraction of something
 * that is left after {@code elapsed} when half of it goes every {@code halfTime}. Used where a
 * policy setting is a half-time (concealment, renegotiation notice); whole minutes would make 59
 * seconds count as none.
 */
public final class Halving {
  private Halving() {}

  /**
   * Returns {@code 2^(-elapsed / halfTime)}.
   *
   * @param elapsed the time passed, zero or positive
   * @param halfTime the time in which half goes, positive
   * @return the fraction left, in (0, 1]
   */
  public static double remaining(Duration elapsed, Duration halfTime) {
    return Math.pow(2, -(seconds(elapsed) / seconds(halfTime)));
  }

  private static double seconds(Duration d) {
    return d.getSeconds() + d.getNano() / 1e9;
  }
}
