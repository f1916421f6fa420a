package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.behaviour.Behaviours;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Confidence")
class ConfidenceTest {
  private static final Instant MONDAY = Instant.parse("2025-01-06T09:00:00Z");

  @Test
  @DisplayName("a new relationship has no evidence: u = 1, b = d = 0, E = 1/2")
  void newBucket() {
    Confidence c = TrustBucket.of(TrustPolicy.defaults(), MONDAY).confidence();

    assertThat(c).isEqualTo(new Confidence(0, 0));
    assertThat(c.uncertainty()).isEqualTo(1.0);
    assertThat(c.belief()).isZero();
    assertThat(c.disbelief()).isZero();
    assertThat(c.expectation()).isEqualTo(0.5);
    assertThat(c.describe()).isEqualTo("no evidence");
  }

  @Test
  @DisplayName("8 good and 2 bad outcomes: b = 2/3, d = 1/6, u = 1/6, E = 3/4 (Jøsang & Ismail 2002)")
  void workedExample() {
    Confidence c = new Confidence(8, 2);
    assertThat(c.belief()).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(c.disbelief()).isCloseTo(1.0 / 6, within(1e-15));
    assertThat(c.uncertainty()).isCloseTo(1.0 / 6, within(1e-15));
    assertThat(c.expectation()).isEqualTo(0.75);
    assertThat(c.describe()).isEqualTo("strong evidence");
  }

  @Test
  @DisplayName("a year of weekly events around 0.5 is backed by far more evidence than a new bucket at 0.5")
  void longHistoryAtHalf() {
    TrustPolicy policy = TrustPolicy.defaults();
    TrustLedger ledger = TrustLedger.of(policy, MONDAY);
    // Three drops to one drain keep the level around 0.5: 3 × 0.07 × (1 − L) = 0.21 × L at L = 0.5.
    for (int week = 0; week < 52; week++) {
      Instant t = MONDAY.plus(Duration.ofDays(7L * week + 1));
      ledger = ledger.plus(TrustEvent.of(week % 4 == 3 ? Behaviours.MISSED_DEADLINE : Behaviours.DELIVERED_ON_COMMITMENT, t));
    }
    TrustBucket old = ledger.state();
    TrustBucket fresh = TrustBucket.of(policy, old.time());

    assertThat(old.level()).isBetween(0.4, 0.6);
    assertThat(old.confidence().uncertainty()).isLessThan(0.1);
    assertThat(fresh.confidence().uncertainty()).isEqualTo(1.0);
    assertThat(old.confidence().describe()).isEqualTo("strong evidence");
  }

  @Test
  @DisplayName("after one half-life with nothing new, half the evidence and half the deviation are left")
  void fadesWithTheLevel() {
    TrustPolicy policy = TrustPolicy.defaults();
    TrustBucket b = TrustBucket.of(policy, MONDAY)
        .plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, MONDAY))
        .plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, MONDAY));
    TrustBucket later = b.at(MONDAY.plus(Duration.ofDays(365)));

    assertThat(later.positiveEvidence()).isCloseTo(b.positiveEvidence() / 2, within(1e-7));
    assertThat(later.negativeEvidence()).isCloseTo(b.negativeEvidence() / 2, within(1e-7));
    assertThat(later.level() - 0.5).isCloseTo((b.level() - 0.5) / 2, within(1e-15));
    assertThat(later.confidence().uncertainty()).isGreaterThan(b.confidence().uncertainty());
  }

  @Test
  @DisplayName("describe() puts the certainty in words")
  void describe() {
    assertThat(new Confidence(0.4, 0).describe()).isEqualTo("no evidence");
    assertThat(new Confidence(1, 0).describe()).isEqualTo("little evidence");
    assertThat(new Confidence(2, 1).describe()).isEqualTo("some evidence");
    assertThat(new Confidence(5, 5).describe()).isEqualTo("strong evidence");
  }

  @Test
  @DisplayName("describe() at the boundaries: certainty 0.5 is \"some evidence\", 0.8 is \"strong evidence\"")
  void describeBoundaries() {
    assertThat(new Confidence(2, 0).certainty()).isEqualTo(0.5);
    assertThat(new Confidence(2, 0).describe()).isEqualTo("some evidence");
    assertThat(new Confidence(1.99, 0).describe()).isEqualTo("little evidence");
    assertThat(new Confidence(4, 4).certainty()).isEqualTo(0.8);
    assertThat(new Confidence(4, 4).describe()).isEqualTo("strong evidence");
    assertThat(new Confidence(7.99, 0).describe()).isEqualTo("some evidence");
    // No amount of evidence gives a certainty of exactly 0.2: 1 - 2 / t is exact near 0.2, and 1 - 0.2 is
    // not a double. So "c < 0.2" and "c <= 0.2" cannot be told apart; PIT's mutant there is
    // equivalent. Just below and just above:
    assertThat(new Confidence(0.5, 0).certainty()).isLessThan(0.2);
    assertThat(new Confidence(0.5, 0).describe()).isEqualTo("no evidence");
    assertThat(new Confidence(0.51, 0).describe()).isEqualTo("little evidence");
  }

  @Test
  @DisplayName("negative, NaN or infinite evidence is rejected naming the field")
  void validation() {
    assertThatThrownBy(() -> new Confidence(-1, 0))
        .isInstanceOf(InvalidTrustInputException.class)
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("positiveEvidence"));
    assertThatThrownBy(() -> new Confidence(0, Double.NaN))
        .isInstanceOf(InvalidTrustInputException.class)
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("negativeEvidence"));
    assertThatThrownBy(() -> new Confidence(Double.POSITIVE_INFINITY, 0))
        .isInstanceOf(InvalidTrustInputException.class);
  }
}
