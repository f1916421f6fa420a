package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.testing.TrustGenerators;
import dev.trustbucket.testing.TrustGenerators.Scenario;
import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;

/**
 * The one engine: {@code TrustBucket.plus}, {@code TrustLedger.plus} and a replay run the same
 * update step, and the stock decay rules, which the engine computes without calling them, give
 * what their {@link DecayRule#retained(Duration)} gives.
 */
@Label("One engine")
class EngineProperties {

  /** A rule of an application's own that answers exactly what {@code inner} answers. */
  private static DecayRule wrapped(DecayRule inner) {
    return new DecayRule() {
      @Override
      public double retained(Duration elapsed) {
        return inner.retained(elapsed);
      }

      @Override
      public Duration halfLife() {
        return inner.halfLife();
      }
    };
  }

  @Property(tries = 300)
  @Label("the engine's shortcut for the stock rules gives what retained(Duration) gives, bit for bit")
  void stockRulesAsTheirOwnRetained(@ForAll(supplier = TrustGenerators.Scenarios.class) Scenario scenario) {
    TrustPolicy stock = scenario.policy();
    TrustPolicy custom = TrustPolicy.builder().from(stock)
        .decay(wrapped(stock.decay()))
        .scarDecay(wrapped(stock.scarDecay()))
        .build();
    TrustBucket a = TrustBucket.of(stock, scenario.start());
    TrustBucket b = TrustBucket.of(custom, scenario.start());
    TrustLedger ledgerA = TrustLedger.of(stock, scenario.start());
    TrustLedger ledgerB = TrustLedger.of(custom, scenario.start());
    for (TrustEvent e : scenario.events()) {
      a = a.plus(e);
      b = b.plus(e);
      assertSameState(b, a);
      ledgerA = ledgerA.plus(e);
      ledgerB = ledgerB.plus(e);
    }
    assertSameState(ledgerB.state(), a);
    assertSameState(ledgerB.replay(), a);
    assertSameState(ledgerA.state(), a);
    assertSameState(ledgerA.replay(), a);
    // Time passing with no event: the same shortcut.
    assertSameState(b.at(b.time().plus(Duration.ofDays(400))), a.at(a.time().plus(Duration.ofDays(400))));
  }

  @Property(tries = 200)
  @Label("the ledger's steps run the same step as plus: each step's level and tier is plus's, bit for bit")
  void stepsArePlus(@ForAll(supplier = TrustGenerators.Scenarios.class) Scenario scenario) {
    TrustLedger ledger = TrustLedger.of(scenario.policy(), scenario.start()).plusAll(scenario.events());
    TrustBucket b = scenario.startBucket();
    List<TrustBucket> states = new ArrayList<>();
    for (TrustEvent e : scenario.events()) {
      b = b.plus(e);
      states.add(b);
    }
    List<dev.trustbucket.history.LedgerStep> steps = ledger.steps();
    for (int i = 0; i < states.size(); i++) {
      dev.trustbucket.history.LedgerStep step = steps.get(i);
      assertThat(step.levelAfter()).isEqualTo(states.get(i).level());
      assertThat(step.scarAfter()).isEqualTo(states.get(i).scar());
      assertThat(step.tierAfter()).isEqualTo(states.get(i).tier());
      TrustBucket before = i == 0 ? scenario.startBucket() : states.get(i - 1);
      TrustBucket decayed = before.at(step.event().time());
      assertThat(step.levelBefore()).isEqualTo(decayed.level());
      assertThat(step.tierBefore()).isEqualTo(decayed.tier());
    }
  }

  private static void assertSameState(TrustBucket actual, TrustBucket expected) {
    assertThat(actual.level()).isEqualTo(expected.level());
    assertThat(actual.scar()).isEqualTo(expected.scar());
    assertThat(actual.tier()).isEqualTo(expected.tier());
    assertThat(actual.time()).isEqualTo(expected.time());
    assertThat(actual.promotedAt()).isEqualTo(expected.promotedAt());
    assertThat(actual.positiveEvidence()).isEqualTo(expected.positiveEvidence());
    assertThat(actual.negativeEvidence()).isEqualTo(expected.negativeEvidence());
  }
}
