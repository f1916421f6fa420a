package dev.trustbucket.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.InvalidTrustInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SayDoRatio")
class SayDoRatioTest {
  private static final Instant T = Instant.parse("2025-03-07T17:00:00Z");

  @Test
  @DisplayName("counts kept, renegotiated and broken outcomes; kept ÷ made is the ratio")
  void counts() {
    SayDoRatio r =
        SayDoRatio.of(
            List.of(
                Outcome.onTime(T),
                Outcome.deliveredEarly(T),
                Outcome.onTime(T),
                Outcome.renegotiated(T),
                Outcome.lateWithWarning(T),
                Outcome.abandoned(T),
                Outcome.lateWithoutWarning(T),
                Outcome.onTime(T)));

    assertThat(r).isEqualTo(new SayDoRatio(8, 4, 1, 3));
    assertThat(r.ratio()).isEqualTo(0.5);
  }

  @Test
  @DisplayName("with nothing due yet the ratio is 1: no evidence against")
  void empty() {
    assertThat(SayDoRatio.of(List.of())).isEqualTo(new SayDoRatio(0, 0, 0, 0));
    assertThat(SayDoRatio.of(List.of()).ratio()).isEqualTo(1.0);
  }

  @Test
  @DisplayName("all kept is 1, all broken or renegotiated is 0")
  void extremes() {
    assertThat(SayDoRatio.of(List.of(Outcome.onTime(T), Outcome.deliveredEarly(T))).ratio()).isEqualTo(1.0);
    assertThat(SayDoRatio.of(List.of(Outcome.renegotiated(T), Outcome.abandoned(T))).ratio()).isEqualTo(0.0);
  }

  @Test
  @DisplayName("counts that do not add up are rejected naming \"made\"")
  void validation() {
    for (int[] bad : new int[][] {{3, 1, 1, 0}, {-1, -1, 0, 0}, {1, 2, -1, 0}}) {
      assertThatThrownBy(() -> new SayDoRatio(bad[0], bad[1], bad[2], bad[3]))
          .isInstanceOf(InvalidTrustInputException.class)
          .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("made"));
    }
  }
}
