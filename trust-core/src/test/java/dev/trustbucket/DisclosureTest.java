package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Disclosure: kinds, delays and validation")
class DisclosureTest {

  @Test
  @DisplayName("not recorded and self-reported are shared instances with no delay")
  void sharedInstances() {
    assertThat(Disclosure.notRecorded()).isSameAs(Disclosure.notRecorded());
    assertThat(Disclosure.notRecorded().kind()).isEqualTo(Disclosure.Kind.NOT_RECORDED);
    assertThat(Disclosure.notRecorded().delay()).isZero();
    assertThat(Disclosure.selfReported().kind()).isEqualTo(Disclosure.Kind.SELF_REPORTED);
    assertThat(Disclosure.selfReported().delay()).isZero();
    assertThat(Disclosure.selfReported().isDiscovered()).isFalse();
  }

  @Test
  @DisplayName("discovered carries its delay, from zero up to 100 years")
  void discovered() {
    Disclosure d = Disclosure.discovered(Duration.ofDays(9));
    assertThat(d.kind()).isEqualTo(Disclosure.Kind.DISCOVERED);
    assertThat(d.delay()).isEqualTo(Duration.ofDays(9));
    assertThat(d.isDiscovered()).isTrue();
    assertThat(d).isEqualTo(Disclosure.discovered(Duration.ofHours(216)));
    assertThat(Disclosure.discovered(Duration.ZERO).delay()).isZero();
    assertThat(Disclosure.discovered(Disclosure.MAX_DELAY).delay()).isEqualTo(Duration.ofDays(36_525));
  }

  @Test
  @DisplayName("a negative or over-100-years delay, or a delay on a non-discovery, is rejected naming \"delay\"")
  void validation() {
    assertThatThrownBy(() -> Disclosure.discovered(Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("delay must be between zero and PT876600H but was PT-1S");
    assertThatThrownBy(() -> Disclosure.discovered(Disclosure.MAX_DELAY.plusNanos(1)))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageStartingWith("delay");
    assertThatThrownBy(() -> new Disclosure(Disclosure.Kind.SELF_REPORTED, Duration.ofDays(1)))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("delay must be zero unless the drain was discovered, but was PT24H for SELF_REPORTED");
    assertThatThrownBy(() -> Disclosure.discovered(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("delay");
    assertThatThrownBy(() -> new Disclosure(null, Duration.ZERO)).isInstanceOf(NullPointerException.class).hasMessageContaining("kind");
  }

  @Test
  @DisplayName("toString reads as words")
  void words() {
    assertThat(Disclosure.notRecorded()).hasToString("not recorded");
    assertThat(Disclosure.selfReported()).hasToString("self-reported");
    assertThat(Disclosure.discovered(Duration.ofDays(9))).hasToString("discovered after 9 days");
  }
}
