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
 *   <li>{@code retained(0) == 1};
 *   <li>{@code 0 <= retained(t) <= 1};
 *   <li>{@code retained} never rises as {@code t} grows;
 *   <li>{@code retained(a + b) == retained(a) * retained(b)} to 1e-12.
 * </ul>
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
    assertThat(rule().retained(0L)).isEqualTo(1.0);
  }

  @Property
  @Label("Law 11 · decay contract: retained(t) is in [0, 1]")
  default void retainedIsAFraction(@ForAll("elapsed") long t) {
    assertThat(rule().retained(t)).isBetween(0.0, 1.0);
  }

  @Property
  @Label("Law 11 · decay contract: retained never rises as time grows")
  default void retainedNeverRises(@ForAll("elapsed") long a, @ForAll("elapsed") long b) {
    long earlier = Math.min(a, b);
    long later = Math.max(a, b);
    assertThat(rule().retained(later)).isLessThanOrEqualTo(rule().retained(earlier));
  }

  @Property
  @Label("Law 11 · decay contract: retained(a + b) == retained(a) * retained(b), to 1e-12")
  default void decayComposes(@ForAll("elapsed") long a, @ForAll("elapsed") long b) {
    assertThat(rule().retained(a + b)).isCloseTo(rule().retained(a) * rule().retained(b), within(1e-12));
  }

  @Example
  @Label("Law 11 · decay contract: the half-life is positive")
  default void halfLifeIsPositive() {
    assertThat(rule().halfLife()).isPositive();
  }
}
