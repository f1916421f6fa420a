package dev.trustbucket.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("DecayRuleContract: passes the built-in rules, catches broken ones with the law and a counterexample")
class DecayRuleContractTest {

  private static final long HOUR = 3_600_000_000L;

  /**
   * A rule of a test's own: the given function of the elapsed microseconds, the given half-life; a
   * negative time is rejected as the built-in rules do.
   */
  private static DecayRule rule(String name, Duration halfLife, LongToDoubleFunction kept) {
    return new DecayRule() {
      @Override
      public double retained(Duration elapsed) {
        if (elapsed.isNegative()) {
          throw new IllegalArgumentException("elapsed must not be negative but was " + elapsed);
        }
        return kept.applyAsDouble(elapsed.getSeconds() * 1_000_000L + elapsed.getNano() / 1_000);
      }

      @Override
      public Duration halfLife() {
        return halfLife;
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  /** The exponential a user might write: half of a deviation is gone every {@code halfLife}. */
  private static DecayRule halving(Duration halfLife) {
    double micros = halfLife.getSeconds() * 1e6 + halfLife.getNano() / 1e3;
    return rule("halving every " + halfLife, halfLife, t -> Math.pow(0.5, t / micros));
  }

  @ParameterizedTest(name = "exponential, half-life {0} days")
  @ValueSource(longs = {1, 30, 182, 365, 1_095, 36_525, 12_000_000})
  @DisplayName("the built-in exponential rules obey every law")
  void builtInExponential(long days) {
    DecayRule rule = DecayRule.exponential(Duration.ofDays(days));
    assertThat(DecayRuleContract.violations(rule)).isEmpty();
    assertThatCode(() -> DecayRuleContract.check(rule)).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("the built-in rule that never forgets obeys every law, its FOREVER half-life included")
  void builtInNone() {
    assertThat(DecayRuleContract.violations(DecayRule.none())).isEmpty();
    DecayRuleContract.check(DecayRule.none());
  }

  @Test
  @DisplayName("a user's own exponential, written with Math.pow, obeys every law")
  void ownExponential() {
    assertThat(DecayRuleContract.violations(halving(Duration.ofDays(91)))).isEmpty();
    assertThat(DecayRuleContract.violations(halving(Duration.ofSeconds(1)))).isEmpty();
  }

  @Test
  @DisplayName("a rule that forgets something in no time breaks 'no time, no change' (and, with it, being memoryless)")
  void forgetsInNoTime() {
    DecayRule rule = rule("jumpy", Duration.ofHours(1), t -> t == 0 ? 0.5 : Math.pow(0.5, t / (double) HOUR));
    assertThat(DecayRuleContract.violations(rule))
        .first()
        .isEqualTo("no time, no change: retained(0) == 1: retained(PT0S) = 0.5");
    assertThatThrownBy(() -> DecayRuleContract.check(rule))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("decay rule jumpy breaks the DecayRule contract:\n  - no time, no change: retained(0) == 1: retained(PT0S) = 0.5");
  }

  @Test
  @DisplayName("a rule that keeps more than everything breaks 'a fraction'")
  void keepsMoreThanAll() {
    DecayRule rule = rule("generous", Duration.ofHours(1), t -> t == 0 ? 1.0 : 1.2);
    assertThat(DecayRuleContract.violations(rule))
        .contains("a fraction: retained(t) is finite and in [0, 1]: retained(PT0.000001S) = 1.2");
  }

  @Test
  @DisplayName("a rule that answers NaN breaks 'a fraction'")
  void notANumber() {
    DecayRule rule = rule("nan", Duration.ofHours(1), t -> t == 0 ? 1.0 : Double.NaN);
    assertThat(DecayRuleContract.violations(rule))
        .anySatisfy(v -> assertThat(v).startsWith("a fraction: ").endsWith("= NaN"));
  }

  @Test
  @DisplayName("a rule that remembers more as time goes on breaks 'never rises'")
  void rises() {
    DecayRule rule = rule("relapse", Duration.ofHours(1), t -> t == 0 ? 1.0 : t < 7 * 24 * HOUR ? 0.5 : 0.8);
    List<String> violations = DecayRuleContract.violations(rule);
    assertThat(violations).anySatisfy(v -> assertThat(v).startsWith("never rises: retained(b) <= retained(a) when a <= b: "));
  }

  @Test
  @DisplayName("a linear rule is a fraction that never rises, but is not memoryless: the contract says so")
  void linear() {
    long day = 24 * HOUR;
    DecayRule rule = rule("linear over 2 days", Duration.ofDays(1), t -> Math.max(0.0, 1.0 - t / (2.0 * day)));
    List<String> violations = DecayRuleContract.violations(rule);
    assertThat(violations).hasSize(1);
    assertThat(violations.get(0))
        .startsWith("memoryless: retained(a + b) == retained(a) * retained(b), to 1.0E-12: retained(")
        .contains(" but retained(");
  }

  @Test
  @DisplayName("a cliff (everything kept for an hour, then a tenth) breaks 'memoryless' and 'an honest half-life'")
  void cliff() {
    DecayRule rule = rule("cliff", Duration.ofHours(1), t -> t < HOUR ? 1.0 : 0.1);
    assertThat(DecayRuleContract.violations(rule))
        .extracting(v -> v.substring(0, v.indexOf(':')))
        .containsExactly("memoryless", "an honest half-life");
  }

  @Test
  @DisplayName("docs/testing.md's cliff (all kept for 30 days, then a tenth): the two lines the page shows")
  void docsCliff() {
    DecayRule cliff = rule("cliff", Duration.ofDays(30), t -> t < 30 * 24 * HOUR ? 1.0 : 0.1);
    assertThat(DecayRuleContract.violations(cliff)).containsExactly(
        "memoryless: retained(a + b) == retained(a) * retained(b), to 1.0E-12: retained(PT1440H) = 0.1 "
            + "but retained(PT720H) * retained(PT720H) = 0.010000000000000002",
        "an honest half-life: positive, half is left after it, and FOREVER keeps everything: "
            + "retained(halfLife() = PT720H) = 0.1");
  }

  @Test
  @DisplayName("an exponential that reports the wrong half-life breaks 'an honest half-life'")
  void wrongHalfLife() {
    DecayRule halvesEveryDay = halving(Duration.ofDays(1));
    DecayRule rule = rule("claims a week", Duration.ofDays(7), t -> halvesEveryDay.retained(Duration.of(t, ChronoUnit.MICROS)));
    assertThat(DecayRuleContract.violations(rule))
        .containsExactly("an honest half-life: positive, half is left after it, and FOREVER keeps everything: "
            + "retained(halfLife() = PT168H) = 0.0078125");
  }

  @Test
  @DisplayName("a rule that claims FOREVER but forgets, and one with a zero half-life, break 'an honest half-life'")
  void dishonestForever() {
    DecayRule daily = halving(Duration.ofDays(1));
    DecayRule forgetful = rule("forgetful", ChronoUnit.FOREVER.getDuration(), t -> daily.retained(Duration.of(t, ChronoUnit.MICROS)));
    assertThat(DecayRuleContract.violations(forgetful))
        .singleElement()
        .asString()
        .startsWith("an honest half-life: ")
        .contains("halfLife() is FOREVER but retained(");
    DecayRule zero = rule("zero", Duration.ZERO, t -> 1.0);
    assertThat(DecayRuleContract.violations(zero))
        .containsExactly("an honest half-life: positive, half is left after it, and FOREVER keeps everything: halfLife() = PT0S");
  }

  @Test
  @DisplayName("a rule that throws is reported as broken, with what it threw, instead of ending the check")
  void throwing() {
    DecayRule rule = rule("overflowing", Duration.ofHours(1), t -> {
      if (t > 1_000L * 365 * 24 * HOUR) {
        throw new ArithmeticException("long overflow");
      }
      return Math.pow(0.5, t / (double) HOUR);
    });
    assertThat(DecayRuleContract.violations(rule))
        .anySatisfy(v -> assertThat(v).contains("decay rule overflowing threw java.lang.ArithmeticException: long overflow for retained("));
  }

  @Test
  @DisplayName("every property of the jqwik contract fails on the broken law, with the same words")
  void propertiesUseTheSameLaws() {
    DecayRuleContract jumpy = () -> rule("jumpy", Duration.ofHours(1), t -> t == 0 ? 0.5 : 0.25);
    assertThatThrownBy(jumpy::retainsEverythingAfterNoTime)
        .isInstanceOf(AssertionError.class)
        .hasMessage("decay rule jumpy breaks the DecayRule contract: no time, no change: retained(0) == 1: retained(PT0S) = 0.5");
    DecayRuleContract generous = () -> rule("generous", Duration.ofHours(1), t -> t == 0 ? 1.0 : 1.2);
    assertThatThrownBy(() -> generous.retainsAFraction(Duration.ofHours(3)))
        .hasMessage("decay rule generous breaks the DecayRule contract: a fraction: retained(t) is finite and in [0, 1]: retained(PT3H) = 1.2");
    DecayRuleContract relapse = () -> rule("relapse", Duration.ofHours(1), t -> t == 0 ? 1.0 : t < 2 * HOUR ? 0.5 : 0.8);
    assertThatThrownBy(() -> relapse.neverRises(Duration.ofHours(3), Duration.ofHours(1)))
        .hasMessage("decay rule relapse breaks the DecayRule contract: never rises: retained(b) <= retained(a) when a <= b: "
            + "retained(PT1H) = 0.5 but retained(PT3H) = 0.8");
    DecayRuleContract cliff = () -> rule("cliff", Duration.ofHours(1), t -> t < HOUR ? 1.0 : 0.1);
    assertThatThrownBy(() -> cliff.isMemoryless(Duration.ofMinutes(30), Duration.ofMinutes(30)))
        .hasMessage("decay rule cliff breaks the DecayRule contract: memoryless: retained(a + b) == retained(a) * retained(b), "
            + "to 1.0E-12: retained(PT1H) = 0.1 but retained(PT30M) * retained(PT30M) = 1.0");
    assertThatThrownBy(() -> cliff.hasAnHonestHalfLife(Duration.ZERO))
        .hasMessageContaining("an honest half-life").hasMessageEndingWith("retained(halfLife() = PT1H) = 0.1");
    DecayRuleContract fine = () -> DecayRule.exponential(Duration.ofDays(365));
    fine.retainsEverythingAfterNoTime();
    fine.isMemoryless(Duration.ofDays(100), Duration.ofDays(265));
  }

  @Test
  @DisplayName("a rule that answers for a negative time, or throws something else, breaks 'a negative time is rejected'")
  void negativeTime() {
    DecayRule lenient = new DecayRule() {
      @Override
      public double retained(Duration elapsed) {
        return elapsed.isNegative() ? 1.0 : Math.pow(0.5, (elapsed.getSeconds() + elapsed.getNano() / 1e9) / 3600.0);
      }

      @Override
      public Duration halfLife() {
        return Duration.ofHours(1);
      }
    };
    assertThat(DecayRuleContract.violations(lenient)).containsExactly(
        "a negative time is rejected: retained(-1 microsecond) throws an IllegalArgumentException: "
            + "retained(PT-0.000001S) = 1.0 instead of throwing");
    DecayRule wrongException = new DecayRule() {
      @Override
      public double retained(Duration elapsed) {
        if (elapsed.isNegative()) {
          throw new IllegalStateException("negative");
        }
        return 1.0;
      }

      @Override
      public Duration halfLife() {
        return ChronoUnit.FOREVER.getDuration();
      }
    };
    assertThat(DecayRuleContract.violations(wrongException)).singleElement().asString()
        .endsWith("retained(PT-0.000001S) threw java.lang.IllegalStateException: negative instead");
  }

  @Test
  @DisplayName("a null rule is a NullPointerException naming the parameter")
  void nullRule() {
    assertThatThrownBy(() -> DecayRuleContract.check(null)).isInstanceOf(NullPointerException.class).hasMessage("rule");
  }
}
