package dev.trustbucket.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.Disclosure;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.explain.SampleHistory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("WhatIf and Impact")
class WhatIfTest {
  private static final Instant START = SampleHistory.START;
  private static final Instant APRIL = SampleHistory.APRIL;

  /** The sample story: a drop, an update, a hidden bug found after 9 days, a mistake owned early. */
  private static TrustLedger story() {
    return SampleHistory.story(TrustPolicy.defaults());
  }

  /** The story's third event: the critical bug, hidden and discovered after 9 days. */
  private static final TrustEvent HIDDEN_BUG = story().event(2);

  @Test
  @DisplayName("the essay's lesson: had the bug been reported early, the level would be 0.24 higher in April")
  void selfReportedLesson() {
    TrustLedger ledger = story();
    WhatIf lesson = WhatIf.ofSelfReport(ledger, 2, APRIL);

    assertThat(lesson.original()).isEqualTo(HIDDEN_BUG);
    assertThat(lesson.replacement()).contains(HIDDEN_BUG.withDisclosure(Disclosure.selfReported()));
    assertThat(lesson.actual()).isEqualTo(ledger.stateAt(APRIL));
    assertThat(lesson.difference()).isCloseTo(0.24, within(0.005));
    assertThat(lesson.alternative().scar()).isLessThan(lesson.actual().scar());
    assertThat(lesson.at()).isEqualTo(APRIL);

    WhatIf never = WhatIf.ofRemoval(ledger, 2, APRIL);
    assertThat(never.replacement()).isEmpty();
    assertThat(never.difference()).isGreaterThan(lesson.difference());
    assertThat(never.alternative()).isEqualTo(
        TrustLedger.of(TrustPolicy.defaults(), START).plusAll(List.of(ledger.event(0), ledger.event(1), ledger.event(3))).stateAt(APRIL));
  }

  @Test
  @DisplayName("before the changed event, nothing differs")
  void beforeTheChange() {
    WhatIf early = WhatIf.ofSelfReport(story(), 2, Instant.parse("2025-02-20T00:00:00Z"));
    assertThat(early.difference()).isZero();
    assertThat(early.alternative()).isEqualTo(early.actual());
  }

  @Test
  @DisplayName("a replacement out of time order is rejected naming \"time\"; so is self-reporting a drop")
  void rejections() {
    TrustLedger ledger = story();
    TrustEvent tooLate = HIDDEN_BUG.withTime(Instant.parse("2025-03-25T10:00:00Z"));
    assertThatThrownBy(() -> WhatIf.ofReplacement(ledger, 2, tooLate, APRIL))
        .isInstanceOf(InvalidTrustInputException.class)
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("time"));
    TrustEvent tooEarly = HIDDEN_BUG.withTime(Instant.parse("2025-02-01T10:00:00Z"));
    assertThatThrownBy(() -> WhatIf.ofReplacement(ledger, 2, tooEarly, APRIL))
        .isInstanceOf(InvalidTrustInputException.class)
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("time"));
    assertThatThrownBy(() -> WhatIf.ofSelfReport(ledger, 0, APRIL))
        .isInstanceOf(InvalidTrustInputException.class)
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("disclosure"));
    assertThatThrownBy(() -> WhatIf.ofRemoval(ledger, 4, APRIL)).isInstanceOf(IndexOutOfBoundsException.class);
    // A replacement within the order is fine.
    assertThat(WhatIf.ofReplacement(ledger, 2, HIDDEN_BUG.withTime(Instant.parse("2025-02-20T10:00:00Z")), APRIL).difference())
        .isNotZero();
  }

  @Test
  @DisplayName("Impact: what one more breach would cost now")
  void impactOfABreach() {
    TrustLedger ledger = story();
    TrustEvent another = HIDDEN_BUG.withTime(APRIL);
    Impact impact = Impact.of(ledger.state(), another);

    assertThat(impact.levelChange()).isNegative();
    assertThat(impact.scarAdded()).isPositive();
    assertThat(impact.before()).isEqualTo(ledger.stateAt(APRIL));
    assertThat(impact.after()).isEqualTo(ledger.plus(another).state());

    Impact drop = Impact.of(ledger.state(), TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, APRIL));
    assertThat(drop.levelChange()).isPositive();
    assertThat(drop.scarAdded()).isZero();
    assertThat(drop.isTierChange()).isFalse();
    assertThatThrownBy(() -> Impact.of(ledger.state(), TrustEvent.of(Behaviours.SMALL_WIN, START)))
        .isInstanceOf(InvalidTrustInputException.class);
  }
}
