package dev.trustbucket.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import dev.trustbucket.Disclosure;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustBucket;
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
  private static final Instant START = Instant.parse("2025-01-06T09:00:00Z");
  private static final Instant APRIL = Instant.parse("2025-04-01T00:00:00Z");

  static TrustLedger story(TrustPolicy policy) {
    return TrustLedger.of(policy, START)
        .plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, Instant.parse("2025-01-10T17:00:00Z")))
        .plus(TrustEvent.of(Behaviours.PROACTIVE_UPDATE, Instant.parse("2025-02-14T10:00:00Z")))
        .plus(
            TrustEvent.of(Behaviours.HID_PROBLEM, Instant.parse("2025-03-03T10:00:00Z"))
                .withDisclosure(Disclosure.discovered(Duration.ofDays(9)))
                .withNote("critical bug"))
        .plus(
            TrustEvent.of(Behaviours.OWNED_MISTAKE_EARLY, Instant.parse("2025-03-20T10:00:00Z"))
                .withNote("late config change"));
  }

  private static String lines(String s) {
    return s.replace(System.lineSeparator(), "\n");
  }

  @Test
  @DisplayName("render() writes the level, the reasons, the effect of time and the open scars, exactly like this")
  void pinnedRender() {
    Explanation e = Explanation.of(story(TrustPolicy.defaults()), APRIL);

    assertThat(lines(e.render(3))).isEqualTo(
        "Level 23% (MICROMANAGED) on 1 April 2025, backed by some evidence.\n"
            + "Started at 50%; the baseline is 50%.\n"
            + "Raised by:\n"
            + "  - Delivered on a commitment: +0.04 on 10 January 2025, +0.03 today\n"
            + "  - Owned a mistake early (late config change): +0.03 on 20 March 2025, +0.03 today\n"
            + "  - Gave a proactive update: +0.02 on 14 February 2025, +0.01 today\n"
            + "Lowered by:\n"
            + "  - Hid a problem or mistake (critical bug), discovered after 9 days: \u22120.37 on 3 March 2025, \u22120.35 today\n"
            + "Decay toward the baseline moved it +0.01 in all.\n"
            + "1 open scar keeps the ceiling at 61%:\n"
            + "  - Hid a problem or mistake (critical bug) on 3 March 2025, scar 0.39 left\n");
  }

  @Test
  @DisplayName("describe() says what one event did then and what is left of it")
  void describe() {
    Explanation e = Explanation.of(story(TrustPolicy.defaults()), APRIL);
    Contribution hidden = e.topDown(1).get(0);

    assertThat(Explanation.describe(hidden)).isEqualTo(
        "Hid a problem or mistake (critical bug), discovered after 9 days: \u22120.37 on 3 March 2025, \u22120.35 today");
    assertThat(hidden.immediate()).isCloseTo(-0.3666, within(1e-4));
    assertThat(hidden.remaining()).isCloseTo(hidden.immediate() * Math.pow(2, -28.583333 / 365), within(1e-6));
  }

  @Test
  @DisplayName("top reasons are signed and sorted by what is left of them, largest first")
  void topReasons() {
    Explanation e = Explanation.of(story(TrustPolicy.defaults()), APRIL);

    assertThat(e.topUp(10)).extracting(c -> c.step().event().behaviour())
        .containsExactly(Behaviours.DELIVERED_ON_COMMITMENT, Behaviours.OWNED_MISTAKE_EARLY, Behaviours.PROACTIVE_UPDATE);
    assertThat(e.topUp(2)).hasSize(2);
    assertThat(e.topUp(0)).isEmpty();
    assertThat(e.topUp(10)).allSatisfy(c -> assertThat(c.remaining()).isPositive());
    assertThat(e.topDown(10)).extracting(c -> c.step().event().behaviour()).containsExactly(Behaviours.HID_PROBLEM);
    assertThat(e.topDown(10)).allSatisfy(c -> assertThat(c.remaining()).isNegative());
  }

  @Test
  @DisplayName("open scars list breaches only")
  void openScars() {
    Explanation e = Explanation.of(story(TrustPolicy.defaults()), APRIL);
    assertThat(e.openScars()).hasSize(1);
    Contribution scar = e.openScars().get(0);
    assertThat(scar.step().breach()).isTrue();
    assertThat(scar.scarRemaining()).isCloseTo(e.state().scar(), within(1e-12));

    // The symmetric preset has no scars to report, and says nothing about them.
    Explanation symmetric = Explanation.of(story(TrustPolicy.symmetric()), APRIL);
    assertThat(symmetric.openScars()).isEmpty();
    assertThat(symmetric.render(3)).doesNotContain("scar");
  }

  @Test
  @DisplayName("from a full bucket: a drop that adds nothing is no reason either way; two open scars are ranked, deepest first")
  void fullBucketAndTwoScars() {
    TrustLedger ledger = TrustLedger.from(TrustBucket.of(TrustPolicy.defaults(), START, 1.0))
        .plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, START))
        .plus(TrustEvent.of(Behaviours.OVER_PROMISED, Instant.parse("2025-02-03T10:00:00Z")).withNote("the launch date"))
        .plus(TrustEvent.of(Behaviours.HID_PROBLEM, Instant.parse("2025-03-03T10:00:00Z"))
            .withDisclosure(Disclosure.discovered(Duration.ofDays(9))));
    Explanation e = Explanation.of(ledger, APRIL);

    assertThat(e.contributions().get(0).remaining()).isZero();
    assertThat(e.topUp(10)).isEmpty();
    assertThat(e.topDown(10)).extracting(c -> c.step().index()).containsExactly(1, 2);
    assertThat(lines(e.render(3))).isEqualTo(
        "Level 20% (MICROMANAGED) on 1 April 2025, backed by some evidence.\n"
            + "Started at 100%; the baseline is 50%.\n"
            + "Lowered by:\n"
            + "  - Over-promised (the launch date): \u22120.41 on 3 February 2025, \u22120.37 today\n"
            + "  - Hid a problem or mistake, discovered after 9 days: \u22120.38 on 3 March 2025, \u22120.36 today\n"
            + "Decay toward the baseline moved it \u22120.01 in all.\n"
            + "2 open scars keep the ceiling at 56%; the deepest:\n"
            + "  - Over-promised (the launch date) on 3 February 2025, scar 0.24 left\n"
            + "  - Hid a problem or mistake on 3 March 2025, scar 0.20 left\n");
    assertThat(lines(e.render(1))).endsWith(
        "2 open scars keep the ceiling at 56%; the deepest:\n"
            + "  - Over-promised (the launch date) on 3 February 2025, scar 0.24 left\n");
  }

  @Test
  @DisplayName("a scar is open from OPEN_SCAR_MINIMUM on, that value included")
  void openScarThreshold() {
    TrustLedger ledger = story(TrustPolicy.defaults());
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
    TrustLedger ledger = story(TrustPolicy.defaults());
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
    assertThat(lines(e.render(3))).isEqualTo(
        "Level 50% (SUPERVISED) on 6 January 2025, backed by no evidence.\n"
            + "Started at 50%; the baseline is 50%.\n"
            + "Decay toward the baseline moved it +0.00 in all.\n");
    assertThat(e.contributions()).isEmpty();
    assertThat(e.startRemaining()).isZero();
  }

  @Test
  @DisplayName("an instant before the start is rejected")
  void beforeStart() {
    assertThatThrownBy(() -> Explanation.of(story(TrustPolicy.defaults()), START.minusSeconds(1)))
        .isInstanceOf(InvalidTrustInputException.class);
  }
}
