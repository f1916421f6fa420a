package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.behaviour.Behaviours;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import dev.trustbucket.testing.TrustGenerators;

@DisplayName("TrustEvent: defaults, copies and validation")
class TrustEventTest {

  static final Instant T0 = TrustGenerators.T0;

  @Test
  @DisplayName("of() takes the behaviour's default weight, no disclosure and an empty note")
  void of() {
    TrustEvent e = TrustEvent.of(Behaviours.PROACTIVE_UPDATE, T0);
    assertThat(e.behaviour()).isSameAs(Behaviours.PROACTIVE_UPDATE);
    assertThat(e.time()).isEqualTo(T0);
    assertThat(e.weight()).isEqualTo(0.5);
    assertThat(e.disclosure()).isEqualTo(Disclosure.notRecorded());
    assertThat(e.note()).isEmpty();
    assertThat(e.isDrop()).isTrue();
    assertThat(TrustEvent.of(Behaviours.HID_PROBLEM, T0).isDrop()).isFalse();
  }

  @Test
  @DisplayName("with... methods return new events and leave the original alone")
  void copies() {
    TrustEvent e = TrustEvent.of(Behaviours.HID_PROBLEM, T0);
    TrustEvent changed = e.withWeight(2.5).withDisclosure(Disclosure.discovered(Duration.ofDays(9)))
        .withNote("critical bug in the billing export").withTime(T0.plusSeconds(5));
    assertThat(changed).isEqualTo(new TrustEvent(Behaviours.HID_PROBLEM, T0.plusSeconds(5), 2.5,
        Disclosure.discovered(Duration.ofDays(9)), "critical bug in the billing export"));
    assertThat(e).isEqualTo(TrustEvent.of(Behaviours.HID_PROBLEM, T0));
  }

  @Test
  @DisplayName("weights 0 and 100 are accepted; above 100, negative, NaN and infinite ones are rejected naming \"weight\"")
  void weights() {
    TrustEvent e = TrustEvent.of(Behaviours.MISSED_DEADLINE, T0);
    assertThat(e.withWeight(0).weight()).isZero();
    assertThat(e.withWeight(100).weight()).isEqualTo(100);
    assertThatThrownBy(() -> e.withWeight(100.000001))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("weight must be a finite number in [0.0, 100.0] but was 100.000001");
    assertThatThrownBy(() -> e.withWeight(-1)).isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("-1.0");
    assertThatThrownBy(() -> e.withWeight(Double.NaN)).isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> e.withWeight(Double.NEGATIVE_INFINITY))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("-Infinity");
  }

  @Test
  @DisplayName("notes: up to 1,000 characters on one line")
  void notes() {
    TrustEvent e = TrustEvent.of(Behaviours.SMALL_WIN, T0);
    assertThat(e.withNote("x".repeat(1_000)).note()).hasSize(1_000);
    assertThatThrownBy(() -> e.withNote("x".repeat(1_001)))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("note must be at most 1000 characters but was 1001 characters long: \"" + "x".repeat(77) + "...\"");
    assertThatThrownBy(() -> e.withNote("two\nlines"))
        .isInstanceOf(InvalidTrustInputException.class).hasMessage("note must not contain U+000A (a line break: the text must be a single line) but had one at character 3"
            + " in \"two\\u000Alines\"");
    assertThatThrownBy(() -> e.withNote("carriage\rreturn"))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("the text must be a single line");
    assertThatThrownBy(() -> e.withNote("\nleading newline"))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("the text must be a single line");
    assertThatThrownBy(() -> e.withNote("\rleading carriage return"))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("the text must be a single line");
  }

  @Test
  @DisplayName("a drop cannot carry a disclosure; a drain can carry any")
  void disclosureOnDrops() {
    TrustEvent drop = TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, T0);
    assertThatThrownBy(() -> drop.withDisclosure(Disclosure.selfReported()))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("disclosure applies to drains only, but drop \"delivered-on-commitment\" had disclosure self-reported");
    assertThatThrownBy(() -> drop.withDisclosure(Disclosure.discovered(Duration.ZERO)))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageStartingWith("disclosure");
    assertThat(drop.withDisclosure(Disclosure.notRecorded())).isEqualTo(drop);
    assertThat(TrustEvent.of(Behaviours.MISSED_DEADLINE, T0).withDisclosure(Disclosure.selfReported()).disclosure())
        .isEqualTo(Disclosure.selfReported());
  }
}
