package dev.trustbucket.decay;

import java.time.Duration;

/**
 * How memory fades while nothing happens: the fraction of a deviation that is still remembered
 * after some time.
 *
 * <p>With no events, the level relaxes toward the baseline as {@code baseline + (level - baseline)
 * * retained(elapsed)}, scars shrink as {@code scar * retained(elapsed)} under their own rule, and
 * the evidence counts behind the level's confidence fade by the same factor as the level. Because
 * the rule is a fraction of the deviation, decay never overshoots the baseline.
 *
 * <p>Every implementation must obey the decay laws (checked for the stock rules by a jqwik
 * contract test that custom rules can reuse):
 *
 * <ul>
 *   <li>{@code retained(0) == 1}: no time, no change;
 *   <li>{@code 0 <= retained(t) <= 1}, and it never rises as {@code t} grows;
 *   <li>{@code retained(a + b) == retained(a) * retained(b)} (to 1e-12): decaying over {@code a}
 *       then {@code b} equals decaying over {@code a + b}.
 * </ul>
 *
 * <p>Implementations must be immutable and thread-safe, and should implement {@code equals} so
 * that policies compare by value.
 */
public interface DecayRule {

  /**
   * Returns the fraction of a deviation that survives {@code elapsedMicros} of time.
   *
   * @param elapsedMicros elapsed time in microseconds, {@code >= 0}
   * @return a fraction in {@code [0, 1]}
   */
  double retained(long elapsedMicros);

  /**
   * Returns the time after which half of a deviation is left. A rule that never forgets returns
   * the duration of {@code ChronoUnit.FOREVER}.
   *
   * @return the half-life, positive
   */
  Duration halfLife();

  /**
   * Exponential decay: half of any deviation is forgotten every {@code halfLife}.
   *
   * @param halfLife the half-life, positive
   * @return the rule
   * @throws dev.trustbucket.InvalidTrustInputException when {@code halfLife} is zero or negative
   */
  static DecayRule exponential(Duration halfLife) {
    return new ExponentialDecay(halfLife);
  }

  /**
   * No decay: the level stays where the last event left it, and scars never fade.
   *
   * @return the rule
   */
  static DecayRule none() {
    return NoDecay.INSTANCE;
  }
}
