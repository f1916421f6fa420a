package dev.trustbucket.decay;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.internal.EpochMicros;
import dev.trustbucket.internal.ExponentialRate;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Exponential forgetting with a fixed half-life: {@code retained(t) = 2^(-t / halfLife)}.
 *
 * <p>This is the forgetting factor of the beta reputation system (Jøsang &amp; Ismail 2002) and of
 * the scar decay in Pant &amp; Yu (2025), written as a half-life because a half-life is what a
 * manager can reason about ("after a year, half of it is forgotten"). Time is counted in whole
 * microseconds, like everywhere in the library. Instances are immutable and thread-safe.
 */
public final class ExponentialDecay implements DecayRule {
  private final Duration halfLife;
  /** {@code ln 2 / halfLife} in 1/microseconds: one multiply and one {@code exp} per call. */
  private final double ratePerMicro;

  ExponentialDecay(Duration halfLife) {
    requireNonNull(halfLife, "halfLife");
    InvalidTrustInputException.check(
        !halfLife.isNegative() && !halfLife.isZero() && halfLife.toSeconds() < 1L << 40,
        "halfLife",
        "halfLife must be positive and shorter than 2^40 seconds (about 34,800 years) but was %s",
        halfLife);
    this.halfLife = halfLife;
    this.ratePerMicro = ExponentialRate.perMicro(halfLife);
  }

  @Override
  public double retained(Duration elapsed) {
    return ExponentialRate.retained(ratePerMicro, EpochMicros.ofDuration(checkElapsed(elapsed)));
  }

  /** Rejects a negative time, for every stock rule. */
  static Duration checkElapsed(Duration elapsed) {
    requireNonNull(elapsed, "elapsed");
    InvalidTrustInputException.check(
        !elapsed.isNegative(), "elapsed", "elapsed must not be negative but was %s", elapsed);
    return elapsed;
  }

  @Override
  public Duration halfLife() {
    return halfLife;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ExponentialDecay && halfLife.equals(((ExponentialDecay) o).halfLife);
  }

  @Override
  public int hashCode() {
    return halfLife.hashCode();
  }

  @Override
  public String toString() {
    return "exponential(halfLife=" + halfLife + ")";
  }
}
