package dev.trustbucket.decay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.testing.DecayRuleContract;
import java.time.Duration;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Law 11 · the decay contract for {@link DecayRule#exponential} at half-lives from a second to millennia. */
@Label("Law 11 · decay contract: exponential")
class ExponentialDecayContractProperties {

  /** Checks what only an exponential rule promises: half of any deviation per half-life. */
  abstract static class ExponentialContract implements DecayRuleContract {
    @Property(tries = 100)
    @Label("Law 11 · decay contract: exponential halves every half-life")
    void halvesEveryHalfLife(@ForAll @IntRange(min = 0, max = 40) int halfLives) {
      long halfLifeMicros = micros(rule().halfLife());
      assertThat(rule().retained(Duration.of(halfLives * halfLifeMicros, java.time.temporal.ChronoUnit.MICROS))).isCloseTo(Math.pow(0.5, halfLives), within(1e-12));
    }

    @Example
    @Label("Law 11 · decay contract: exponential forgets something after a second, half after a half-life")
    void forgetsAfterAnyTime() {
      assertThat(rule().retained(Duration.ofSeconds(1))).isLessThan(1.0);
      assertThat(rule().retained(rule().halfLife())).isCloseTo(0.5, within(1e-15));
    }
  }

  static long micros(Duration d) {
    return d.getSeconds() * 1_000_000L + d.getNano() / 1_000;
  }

  @Group
  @Label("half-life 1 second")
  class OneSecond extends ExponentialContract {
    @Override
    public DecayRule rule() {
      return DecayRule.exponential(Duration.ofSeconds(1));
    }
  }

  @Group
  @Label("half-life 182 days (forgiving preset)")
  class HalfAYear extends ExponentialContract {
    @Override
    public DecayRule rule() {
      return DecayRule.exponential(Duration.ofDays(182));
    }
  }

  @Group
  @Label("half-life 365 days (default preset)")
  class OneYear extends ExponentialContract {
    @Override
    public DecayRule rule() {
      return DecayRule.exponential(Duration.ofDays(365));
    }
  }

  @Group
  @Label("half-life 1,095 days (default scars)")
  class ThreeYears extends ExponentialContract {
    @Override
    public DecayRule rule() {
      return DecayRule.exponential(Duration.ofDays(1_095));
    }
  }

  @Group
  @Label("half-life 1,000 years")
  class AMillennium extends ExponentialContract {
    @Override
    public DecayRule rule() {
      return DecayRule.exponential(Duration.ofDays(365_250));
    }
  }
}
