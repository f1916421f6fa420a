package dev.trustbucket.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import net.jqwik.api.Example;
import net.jqwik.api.Label;

/**
 * The contract used as a user would: a rule of the application's own (memory halves every quarter,
 * computed with {@code Math.pow}) checked by implementing {@link DecayRuleContract}, plus one
 * property of the rule's own in the same class.
 */
@Label("DecayRuleContract on a user's own rule: halves every quarter")
class OwnRuleContractProperties implements DecayRuleContract {

  /** A user's rule: half of a deviation is forgotten every 91 days. */
  static final class QuarterlyHalving implements DecayRule {
    private static final Duration QUARTER = Duration.ofDays(91);
    private static final double QUARTER_MICROS = QUARTER.getSeconds() * 1e6;

    @Override
    public double retained(Duration elapsed) {
      if (elapsed.isNegative()) {
        throw new IllegalArgumentException("elapsed must not be negative but was " + elapsed);
      }
      return Math.pow(0.5, (elapsed.getSeconds() * 1e6 + elapsed.getNano() / 1_000) / QUARTER_MICROS);
    }

    @Override
    public Duration halfLife() {
      return QUARTER;
    }
  }

  @Override
  public DecayRule rule() {
    return new QuarterlyHalving();
  }

  @Example
  @Label("four quarters (364 days) keep a sixteenth")
  void fourQuartersKeepASixteenth() {
    assertThat(rule().retained(Duration.ofDays(364))).isEqualTo(0.0625);
  }
}
