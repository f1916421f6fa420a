package dev.trustbucket.decay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.testing.DecayRuleContract;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;

/** Law 11 · the decay contract for {@link DecayRule#none()}: nothing is ever forgotten. */
@Label("Law 11 · decay contract: none")
class NoDecayContractProperties implements DecayRuleContract {

  @Override
  public DecayRule rule() {
    return DecayRule.none();
  }

  @Property
  @Label("Law 11 · decay contract: none retains everything, forever")
  void retainsEverything(@ForAll("elapsed") Duration t) {
    assertThat(rule().retained(t)).isEqualTo(1.0);
  }
}
