package dev.trustbucket.decay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.InvalidTrustInputException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DecayRule: exponential and none")
class DecayRuleTest {

  @Test
  @DisplayName("exponential rules compare by half-life and read as such")
  void exponential() {
    DecayRule year = DecayRule.exponential(Duration.ofDays(365));
    assertThat(year).isEqualTo(DecayRule.exponential(Duration.ofHours(365 * 24))).isNotEqualTo(DecayRule.none());
    assertThat(year).hasSameHashCodeAs(DecayRule.exponential(Duration.ofDays(365)));
    assertThat(year.hashCode()).isNotEqualTo(DecayRule.exponential(Duration.ofDays(730)).hashCode());
    assertThat(year.halfLife()).isEqualTo(Duration.ofDays(365));
    assertThat(year).hasToString("exponential(halfLife=PT8760H)");
    assertThat(year.retained(Duration.ofDays(365))).isEqualTo(0.5);
    // Time counts in whole microseconds: a nanosecond is no time at all.
    assertThat(year.retained(Duration.ofNanos(999))).isEqualTo(1.0);
    assertThat(year.retained(Duration.ofNanos(1_000))).isLessThan(1.0);
    // Beyond Long.MAX_VALUE microseconds (about 292,000 years) is forever: nothing is left.
    assertThat(year.retained(Duration.ofSeconds(Long.MAX_VALUE))).isZero();
    assertThat(year.retained(ChronoUnit.FOREVER.getDuration())).isZero();
  }

  @Test
  @DisplayName("a half-life that is zero, negative, null or 30,000+ years is rejected")
  void validation() {
    assertThatThrownBy(() -> DecayRule.exponential(Duration.ZERO))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("halfLife must be positive and shorter than 2^40 seconds (about 34,800 years) but was PT0S");
    assertThatThrownBy(() -> DecayRule.exponential(Duration.ofSeconds(-1))).isInstanceOf(InvalidTrustInputException.class);
    assertThatThrownBy(() -> DecayRule.exponential(Duration.ofSeconds(1L << 40))).isInstanceOf(InvalidTrustInputException.class);
    assertThatThrownBy(() -> DecayRule.exponential(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("halfLife");
    assertThat(DecayRule.exponential(Duration.ofNanos(1)).retained(Duration.of(1, ChronoUnit.MICROS))).isCloseTo(Math.pow(2, -1_000), org.assertj.core.data.Percentage.withPercentage(1e-9));
  }

  @Test
  @DisplayName("none is one shared rule that forgets nothing, with a FOREVER half-life")
  void none() {
    assertThat(DecayRule.none()).isSameAs(DecayRule.none());
    assertThat(DecayRule.none().halfLife()).isEqualTo(ChronoUnit.FOREVER.getDuration());
    assertThat(DecayRule.none().retained(ChronoUnit.FOREVER.getDuration())).isEqualTo(1.0);
    assertThat(DecayRule.none()).hasToString("none");
  }

  @Test
  @DisplayName("both stock rules reject a negative elapsed time naming the field, and a null one")
  void negativeAndNullElapsed() {
    // Moved here from the old DecayRuleContract: trust-testing's contract asks any rule for an
    // IllegalArgumentException; the stock rules' exact exception and message are pinned here.
    for (DecayRule rule : java.util.List.of(DecayRule.exponential(Duration.ofDays(365)), DecayRule.none())) {
      assertThatThrownBy(() -> rule.retained(Duration.ofNanos(-1)))
          .isInstanceOf(InvalidTrustInputException.class)
          .hasMessage("elapsed must not be negative but was PT-0.000000001S");
      assertThatThrownBy(() -> rule.retained(null)).isInstanceOf(NullPointerException.class).hasMessage("elapsed");
    }
  }
}
