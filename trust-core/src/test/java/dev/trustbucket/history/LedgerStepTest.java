package dev.trustbucket.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.Disclosure;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.internal.LedgerSteps;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LedgerStep: computed by the ledger only, from the decay factors it stored")
class LedgerStepTest {
  private static final TrustPolicy POLICY = TrustPolicy.defaults();
  private static final Instant MONDAY = Instant.parse("2025-01-06T09:00:00Z");

  private static TrustLedger ledger() {
    return TrustLedger.of(POLICY, MONDAY)
        .plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, MONDAY.plus(Duration.ofDays(3))))
        .plus(TrustEvent.of(Behaviours.HID_PROBLEM, MONDAY.plus(Duration.ofDays(40)))
            .withDisclosure(Disclosure.discovered(Duration.ofDays(9))))
        .plus(TrustEvent.of(Behaviours.PROACTIVE_UPDATE, MONDAY.plus(Duration.ofDays(41).plusMillis(1))))
        .plus(TrustEvent.of(Behaviours.SMALL_WIN, MONDAY.plus(Duration.ofDays(41).plusMillis(1))));
  }

  @Test
  @DisplayName("no public constructor: a step cannot be made with inconsistent numbers")
  void notConstructible() {
    assertThat(LedgerStep.class.getConstructors()).isEmpty();
    assertThat(Modifier.isFinal(LedgerStep.class.getModifiers())).isTrue();
    assertThat(Arrays.stream(LedgerStep.class.getDeclaredConstructors()).map(c -> c.getModifiers()))
        .allMatch(Modifier::isPrivate);
  }

  @Test
  @DisplayName("the access is registered once, by LedgerStep, and for LedgerStep only")
  void accessIsLedgerStepsOwn() {
    LedgerSteps.Access<LedgerStep, TrustEvent, dev.trustbucket.AutonomyTier> access =
        LedgerSteps.access(LedgerStep.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LedgerSteps.register(LedgerStep.class, access))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("LedgerStep's access is already registered");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LedgerSteps.access(String.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("java.lang.String registered no access");
  }

  @Test
  @DisplayName("the stored factors are the policy's decay rules over each gap, bit for bit")
  void storedFactors() {
    List<LedgerStep> steps = ledger().steps();
    LedgerSteps.Access<LedgerStep, TrustEvent, dev.trustbucket.AutonomyTier> access =
        LedgerSteps.access(LedgerStep.class);
    Instant previous = MONDAY;
    for (LedgerStep step : steps) {
      Duration gap = Duration.between(previous, step.event().time());
      assertThat(access.kept(step)).isEqualTo(POLICY.decay().retained(gap));
      assertThat(access.scarKept(step)).isEqualTo(POLICY.scarDecay().retained(gap));
      previous = step.event().time();
    }
    // Two events at the same instant: no time passed before the second.
    assertThat(access.kept(steps.get(3))).isEqualTo(1.0);
    assertThat(access.scarKept(steps.get(3))).isEqualTo(1.0);
    assertThat(steps.get(3).decayBefore()).isZero();
    // The factors are what the step's decay is made of: the deviation from the baseline shrinks by kept.
    LedgerStep second = steps.get(1);
    double baseline = POLICY.baseline();
    double start = steps.get(0).levelAfter();
    assertThat(second.levelBefore()).isEqualTo(baseline + (start - baseline) * access.kept(second));
    assertThat(second.decayBefore()).isEqualTo(second.levelBefore() - start);
    LedgerStep third = steps.get(2);
    assertThat(third.scarBefore()).isEqualTo(second.scarAfter() * access.scarKept(third));
  }

  @Test
  @DisplayName("equal when every part is equal; the text shows the levels, the tiers and a breach")
  void valueSemantics() {
    List<LedgerStep> a = ledger().steps();
    List<LedgerStep> b = ledger().steps();
    assertThat(a).isEqualTo(b);
    assertThat(a.get(1)).hasSameHashCodeAs(b.get(1)).isNotEqualTo(a.get(2)).isNotEqualTo(null).isNotEqualTo("step");
    assertThat(a.get(1)).isEqualTo(a.get(1));
    assertThat(a.get(0).toString())
        .startsWith("LedgerStep[index=0, event=")
        .endsWith(", decayBefore=0.0000, level=0.5000->0.5350, scar=0.0000->0.0000, tier=SUPERVISED->SUPERVISED]");
    assertThat(a.get(1).toString()).endsWith(", breach]");
    // Steps of the same event at another point of another history differ.
    TrustLedger other = TrustLedger.of(POLICY, MONDAY.minus(Duration.ofDays(1))).plusAll(ledger().events());
    assertThat(other.steps().get(0)).isNotEqualTo(a.get(0));
    assertThat(other.steps().get(0).event()).isEqualTo(a.get(0).event());
  }
}
