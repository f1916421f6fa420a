package dev.trustbucket.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import dev.trustbucket.Disclosure;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.history.LedgerStep;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Explanation")
class ExplanationTest {
  private static final Instant START = SampleHistory.START;
  private static final Instant APRIL = SampleHistory.APRIL;

  @Test
  @DisplayName("each event's remainder is its effect times the decay since it happened")
  void remainder() {
    Explanation e = Explanation.of(SampleHistory.story(TrustPolicy.defaults()), APRIL);
    Contribution hidden = e.topEventsDown(1).get(0);

    assertThat(hidden.immediate()).isCloseTo(-0.3666, within(1e-4));
    assertThat(hidden.remaining()).isCloseTo(hidden.immediate() * Math.pow(2, -28.583333 / 365), within(1e-6));
  }

  @Test
  @DisplayName("top reasons are signed and sorted by what is left of them, largest first")
  void topReasons() {
    Explanation e = Explanation.of(SampleHistory.story(TrustPolicy.defaults()), APRIL);

    assertThat(e.topEventsUp(10)).extracting(c -> c.step().event().behaviour())
        .containsExactly(Behaviours.DELIVERED_ON_COMMITMENT, Behaviours.OWNED_MISTAKE_EARLY, Behaviours.PROACTIVE_UPDATE);
    assertThat(e.topEventsUp(2)).hasSize(2);
    assertThat(e.topEventsUp(0)).isEmpty();
    assertThat(e.topEventsUp(10)).allSatisfy(c -> assertThat(c.remaining()).isPositive());
    assertThat(e.topEventsDown(10)).extracting(c -> c.step().event().behaviour()).containsExactly(Behaviours.HID_PROBLEM);
    assertThat(e.topEventsDown(10)).allSatisfy(c -> assertThat(c.remaining()).isNegative());
    // Every behaviour here happened once: the grouped reasons are the single events.
    assertThat(e.topUp(10)).extracting(Reason::behaviour)
        .containsExactly(Behaviours.DELIVERED_ON_COMMITMENT, Behaviours.OWNED_MISTAKE_EARLY, Behaviours.PROACTIVE_UPDATE);
    assertThat(e.topUp(10)).allSatisfy(r -> assertThat(r.count()).isEqualTo(1));
    assertThat(e.topDown(10)).extracting(Reason::remaining).containsExactly(e.topEventsDown(1).get(0).remaining());
  }

  @Test
  @DisplayName("open scars list breaches only")
  void openScars() {
    Explanation e = Explanation.of(SampleHistory.story(TrustPolicy.defaults()), APRIL);
    assertThat(e.openScars()).hasSize(1);
    Contribution scar = e.openScars().get(0);
    assertThat(scar.step().breach()).isTrue();
    assertThat(scar.scarRemaining()).isCloseTo(e.state().scar(), within(1e-12));

    // The symmetric preset has no scars to report, and says nothing about them.
    Explanation symmetric = Explanation.of(SampleHistory.story(TrustPolicy.symmetric()), APRIL);
    assertThat(symmetric.openScars()).isEmpty();
  }

  @Test
  @DisplayName("from a full bucket: a drop that adds nothing is no reason either way; two open scars are ranked, deepest first")
  void fullBucketAndTwoScars() {
    TrustLedger ledger = SampleHistory.fullBucketTwoScars();
    Explanation e = Explanation.of(ledger, APRIL);

    assertThat(e.contributions().get(0).remaining()).isZero();
    assertThat(e.topUp(10)).isEmpty();
    assertThat(e.topEventsDown(10)).extracting(c -> c.step().index()).containsExactly(1, 2);
    assertThat(e.openScars()).extracting(c -> c.step().index()).containsExactly(1, 2);
    assertThat(e.openScars().get(0).scarRemaining()).isCloseTo(0.24, within(0.005));
  }

  @Test
  @DisplayName("a scar is open from OPEN_SCAR_MINIMUM on, that value included")
  void openScarThreshold() {
    TrustLedger ledger = SampleHistory.story(TrustPolicy.defaults());
    LedgerStep hidden = ledger.steps().get(2);
    double min = Explanation.OPEN_SCAR_MINIMUM;
    Explanation e = new Explanation(APRIL, ledger.stateAt(APRIL), 0.5, 0.5, 0.0, 0.0, ImmutableList.of(
        new Contribution(hidden, -0.1, Math.nextDown(min)),
        new Contribution(hidden, -0.1, min)));

    assertThat(e.openScars()).extracting(Contribution::scarRemaining).containsExactly(min);
  }

  @Test
  @DisplayName("events after the instant are left out, and the level is the one at that instant")
  void eventsAfterTheInstant() {
    TrustLedger ledger = SampleHistory.story(TrustPolicy.defaults());
    Instant march10 = Instant.parse("2025-03-10T00:00:00Z");
    Explanation e = Explanation.of(ledger, march10);

    assertThat(e.contributions()).hasSize(3);
    assertThat(e.state()).isEqualTo(ledger.stateAt(march10));
    assertThat(e.level()).isEqualTo(ledger.levelAt(march10));
    assertThat(e.tier()).isEqualTo(ledger.tierAt(march10));
    assertThat(e.confidence()).isEqualTo(ledger.stateAt(march10).confidence());
    assertThat(e.at()).isEqualTo(march10);
  }

  @Test
  @DisplayName("an empty history is the benefit of the doubt, backed by no evidence")
  void emptyHistory() {
    Explanation e = Explanation.of(TrustLedger.of(TrustPolicy.defaults(), START), START);
    assertThat(e.level()).isEqualTo(0.5);
    assertThat(e.confidence().strength()).isEqualTo(dev.trustbucket.Confidence.Strength.NONE);
    assertThat(e.decayTotal()).isZero();
    assertThat(e.reasons()).isEmpty();
    assertThat(e.contributions()).isEmpty();
    assertThat(e.startRemaining()).isZero();
  }

  @Test
  @DisplayName("repeated behaviours are grouped: counts, sums and dates are those of their events")
  void grouped() {
    TrustLedger ledger = SampleHistory.weeklyDeliveries();
    ledger = ledger.plus(TrustEvent.of(Behaviours.HID_PROBLEM, START.plus(Duration.ofDays(300)))
        .withDisclosure(Disclosure.discovered(Duration.ofDays(3))));
    ledger = ledger.plus(TrustEvent.of(Behaviours.HID_PROBLEM, START.plus(Duration.ofDays(301)))
        .withDisclosure(Disclosure.selfReported()));
    Instant at = START.plus(Duration.ofDays(320));
    Explanation e = Explanation.of(ledger, at);

    assertThat(e.reasons()).extracting(Reason::behaviour, Reason::disclosure, Reason::count).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Behaviours.DELIVERED_ON_COMMITMENT, Disclosure.Kind.NOT_RECORDED, 38),
        org.assertj.core.groups.Tuple.tuple(Behaviours.MISSED_DEADLINE, Disclosure.Kind.NOT_RECORDED, 3),
        org.assertj.core.groups.Tuple.tuple(Behaviours.HID_PROBLEM, Disclosure.Kind.DISCOVERED, 1),
        org.assertj.core.groups.Tuple.tuple(Behaviours.HID_PROBLEM, Disclosure.Kind.SELF_REPORTED, 1));
    Reason delivered = e.reasons().get(0);
    assertThat(delivered.isDrop()).isTrue();
    assertThat(delivered.firstTime()).isEqualTo(START.plus(Duration.ofDays(7)));
    assertThat(delivered.lastTime()).isEqualTo(START.plus(Duration.ofDays(7 * 38)));
    assertThat(delivered.remaining())
        .isCloseTo(delivered.contributions().stream().mapToDouble(Contribution::remaining).sum(), within(1e-15));
    assertThat(delivered.immediate())
        .isCloseTo(delivered.contributions().stream().mapToDouble(Contribution::immediate).sum(), within(1e-15));
    assertThat(e.topUp(3)).containsExactly(delivered);
    assertThat(e.topDown(3)).hasSize(3).allSatisfy(r -> assertThat(r.isDrop()).isFalse());
    double sum = e.baseline() + e.startRemaining() + e.reasons().stream().mapToDouble(Reason::remaining).sum();
    assertThat(sum).isCloseTo(e.level(), within(1e-12));
  }

  @Test
  @DisplayName("an instant before the start is rejected")
  void beforeStart() {
    assertThatThrownBy(() -> Explanation.of(SampleHistory.story(TrustPolicy.defaults()), START.minusSeconds(1)))
        .isInstanceOf(InvalidTrustInputException.class);
  }
}
