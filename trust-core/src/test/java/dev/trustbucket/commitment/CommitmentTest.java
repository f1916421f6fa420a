package dev.trustbucket.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviours;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Commitment")
class CommitmentTest {
  private static final TrustPolicy POLICY = TrustPolicy.defaults();
  private static final Instant MONDAY = Instant.parse("2025-03-03T09:00:00Z");
  private static final Instant FRIDAY = Instant.parse("2025-03-07T17:00:00Z");
  private static final Commitment CRITICAL_TASK = Commitment.of("finish the critical task", MONDAY, FRIDAY);

  private static TrustEvent resolve(Outcome o) {
    return CRITICAL_TASK.resolve(o, POLICY).get(0);
  }

  private static double levelAfter(Outcome o, double level) {
    TrustEvent e = resolve(o);
    return TrustBucket.of(POLICY, e.time(), level).plus(e).level();
  }

  @Test
  @DisplayName("the essay's \"committing to Friday, then pushing to next week without warning\" costs the most")
  void essayExample() {
    Instant nextWednesday = FRIDAY.plus(Duration.ofDays(5));
    TrustEvent pushed = resolve(Outcome.lateWithoutWarning(nextWednesday));

    assertThat(pushed.behaviour()).isEqualTo(Behaviours.PUSHED_DEADLINE_WITHOUT_WARNING);
    assertThat(pushed.time()).as("the manager finds out on Friday").isEqualTo(FRIDAY);
    assertThat(pushed.weight()).isEqualTo(1.75);
    assertThat(pushed.note()).isEqualTo("finish the critical task");
    assertThat(POLICY.isBreach(pushed)).isTrue();

    // From 0.6: pushing without warning leaves 0.6 × (1 − 0.21 × 1.75 × 2) = 0.159.
    assertThat(levelAfter(Outcome.lateWithoutWarning(nextWednesday), 0.6)).isCloseTo(0.159, within(1e-12));
    // Warning before Friday and delivering late: 0.6 × (1 − 0.21 × 1.75) = 0.3795.
    assertThat(levelAfter(Outcome.lateWithWarning(nextWednesday), 0.6)).isCloseTo(0.3795, within(1e-12));
    // Renegotiating on Tuesday evening, three days ahead: 0.6 × (1 − 0.21 × 0.25 × 2^(−3/7)).
    Instant tuesday = FRIDAY.minus(Duration.ofDays(3));
    assertThat(levelAfter(Outcome.renegotiated(tuesday), 0.6))
        .isCloseTo(0.6 * (1 - 0.21 * 0.25 * Math.pow(2, -3.0 / 7)), within(1e-12))
        .isCloseTo(0.5766, within(1e-4));
    // Delivering on Friday: 0.6 + 0.07 × 0.4 = 0.628.
    assertThat(levelAfter(Outcome.onTime(FRIDAY), 0.6)).isCloseTo(0.628, within(1e-12));
  }

  @Test
  @DisplayName("each outcome becomes one event, as the table in resolve's Javadoc says")
  void outcomeTable() {
    Commitment c = new Commitment("finish the critical task", MONDAY.minus(Duration.ofDays(14)), FRIDAY, 2.0, 0.0);
    Instant thursday = FRIDAY.minus(Duration.ofDays(1));
    Instant saturday = FRIDAY.plus(Duration.ofDays(1));

    assertEvent(c.resolve(Outcome.deliveredEarly(thursday), POLICY).get(0), Behaviours.DELIVERED_EARLY, thursday, 2.0);
    assertEvent(c.resolve(Outcome.onTime(FRIDAY), POLICY).get(0), Behaviours.DELIVERED_ON_COMMITMENT, FRIDAY, 2.0);
    assertEvent(c.resolve(Outcome.renegotiated(FRIDAY), POLICY).get(0), Behaviours.RENEGOTIATED_DEADLINE, FRIDAY, 0.5);
    assertEvent(c.resolve(Outcome.renegotiated(FRIDAY.minus(Duration.ofDays(7))), POLICY).get(0),
        Behaviours.RENEGOTIATED_DEADLINE, FRIDAY.minus(Duration.ofDays(7)), 0.25);
    assertEvent(c.resolve(Outcome.lateWithWarning(saturday), POLICY).get(0), Behaviours.MISSED_DEADLINE, FRIDAY, 3.5);
    assertEvent(c.resolve(Outcome.lateWithoutWarning(saturday), POLICY).get(0),
        Behaviours.PUSHED_DEADLINE_WITHOUT_WARNING, FRIDAY, 3.5);
    assertEvent(c.resolve(Outcome.abandoned(saturday), POLICY).get(0), Behaviours.MISSED_DEADLINE, saturday, 5.25);
    assertEvent(c.resolve(Outcome.abandoned(thursday), POLICY).get(0), Behaviours.MISSED_DEADLINE, FRIDAY, 5.25);
  }

  private static void assertEvent(TrustEvent e, dev.trustbucket.behaviour.Behaviour b, Instant at, double weight) {
    assertThat(e.behaviour()).isEqualTo(b);
    assertThat(e.time()).isEqualTo(at);
    assertThat(e.weight()).isCloseTo(weight, within(1e-12));
  }

  @Test
  @DisplayName("a renegotiation's cost halves with every week of notice, to the second")
  void renegotiationNotice() {
    Commitment c = new Commitment("finish the critical task", MONDAY.minus(Duration.ofDays(14)), FRIDAY, 1.0, 0.0);
    double noNotice = c.resolve(Outcome.renegotiated(FRIDAY), POLICY).get(0).weight();
    double oneWeek = c.resolve(Outcome.renegotiated(FRIDAY.minus(Duration.ofDays(7))), POLICY).get(0).weight();
    double thirtySeconds = c.resolve(Outcome.renegotiated(FRIDAY.minusSeconds(30)), POLICY).get(0).weight();

    assertThat(noNotice).isEqualTo(0.25);
    assertThat(oneWeek).isEqualTo(0.125);
    assertThat(thirtySeconds).isLessThan(noNotice).isCloseTo(0.25 * Math.pow(2, -30.0 / 604_800), within(1e-15));
    // To the nanosecond, in the notice and in the half-time alike.
    double halfASecond = c.resolve(Outcome.renegotiated(FRIDAY.minusMillis(500)), POLICY).get(0).weight();
    assertThat(halfASecond).isLessThan(noNotice).isCloseTo(0.25 * Math.pow(2, -0.5 / 604_800), within(1e-15));
    TrustPolicy quickNotice =
        TrustPolicy.builder().renegotiationNoticeHalfTime(Duration.ofSeconds(60, 500_000_000)).build();
    assertThat(c.resolve(Outcome.renegotiated(FRIDAY.minusSeconds(121)), quickNotice).get(0).weight())
        .as("121 s of notice is two half-times of 60.5 s").isCloseTo(0.0625, within(1e-15));
  }

  @Test
  @DisplayName("under the forgiving preset a push without warning ties with abandonment (both multipliers are 1.5)")
  void forgivingTie() {
    TrustPolicy forgiving = TrustPolicy.forgiving();
    Instant saturday = FRIDAY.plus(Duration.ofDays(1));
    TrustEvent pushed = CRITICAL_TASK.resolve(Outcome.lateWithoutWarning(saturday), forgiving).get(0);
    TrustEvent abandoned = CRITICAL_TASK.resolve(Outcome.abandoned(FRIDAY), forgiving).get(0);
    TrustBucket b = TrustBucket.of(forgiving, FRIDAY, 0.6);

    assertThat(forgiving.drainMultiplier(pushed.behaviour(), pushed.disclosure()) * pushed.weight())
        .isEqualTo(abandoned.weight());
    assertThat(b.plus(pushed).level()).isEqualTo(b.plus(abandoned).level());
  }

  @Test
  @DisplayName("an event's weight is capped at the maximum of 100")
  void weightCap() {
    TrustPolicy harsh = TrustPolicy.builder().from(POLICY).name("harsh").brokenPromiseMultiplier(5).abandonmentMultiplier(5).build();
    Commitment c = CRITICAL_TASK.withImportance(10);
    assertThat(c.resolve(Outcome.abandoned(FRIDAY), harsh).get(0).weight()).isEqualTo(100.0);
  }

  @Test
  @DisplayName("resolve rejects outcome times that do not fit the kind, naming \"at\"")
  void resolveRejectsInconsistentTimes() {
    Instant afterDue = FRIDAY.plusSeconds(1);
    Instant beforeMade = MONDAY.minusSeconds(1);
    for (Outcome o :
        new Outcome[] {
          Outcome.deliveredEarly(FRIDAY),
          Outcome.deliveredEarly(afterDue),
          Outcome.onTime(afterDue),
          Outcome.renegotiated(afterDue),
          Outcome.lateWithWarning(FRIDAY),
          Outcome.lateWithoutWarning(MONDAY),
          Outcome.onTime(beforeMade),
          Outcome.abandoned(beforeMade),
        }) {
      assertThatThrownBy(() -> CRITICAL_TASK.resolve(o, POLICY))
          .as("%s", o)
          .isInstanceOf(InvalidTrustInputException.class)
          .hasMessageContaining(o.at().toString())
          .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("at"));
    }
  }

  @Test
  @DisplayName("a commitment validates what, dates, importance and effort")
  void validation() {
    assertField(() -> new Commitment("x", FRIDAY, MONDAY, 1, 0), "due");
    assertField(() -> new Commitment(" ", MONDAY, FRIDAY, 1, 0), "what");
    assertField(() -> new Commitment("two\nlines", MONDAY, FRIDAY, 1, 0), "what");
    assertField(() -> new Commitment("x".repeat(201), MONDAY, FRIDAY, 1, 0), "what");
    assertField(() -> new Commitment("\nleading newline", MONDAY, FRIDAY, 1, 0), "what");
    assertField(() -> new Commitment("\rleading carriage return", MONDAY, FRIDAY, 1, 0), "what");
    assertThat(new Commitment("x".repeat(200), MONDAY, FRIDAY, 1, 0).what()).hasSize(200);
    assertField(() -> new Commitment("x", MONDAY, FRIDAY, 0, 0), "importance");
    assertField(() -> new Commitment("x", MONDAY, FRIDAY, 10.5, 0), "importance");
    assertField(() -> new Commitment("x", MONDAY, FRIDAY, Double.NaN, 0), "importance");
    assertField(() -> new Commitment("x", MONDAY, FRIDAY, 1, -1), "effortHours");
    assertField(() -> new Commitment("x", MONDAY, FRIDAY, 1, Double.POSITIVE_INFINITY), "effortHours");
    assertThat(new Commitment("x", MONDAY, MONDAY, 10, 100_000).due()).isEqualTo(MONDAY);
    assertThat(CRITICAL_TASK.withEffortHours(6).effortHours()).isEqualTo(6);
    assertThat(CRITICAL_TASK.importance()).isEqualTo(1.0);
  }

  private static void assertField(Runnable r, String field) {
    assertThatThrownBy(r::run)
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining(field)
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo(field));
  }

  @Test
  @DisplayName("outcome kinds say whether the promise was kept or broken")
  void kinds() {
    assertThat(Outcome.Kind.DELIVERED_EARLY.isKept()).isTrue();
    assertThat(Outcome.Kind.ON_TIME.isKept()).isTrue();
    assertThat(Outcome.Kind.RENEGOTIATED_WITH_NOTICE.isKept()).isFalse();
    assertThat(Outcome.Kind.RENEGOTIATED_WITH_NOTICE.isBroken()).isFalse();
    assertThat(Outcome.Kind.LATE_WITH_WARNING.isBroken()).isTrue();
    assertThat(Outcome.Kind.ABANDONED.isBroken()).isTrue();
    assertThat(Outcome.Kind.LATE_WITHOUT_WARNING.isBroken()).isTrue();
  }
}
