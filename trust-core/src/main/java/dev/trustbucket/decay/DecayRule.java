package dev.trustbucket.decay;

import java.time.Duration;

/**
 * How memory fades while nothing happens: the fraction of a deviation that is still remembered
 * after some time. This is the model's extension point: a policy takes any rule for the level and
 * another for the scar.
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
 *   <li>{@code retained(Duration.ZERO) == 1}: no time, no change;
 *   <li>{@code 0 <= retained(t) <= 1}, and it never rises as {@code t} grows (monotone);
 *   <li>for a rule that claims to be memoryless, as the stock rules are, {@code retained(a + b) ==
 *       retained(a) * retained(b)} (to 1e-12): decaying over {@code a} then {@code b} equals
 *       decaying over {@code a + b}. Law 11 of the model needs it; a rule without it makes a level
 *       depend on how often it was looked at in between.
 * </ul>
 *
 * <p>A policy probes its rules for the first two laws when it is built and rejects one that breaks
 * them. The library passes times in whole microseconds, and a time longer than about 292,000
 * years (more microseconds than a {@code long} holds) as exactly {@code Long.MAX_VALUE}
 * microseconds, which a rule should treat as "forever". For the stock rules the library computes
 * the same fraction without calling {@link #retained}, so an update allocates no {@link Duration};
 * a rule of your own is called with a {@link Duration} for each gap between events.
 *
 * <p>Implementations must be immutable and thread-safe, and should implement {@code equals} so
 * that policies compare by value.
 */
public interface DecayRule {

  /**
   * Returns the fraction of a deviation that survives {@code elapsed} time.
   *
   * @param elapsed the time passed, zero or positive
   * @return a fraction in {@code [0, 1]}: 1 for no time, never rising as {@code elapsed} grows
   * @throws dev.trustbucket.InvalidTrustInputException when {@code elapsed} is negative (the stock
   *     rules; a rule of your own should do the same)
   * @throws NullPointerException when {@code elapsed} is null
   */
  double retained(Duration elapsed);

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
