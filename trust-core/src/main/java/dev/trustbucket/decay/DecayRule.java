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
 * <p><b>The laws.</b> Every implementation must obey all six; none is optional, because the engine
 * relies on each of them. {@code DecayRuleContract}, in the {@code trust-testing} artifact, checks a
 * rule against them (in one call, or as a jqwik contract a test class implements); the stock rules
 * pass it.
 *
 * <ol>
 *   <li><b>No time, no change</b>: {@code retained(Duration.ZERO) == 1}, exactly, so that events at
 *       the same instant decay nothing.
 *   <li><b>A fraction</b>: {@code retained(t)} is finite and in {@code [0, 1]}, so that a level
 *       stays in {@code [0, 1]} and never passes the baseline.
 *   <li><b>Never rises</b>: {@code retained(b) <= retained(a)} whenever {@code a <= b}: memory only
 *       fades while nothing happens, and the level moves toward the baseline monotonically inside
 *       a gap, which is what lets the engine date a tier change inside it.
 *   <li><b>Memoryless</b>: {@code retained(a + b) == retained(a) * retained(b)}, to 1e-12:
 *       decaying over {@code a} then over {@code b} is decaying over {@code a + b} (law 11 of the
 *       model). The engine decays the whole gap from the last event in one step, whether the next
 *       event comes or someone looks at a later instant ({@code TrustBucket.at}, {@code levelAt},
 *       a ledger's {@code stateAt}); a ledger stores one factor per gap, and explanations multiply
 *       the stored factors. A bucket advanced with {@code at(t)} is a state like any other, so with
 *       a rule that is not memoryless its level after the next event would depend on whether, and
 *       when, someone looked at it in between, and it would not equal the ledger's replay of the
 *       same events.
 *   <li><b>A negative time is rejected</b> with an {@link IllegalArgumentException}; the stock
 *       rules throw an {@link dev.trustbucket.InvalidTrustInputException} naming {@code elapsed}.
 *   <li><b>An honest half-life</b>: {@link #halfLife()} is positive; when it is finite, {@code
 *       retained(halfLife()) == 0.5} (to 1e-9), and a rule that never forgets returns the duration
 *       of {@code ChronoUnit.FOREVER} and keeps everything at every time. Tools show it to people as
 *       the memory's half-life.
 * </ol>
 *
 * <p>A fraction that never rises and is memoryless is {@code 2^(-t / halfLife)}, 1 at every time,
 * or 0 after any time at all; an honest half-life rules out the last. So whatever it computes, a
 * rule of your own behaves like {@link #exponential} or {@link #none}. What it can add is its own way to get there (a half-life read from your configuration)
 * and its own {@code equals}. A rule of your own has no written form, so a policy that uses it
 * cannot be stored by the codec ({@code TrustPolicy.writtenForm()}).
 *
 * <p>A policy probes its rules for the first four laws when it is built (after no time, a day, a
 * month, a year and ten years, and memoryless between those) and rejects a rule that breaks them
 * there; it does not probe anywhere else, so run the contract in your tests. The library passes times in whole microseconds, and
 * a time longer than about 292,000 years (more microseconds than a {@code long} holds) as exactly
 * {@code Long.MAX_VALUE} microseconds, which a rule should treat as "forever". For the stock rules
 * the library computes the same fraction without calling {@link #retained}, so an update allocates
 * no {@link Duration}; a rule of your own is called with a {@link Duration} for each gap between
 * events.
 *
 * <p>Implementations must be immutable and thread-safe, and should implement {@code equals} so
 * that policies compare by value.
 */
public interface DecayRule {

  /**
   * Returns the fraction of a deviation that survives {@code elapsed} time.
   *
   * @param elapsed the time passed, zero or positive
   * @return a fraction in {@code [0, 1]}: 1 for no time, never rising as {@code elapsed} grows,
   *     and {@code retained(a + b) == retained(a) * retained(b)}
   * @throws dev.trustbucket.InvalidTrustInputException when {@code elapsed} is negative (the stock
   *     rules; a rule of your own must throw an {@link IllegalArgumentException}, which this is)
   * @throws NullPointerException when {@code elapsed} is null
   */
  double retained(Duration elapsed);

  /**
   * Returns the time after which half of a deviation is left: {@code retained(halfLife()) ==
   * 0.5}. A rule that never forgets returns the duration of {@code ChronoUnit.FOREVER}.
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
