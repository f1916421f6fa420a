package dev.trustbucket.internal;

import java.time.Duration;

/**
 * The arithmetic of exponential decay in the library's clock unit, written once: {@code
 * dev.trustbucket.decay.ExponentialDecay} answers its users with it, and the engine calls it
 * directly for the built-in rules so that an update never allocates a {@link Duration}. Both get
 * the same double, bit for bit.
 */
public final class ExponentialRate {
  private ExponentialRate() {}

  /**
   * Returns the decay rate that halves a deviation every {@code halfLife}.
   *
   * @param halfLife the half-life, positive
   * @return {@code ln 2 / halfLife}, per microsecond
   */
  public static double perMicro(Duration halfLife) {
    double micros = halfLife.getSeconds() * 1e6 + halfLife.getNano() / 1e3;
    return Math.log(2) / micros;
  }

  /**
   * Returns the fraction of a deviation kept after {@code elapsedMicros} at a rate.
   *
   * @param ratePerMicro the rate from {@link #perMicro}, or 0 for a rule that never forgets
   * @param elapsedMicros the time passed, in microseconds, {@code >= 0}
   * @return {@code exp(-rate * elapsed)}, exactly 1 for no time
   */
  public static double retained(double ratePerMicro, long elapsedMicros) {
    return elapsedMicros == 0 ? 1.0 : Math.exp(-ratePerMicro * elapsedMicros);
  }
}
