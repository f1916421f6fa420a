package dev.trustbucket.testing;

import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The laws every {@link DecayRule} must obey, for checking a rule of your own before a policy uses
 * it. Use it in one of two ways:
 *
 * <ul>
 *   <li><b>As a jqwik contract.</b> A test class implements this interface and returns its rule
 *       from {@link #rule()}; jqwik then runs every law as a property against it, with elapsed
 *       times from a microsecond to tens of thousands of years (see {@link #elapsed()}). Add your
 *       rule's own properties to the same class.
 *   <li><b>As one call</b> from any test: {@link #check(DecayRule)} probes the rule at fixed and
 *       seeded random times and throws an {@link AssertionError} naming every broken law with a
 *       counterexample; {@link #violations(DecayRule)} returns the same findings as a list.
 * </ul>
 *
 * <p><b>The laws</b>, with {@code retained(t)} the fraction of a deviation from the baseline that
 * is still there after an elapsed time {@code t}:
 *
 * <ol>
 *   <li><b>No time, no change</b>: {@code retained(0) == 1}, exactly.
 *   <li><b>A fraction</b>: {@code retained(t)} is a finite number in {@code [0, 1]}, so decay
 *       never pushes a level past the baseline nor out of {@code [0, 1]}.
 *   <li><b>Never rises</b>: {@code retained(b) <= retained(a)} whenever {@code a <= b}: memory only
 *       fades while nothing happens.
 *   <li><b>Memoryless</b>: {@code retained(a + b) == retained(a) * retained(b)}, to {@code 1e-12}.
 *       The engine relies on it: it decays a bucket over the whole gap between two events in one
 *       step, {@code TrustBucket}'s view of a later instant and the ledger's "level at" decay from
 *       the last event to the instant asked for, and explanations multiply the factors the ledger
 *       stored. With a rule that is not memoryless, a bucket's level after the next event would
 *       depend on whether someone looked at it in between ({@code bucket.at(t)}), and such a bucket
 *       would not equal the ledger's replay of the same events. {@code DecayRule}'s Javadoc asks
 *       every rule for all six laws, this one included.
 *   <li><b>A negative time is rejected</b>: {@code retained} of a negative duration throws an
 *       {@link IllegalArgumentException} ({@code InvalidTrustInputException} is one), as the
 *       built-in rules do: a negative gap is a bug in the caller, not a time to decay over.
 *   <li><b>An honest half-life</b>: {@code halfLife()} is positive; when it is finite (and at
 *       least a millisecond) half of a deviation is left after it ({@code retained(halfLife) ==
 *       0.5} to {@code 1e-9}); a rule that reports {@code ChronoUnit.FOREVER}'s duration forgets
 *       nothing ({@code retained(t) == 1} for every {@code t}). Tools show it to people as "memory
 *       half-life".
 * </ol>
 *
 * <p>A memoryless, non-increasing fraction is an exponential {@code 2^(-t / halfLife)} or a rule
 * that never forgets, so these laws say that a custom rule must behave like one of the two built-in
 * ones; what a custom rule can add is its own way of computing it (a table, a rate read from
 * configuration) or its own {@code equals}. {@code TrustPolicy} additionally probes a rule when a
 * policy is built (laws 1 to 3 at a few delays, and that the scar's rule forgets no faster than
 * the level's), but only at a handful of points: run this contract in your tests.
 *
 * <p>Elapsed times are {@link Duration}s from zero to {@link #MAX_ELAPSED}, whole microseconds
 * (the resolution of the model's time).
 */
public interface DecayRuleContract {

  /** The longest elapsed time the contract probes: about 73,000 years ({@code Long.MAX_VALUE / 4} microseconds). */
  Duration MAX_ELAPSED = Duration.of(Long.MAX_VALUE / 4, ChronoUnit.MICROS);

  /** The largest difference allowed between {@code retained(a + b)} and {@code retained(a) * retained(b)}. */
  double COMPOSITION_TOLERANCE = 1e-12;

  /** The largest difference allowed between {@code retained(halfLife())} and {@code 0.5}. */
  double HALF_LIFE_TOLERANCE = 1e-9;

  /**
   * The rule under test. Called by every check; return the same rule (or an equal one) each time.
   *
   * @return the rule
   */
  DecayRule rule();

  /**
   * Elapsed times for the properties: the edge cases 0, a microsecond, the half-life and twice it;
   * mostly times up to eight half-lives, where the values are interesting; times up to five
   * centuries; and huge ones up to {@link #MAX_ELAPSED}. Override it to probe other times.
   *
   * @return elapsed times, in whole microseconds, from zero to {@link #MAX_ELAPSED}
   */
  @Provide
  default Arbitrary<Duration> elapsed() {
    long halfLife = DecayRuleLaws.halfLifeMicros(rule());
    return Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.of(0L, 1L, halfLife, 2 * halfLife)),
            Tuple.of(4, Arbitraries.longs().between(0, 8 * halfLife)),
            Tuple.of(2, Arbitraries.longs().between(0, 500 * DecayRuleLaws.MICROS_PER_YEAR)),
            Tuple.of(1, Arbitraries.longs().between(0, DecayRuleLaws.MAX_ELAPSED_MICROS)))
        .map(DecayRuleLaws::micros);
  }

  /** Law 1 as a property. */
  @Example
  @Label("DecayRule contract: retained(0) == 1, no time no change")
  default void retainsEverythingAfterNoTime() {
    DecayRuleLaws.Law.NO_TIME_NO_CHANGE.assertAt(rule(), Duration.ZERO, Duration.ZERO);
  }

  /**
   * Law 2 as a property.
   *
   * @param t an elapsed time
   */
  @Property
  @Label("DecayRule contract: retained(t) is a fraction in [0, 1]")
  default void retainsAFraction(@ForAll("elapsed") Duration t) {
    DecayRuleLaws.Law.FRACTION.assertAt(rule(), t, Duration.ZERO);
  }

  /**
   * Law 3 as a property.
   *
   * @param a an elapsed time
   * @param b another elapsed time
   */
  @Property
  @Label("DecayRule contract: retained never rises as time grows")
  default void neverRises(@ForAll("elapsed") Duration a, @ForAll("elapsed") Duration b) {
    DecayRuleLaws.Law.NEVER_RISES.assertAt(rule(), a, b);
  }

  /**
   * Law 4 as a property.
   *
   * @param a an elapsed time
   * @param b another elapsed time
   */
  @Property
  @Label("DecayRule contract: retained(a + b) == retained(a) * retained(b), to 1e-12")
  default void isMemoryless(@ForAll("elapsed") Duration a, @ForAll("elapsed") Duration b) {
    DecayRuleLaws.Law.MEMORYLESS.assertAt(rule(), a, b);
  }

  /** Law 5 as a property. */
  @Example
  @Label("DecayRule contract: a negative time is rejected")
  default void rejectsANegativeTime() {
    DecayRuleLaws.Law.NEGATIVE_TIME_REJECTED.assertAt(rule(), Duration.ZERO, Duration.ZERO);
  }

  /**
   * Law 6 as a property: the half-life is positive and half is left after it; a rule that never
   * forgets keeps everything at every elapsed time.
   *
   * @param t an elapsed time
   */
  @Property
  @Label("DecayRule contract: half is left after the half-life")
  default void hasAnHonestHalfLife(@ForAll("elapsed") Duration t) {
    DecayRuleLaws.Law.HALF_LIFE.assertAt(rule(), t, Duration.ZERO);
  }

  /**
   * Checks every law at fixed times (zero, a microsecond, a second, an hour, a day, a week, a
   * month, a year, a decade, a century, a millennium, {@link #MAX_ELAPSED}, the rule's half-life,
   * half and twice it), at every pair of them, and at 2,000 pairs of times drawn from a fixed seed
   * across every scale from a microsecond to {@link #MAX_ELAPSED}. The same rule always gets the
   * same verdict.
   *
   * @param rule the rule to check
   * @return one line per broken law, in the order of the laws above, naming the law and a
   *     counterexample; empty when the rule obeys every law
   * @throws NullPointerException when {@code rule} is null
   */
  static List<String> violations(DecayRule rule) {
    return DecayRuleLaws.violations(rule);
  }

  /**
   * Checks every law as {@link #violations(DecayRule)} does, and fails when one is broken.
   *
   * @param rule the rule to check
   * @throws AssertionError listing every broken law with a counterexample, e.g. {@code
   *     "decay rule cliff breaks the DecayRule contract: memoryless: retained(a + b) ==
   *     retained(a) * retained(b), to 1e-12: retained(PT1H) = 1.0 but retained(PT30M) *
   *     retained(PT30M) = ..."}
   * @throws NullPointerException when {@code rule} is null
   */
  static void check(DecayRule rule) {
    DecayRuleLaws.check(rule);
  }

}
