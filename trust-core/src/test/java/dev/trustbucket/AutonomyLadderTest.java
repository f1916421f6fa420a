package dev.trustbucket;

import static dev.trustbucket.AutonomyTier.AUTONOMOUS;
import static dev.trustbucket.AutonomyTier.MICROMANAGED;
import static dev.trustbucket.AutonomyTier.SUPERVISED;
import static dev.trustbucket.AutonomyTier.TRUSTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("AutonomyLadder: thresholds, hysteresis and minimum stay")
class AutonomyLadderTest {

  static final AutonomyLadder LADDER = AutonomyLadder.defaults();
  static final long DAY = 86_400_000_000L;
  static final long NONE = AutonomyLadder.NO_PROMOTION;

  @Test
  @DisplayName("the default ladder: supervised 0.35, trusted 0.6, autonomous 0.8, band 0.05, stay 14 days")
  void defaults() {
    assertThat(LADDER).isEqualTo(new AutonomyLadder(0.35, 0.6, 0.8, 0.05, Duration.ofDays(14)));
    assertThat(LADDER.threshold(MICROMANAGED)).isZero();
    assertThat(LADDER.threshold(SUPERVISED)).isEqualTo(0.35);
    assertThat(LADDER.threshold(TRUSTED)).isEqualTo(0.6);
    assertThat(LADDER.threshold(AUTONOMOUS)).isEqualTo(0.8);
  }

  @Test
  @DisplayName("tierFor: the highest tier whose threshold the level reaches; the baseline 0.5 earns SUPERVISED")
  void tierFor() {
    assertThat(LADDER.tierFor(0.0)).isEqualTo(MICROMANAGED);
    assertThat(LADDER.tierFor(Math.nextDown(0.35))).isEqualTo(MICROMANAGED);
    assertThat(LADDER.tierFor(0.35)).isEqualTo(SUPERVISED);
    assertThat(LADDER.tierFor(0.5)).isEqualTo(SUPERVISED);
    assertThat(LADDER.tierFor(0.6)).isEqualTo(TRUSTED);
    assertThat(LADDER.tierFor(0.8)).isEqualTo(AUTONOMOUS);
    assertThat(LADDER.tierFor(1.0)).isEqualTo(AUTONOMOUS);
  }

  @Test
  @DisplayName("next: promotion at the threshold, the tier holds inside the band, demotion below it")
  void hysteresis() {
    assertThat(LADDER.next(SUPERVISED, 0.6, 0, NONE, false)).isEqualTo(TRUSTED);
    assertThat(LADDER.next(SUPERVISED, 0.85, 0, NONE, false)).isEqualTo(AUTONOMOUS);
    assertThat(LADDER.next(TRUSTED, 0.56, 0, NONE, false)).isEqualTo(TRUSTED);
    assertThat(LADDER.next(TRUSTED, 0.55, 0, NONE, false)).isEqualTo(TRUSTED);
    assertThat(LADDER.next(TRUSTED, 0.549, 0, NONE, false)).isEqualTo(SUPERVISED);
    // A demotion steps down only as far as the band requires.
    assertThat(LADDER.next(AUTONOMOUS, 0.56, 0, NONE, false)).isEqualTo(TRUSTED);
    assertThat(LADDER.next(AUTONOMOUS, 0.31, 0, NONE, false)).isEqualTo(SUPERVISED);
    assertThat(LADDER.next(AUTONOMOUS, 0.29, 0, NONE, false)).isEqualTo(MICROMANAGED);
  }

  @Test
  @DisplayName("an oscillation between 0.55 and 0.599 never leaves TRUSTED")
  void oscillation() {
    AutonomyTier tier = TRUSTED;
    for (int i = 0; i < 100; i++) {
      tier = LADDER.next(tier, i % 2 == 0 ? 0.55 : 0.599, i * DAY, NONE, false);
      assertThat(tier).isEqualTo(TRUSTED);
    }
  }

  @Test
  @DisplayName("within 14 days of a promotion a dip does not demote, a breach does; from day 14 on a dip does")
  void minimumStay() {
    long promoted = 100 * DAY;
    assertThat(LADDER.next(TRUSTED, 0.40, promoted + 13 * DAY, promoted, false)).isEqualTo(TRUSTED);
    assertThat(LADDER.next(TRUSTED, 0.40, promoted + 14 * DAY - 1, promoted, false)).isEqualTo(TRUSTED);
    assertThat(LADDER.next(TRUSTED, 0.40, promoted + 13 * DAY, promoted, true)).isEqualTo(SUPERVISED);
    assertThat(LADDER.next(TRUSTED, 0.40, promoted + 14 * DAY, promoted, false)).isEqualTo(SUPERVISED);
    assertThat(LADDER.next(TRUSTED, 0.40, promoted + 13 * DAY, NONE, false)).isEqualTo(SUPERVISED);
  }

  @Test
  @DisplayName("the stay protects from the instant of the promotion; with no minimum stay a dip at that instant demotes")
  void stayStartsAtThePromotion() {
    long promoted = 100 * DAY;
    assertThat(LADDER.next(TRUSTED, 0.40, promoted, promoted, false)).isEqualTo(TRUSTED);
    AutonomyLadder noStay = new AutonomyLadder(0.35, 0.6, 0.8, 0.05, Duration.ZERO);
    assertThat(noStay.next(TRUSTED, 0.40, promoted, promoted, false)).isEqualTo(SUPERVISED);
    assertThat(noStay.minimumStayMicros()).isZero();
  }

  @Test
  @DisplayName("a demotion stops in the lowest tier whose band still holds the level, band edges included")
  void demotionStopsAtTheBandEdge() {
    // PIT: three mutants of next()'s two early returns survive and are equivalent: with
    // "earned >= current" -> ">", an earned tier equal to the current one also passes the band
    // test; with "level >= threshold - band" -> ">" or "threshold + band", the loop below tests the
    // same band and returns the current tier too. Only the loop decides, and it is pinned here.
    double trustedEdge = LADDER.threshold(TRUSTED) - LADDER.hysteresisBand();
    double supervisedEdge = LADDER.threshold(SUPERVISED) - LADDER.hysteresisBand();
    assertThat(LADDER.next(AUTONOMOUS, trustedEdge, 0, NONE, false)).isEqualTo(TRUSTED);
    assertThat(LADDER.next(AUTONOMOUS, Math.nextDown(trustedEdge), 0, NONE, false)).isEqualTo(SUPERVISED);
    assertThat(LADDER.next(AUTONOMOUS, supervisedEdge, 0, NONE, false)).isEqualTo(SUPERVISED);
    assertThat(LADDER.next(TRUSTED, supervisedEdge, 0, NONE, false)).isEqualTo(SUPERVISED);
    assertThat(LADDER.next(TRUSTED, Math.nextDown(supervisedEdge), 0, NONE, false)).isEqualTo(MICROMANAGED);
  }

  @Test
  @DisplayName("thresholds out of order are rejected naming \"thresholds\" and quoting the values")
  void outOfOrder() {
    InvalidTrustInputException e = catchThrowableOfType(InvalidTrustInputException.class,
        () -> new AutonomyLadder(0.6, 0.35, 0.8, 0.05, Duration.ofDays(14)));
    assertThat(e.field()).isEqualTo("thresholds");
    assertThat(e).hasMessage("thresholds must increase: supervised < trusted < autonomous, but were 0.6, 0.35, 0.8");
    assertThatThrownBy(() -> new AutonomyLadder(0.35, 0.6, 0.6, 0.05, Duration.ofDays(14)))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageStartingWith("thresholds");
    assertThatThrownBy(() -> TrustPolicy.builder().ladder(new AutonomyLadder(0.5, 0.4, 0.9, 0.05, Duration.ZERO)).build())
        .isInstanceOf(InvalidTrustInputException.class).hasMessageStartingWith("thresholds");
  }

  @Test
  @DisplayName("other settings are validated naming their field")
  void otherValidation() {
    assertThatThrownBy(() -> new AutonomyLadder(0, 0.6, 0.8, 0, Duration.ZERO))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageStartingWith("supervised");
    assertThatThrownBy(() -> new AutonomyLadder(0.35, 0.6, 1.1, 0.05, Duration.ZERO))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageStartingWith("autonomous").hasMessageContaining("1.1");
    assertThatThrownBy(() -> new AutonomyLadder(0.35, 0.6, 0.8, 0.35, Duration.ZERO))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageStartingWith("hysteresisBand").hasMessageContaining("0.35");
    assertThatThrownBy(() -> new AutonomyLadder(0.35, 0.6, 0.8, -0.01, Duration.ZERO))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageStartingWith("hysteresisBand");
    assertThatThrownBy(() -> new AutonomyLadder(0.35, 0.6, 0.8, 0.05, Duration.ofDays(-1)))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageStartingWith("minimumStay").hasMessageContaining("PT-24H");
    assertThatThrownBy(() -> new AutonomyLadder(0.35, 0.6, 0.8, 0.05, Duration.ofDays(36_526)))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageStartingWith("minimumStay");
    assertThat(new AutonomyLadder(0.35, 0.6, 0.8, 0.05, Duration.ofDays(36_525)).minimumStayMicros())
        .as("100 years exactly is allowed").isEqualTo(36_525 * DAY);
    assertThatThrownBy(() -> new AutonomyLadder(0.35, 0.6, 0.8, 0.05, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("minimumStay");
    assertThat(new AutonomyLadder(0.35, 0.6, 1.0, 0.0, Duration.ZERO).tierFor(1.0)).isEqualTo(AUTONOMOUS);
  }

  @Test
  @DisplayName("tiers are ordered; higher() and lower() stop at the ends")
  void tiers() {
    assertThat(AUTONOMOUS.isHigherThan(TRUSTED)).isTrue();
    assertThat(TRUSTED.isHigherThan(TRUSTED)).isFalse();
    assertThat(MICROMANAGED.higher()).isEqualTo(SUPERVISED);
    assertThat(AUTONOMOUS.higher()).isEqualTo(AUTONOMOUS);
    assertThat(MICROMANAGED.lower()).isEqualTo(MICROMANAGED);
    assertThat(AUTONOMOUS.lower()).isEqualTo(TRUSTED);
  }
}
