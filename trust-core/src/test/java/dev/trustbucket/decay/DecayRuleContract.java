package dev.trustbucket.decay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Law 11 · the decay laws every {@link DecayRule} must obey, as a jqwik contract: implement
 * {@link #rule()} in a test class and the properties run against that rule. Custom rules can
 * reuse it.
 *
 * <ul>
 *   <li>{@code retained(Duration.ZERO) == 1};
 *   <li>{@code 0 <= retained(t) <= 1};
 *   <li>{@code retained} never rises as {@code t} grows;
 *   <li>{@code retained(a + b) == retained(a) * retained(b)} to 1e-12;
 *   <li>a negative time is rejected.
 * </ul>
 *
 * <p>Times are generated in whole microseconds, the library's clock unit, and passed as {@link
 * java.time.Duration}s.
 */
public interface DecayRuleContract {

  /** The rule under test. */
  DecayRule rule();

  /**
   * Elapsed times in microseconds: around the rule's half-life (where the interesting values
   * are), from a microsecond to centuries, and huge ones up to a quarter of {@code Long.MAX_VALUE}
   * (so that sums never overflow).
   */
  @Provide
  default Arbitrary<Long> elapsed() {
    long halfLife = halfLifeMicros();
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of(0L, 1L, halfLife, 2 * halfLife)),
        Tuple.of(4, Arbitraries.longs().between(0, 8 * halfLife)),
        Tuple.of(2, Arbitraries.longs().between(0, 3_155_760_000_000_000L)),
        Tuple.of(1, Arbitraries.longs().between(0, Long.MAX_VALUE / 4)));
  }

  /** The half-life in microseconds, capped so that the generated times stay far from overflow. */
  private long halfLifeMicros() {
    java.time.Duration h = rule().halfLife();
    if (h.getSeconds() >= Long.MAX_VALUE / 32 / 1_000_000L) {
      return Long.MAX_VALUE / 32; // forever, for practical purposes
    }
    return Math.max(1L, h.getSeconds() * 1_000_000L + h.getNano() / 1_000);
  }

  @Example
  @Label("Law 11 · decay contract: retained(0) == 1, no time no change")
  default void nothingIsForgottenInZeroTime() {
    assertThat(rule().retained(java.time.Duration.ZERO)).isEqualTo(1.0);
  }

  @Property
  @Label("Law 11 · decay contract: retained(t) is in [0, 1]")
  default void retainedIsAFraction(@ForAll("elapsed") long t) {
    assertThat(rule().retained(micros(t))).isBetween(0.0, 1.0);
  }

  @Property
  @Label("Law 11 · decay contract: retained never rises as time grows")
  default void retainedNeverRises(@ForAll("elapsed") long a, @ForAll("elapsed") long b) {
    long earlier = Math.min(a, b);
    long later = Math.max(a, b);
    assertThat(rule().retained(micros(later))).isLessThanOrEqualTo(rule().retained(micros(earlier)));
  }

  @Property
  @Label("Law 11 · decay contract: retained(a + b) == retained(a) * retained(b), to 1e-12")
  default void decayComposes(@ForAll("elapsed") long a, @ForAll("elapsed") long b) {
    assertThat(rule().retained(micros(a).plus(micros(b))))
        .isCloseTo(rule().retained(micros(a)) * rule().retained(micros(b)), within(1e-12));
  }

  @Example
  @Label("Law 11 · decay contract: a negative time is rejected, naming the field")
  default void negativeTimeIsRejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rule().retained(java.time.Duration.ofNanos(-1)))
        .isInstanceOf(dev.trustbucket.InvalidTrustInputException.class)
        .hasMessage("elapsed must not be negative but was PT-0.000000001S");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rule().retained(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("elapsed");
  }

  /** A time in microseconds as a {@link java.time.Duration}. */
  static java.time.Duration micros(long micros) {
    return java.time.Duration.of(micros, java.time.temporal.ChronoUnit.MICROS);
  }

  @Example
  @Label("Law 11 · decay contract: the half-life is positive")
  default void halfLifeIsPositive() {
    assertThat(rule().halfLife()).isPositive();
  }
}
