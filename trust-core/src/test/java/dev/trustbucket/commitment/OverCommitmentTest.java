package dev.trustbucket.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.InvalidTrustInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OverCommitment: earliest-due-first against a weekly capacity")
class OverCommitmentTest {
  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

  private static Commitment due(String what, int days, double hours) {
    return new Commitment(what, NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(days)), 1.0, hours);
  }

  @Test
  @DisplayName("passes when every due date can be met at this capacity")
  void fits() {
    OverCommitment o =
        OverCommitment.of(List.of(due("c", 21, 30), due("a", 7, 10), due("b", 14, 15)), 20, NOW);

    assertThat(o.overCommitted()).isFalse();
    assertThat(o.firstMiss()).isEmpty();
    assertThat(o.shortfallHours()).isZero();
    assertThat(o.atRisk()).isEmpty();
  }

  @Test
  @DisplayName("flags the first due date that cannot be met, with the hours missing by then")
  void flagsTheFirstMiss() {
    Commitment a = due("a", 7, 15);
    Commitment b = due("b", 10, 20);
    Commitment c = due("c", 30, 1_000);
    OverCommitment o = OverCommitment.of(List.of(c, b, a), 20, NOW);

    // By day 10 there are 20 × 10 / 7 = 28.57 hours, and a + b need 35.
    assertThat(o.overCommitted()).isTrue();
    assertThat(o.firstMiss()).contains(b.due());
    assertThat(o.shortfallHours()).isCloseTo(35 - 200.0 / 7, within(1e-9)).isCloseTo(6.43, within(0.005));
    assertThat(o.atRisk()).containsExactly(a, b);
  }

  @Test
  @DisplayName("flags the very first commitment when it alone does not fit")
  void firstCommitmentTooBig() {
    Commitment a = due("a", 2, 10);
    OverCommitment o = OverCommitment.of(List.of(due("b", 14, 1), a), 20, NOW);

    assertThat(o.firstMiss()).contains(a.due());
    assertThat(o.shortfallHours()).isCloseTo(10 - 40.0 / 7, within(1e-9));
    assertThat(o.atRisk()).containsExactly(a);
  }

  @Test
  @DisplayName("a schedule that fits exactly is not over-committed")
  void exactFit() {
    assertThat(OverCommitment.of(List.of(due("a", 7, 20), due("b", 14, 20)), 20, NOW).overCommitted()).isFalse();
    assertThat(OverCommitment.of(List.of(due("a", 7, 168)), 168, NOW).overCommitted()).isFalse();
    // PIT: "needed > available + 1e-9" -> ">=" survives. It differs only when the hours needed
    // exceed those available by exactly the rounding tolerance, 1e-9 h, which is no schedule.
  }

  @Test
  @DisplayName("with no capacity, only effortless commitments fit")
  void zeroCapacity() {
    Commitment free = due("free", 3, 0);
    Commitment work = due("work", 14, 2);
    OverCommitment o = OverCommitment.of(List.of(work, free), 0, NOW);

    assertThat(o.overCommitted()).isTrue();
    assertThat(o.firstMiss()).contains(work.due());
    assertThat(o.shortfallHours()).isEqualTo(2.0);
    assertThat(o.atRisk()).containsExactly(free, work);
    assertThat(OverCommitment.of(List.of(free), 0, NOW).overCommitted()).isFalse();
  }

  @Test
  @DisplayName("an overdue commitment with work left is missed at once, by all its hours")
  void overdue() {
    Commitment late = due("late", -1, 3);
    OverCommitment o = OverCommitment.of(List.of(due("later", 30, 1), late), 40, NOW);

    assertThat(o.firstMiss()).contains(late.due());
    assertThat(o.shortfallHours()).isEqualTo(3.0);
    assertThat(o.atRisk()).containsExactly(late);
  }

  @Test
  @DisplayName("nothing open is never over-committed")
  void empty() {
    assertThat(OverCommitment.of(List.of(), 0, NOW).overCommitted()).isFalse();
  }

  @Test
  @DisplayName("rejects a capacity that is NaN, negative or above 168 hours a week, naming \"hoursPerWeek\"")
  void rejectsBadCapacity() {
    for (double bad : new double[] {Double.NaN, -0.5, 168.01, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> OverCommitment.of(List.of(), bad, NOW))
          .as("%s", bad)
          .isInstanceOf(InvalidTrustInputException.class)
          .hasMessageContaining("hoursPerWeek")
          .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("hoursPerWeek"));
    }
  }
}
