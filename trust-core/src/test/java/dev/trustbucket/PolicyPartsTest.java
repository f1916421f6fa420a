package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The policy's parts: Rates, DrainMultipliers, BreachRules, CommitmentRules and TrustPolicy's withers")
class PolicyPartsTest {
  private static final TrustPolicy DEFAULT = TrustPolicy.defaults();

  @Test
  @DisplayName("each part's defaults() is the default policy's part, with the documented numbers")
  void defaults() {
    assertThat(DEFAULT.rates()).isSameAs(Rates.defaults()).isEqualTo(new Rates(0.07, 0.21));
    assertThat(DEFAULT.drainMultipliers()).isSameAs(DrainMultipliers.defaults())
        .isEqualTo(new DrainMultipliers(2.0, 0.5, 1.5, 2.0, Duration.ofDays(30)));
    assertThat(DEFAULT.breachRules()).isSameAs(BreachRules.defaults()).isEqualTo(BreachRules.of(2.0, true, 0.25, 0.5));
    assertThat(DEFAULT.commitmentRules()).isSameAs(CommitmentRules.defaults())
        .isEqualTo(new CommitmentRules(1.75, 1.5, 0.25, Duration.ofDays(7)));
    assertThat(Rates.defaults().ratio()).isEqualTo(0.21 / 0.07);
    assertThat(TrustPolicy.strict().rates().ratio()).isEqualTo(5.0);
  }

  @Test
  @DisplayName("a part's wither replaces exactly its setting and leaves the original alone")
  void partWithers() {
    Rates r = Rates.defaults();
    assertThat(r.withGainRate(0.1)).isEqualTo(new Rates(0.1, 0.21));
    assertThat(r.withLossRate(0.3)).isEqualTo(new Rates(0.07, 0.3));
    DrainMultipliers m = DrainMultipliers.defaults();
    assertThat(m.withIntegrityMultiplier(3.0)).isEqualTo(new DrainMultipliers(3.0, 0.5, 1.5, 2.0, Duration.ofDays(30)));
    assertThat(m.withSelfReportedMultiplier(0.25)).isEqualTo(new DrainMultipliers(2.0, 0.25, 1.5, 2.0, Duration.ofDays(30)));
    assertThat(m.withDiscoveredMultiplier(1.25)).isEqualTo(new DrainMultipliers(2.0, 0.5, 1.25, 2.0, Duration.ofDays(30)));
    assertThat(m.withDiscoveredMultiplierLimit(3.0)).isEqualTo(new DrainMultipliers(2.0, 0.5, 1.5, 3.0, Duration.ofDays(30)));
    assertThat(m.withConcealmentHalfTime(Duration.ofDays(5))).isEqualTo(new DrainMultipliers(2.0, 0.5, 1.5, 2.0, Duration.ofDays(5)));
    BreachRules b = BreachRules.defaults();
    assertThat(b.withMajorSeverity(3.0)).isEqualTo(BreachRules.of(3.0, true, 0.25, 0.5));
    assertThat(b.withIntegrityBreaches(false)).isEqualTo(BreachRules.of(2.0, false, 0.25, 0.5));
    assertThat(b.withScarRate(0.5)).isEqualTo(BreachRules.of(2.0, true, 0.5, 0.5));
    assertThat(b.withMaxScar(0.25)).isEqualTo(BreachRules.of(2.0, true, 0.25, 0.25));
    CommitmentRules c = CommitmentRules.defaults();
    assertThat(c.withBrokenPromiseMultiplier(2.0)).isEqualTo(new CommitmentRules(2.0, 1.5, 0.25, Duration.ofDays(7)));
    assertThat(c.withAbandonmentMultiplier(2.0)).isEqualTo(new CommitmentRules(1.75, 2.0, 0.25, Duration.ofDays(7)));
    assertThat(c.withRenegotiationCost(0.5)).isEqualTo(new CommitmentRules(1.75, 1.5, 0.5, Duration.ofDays(7)));
    assertThat(c.withRenegotiationNoticeHalfTime(Duration.ofDays(1)))
        .isEqualTo(new CommitmentRules(1.75, 1.5, 0.25, Duration.ofDays(1)));
    assertThat(Rates.defaults()).isEqualTo(new Rates(0.07, 0.21));
    assertThat(BreachRules.defaults()).isEqualTo(BreachRules.of(2.0, true, 0.25, 0.5));
  }

  @Test
  @DisplayName("BreachRules compares, hashes and prints by value, every field counted")
  void breachRulesIsAValue() {
    BreachRules b = BreachRules.of(2.0, true, 0.25, 0.5);
    assertThat(b).isEqualTo(BreachRules.of(2.0, true, 0.25, 0.5)).hasSameHashCodeAs(BreachRules.of(2.0, true, 0.25, 0.5));
    assertThat(b).isNotEqualTo(BreachRules.of(2.5, true, 0.25, 0.5)).isNotEqualTo(BreachRules.of(2.0, false, 0.25, 0.5))
        .isNotEqualTo(BreachRules.of(2.0, true, 0.3, 0.5)).isNotEqualTo(BreachRules.of(2.0, true, 0.25, 0.4))
        .isNotEqualTo("BreachRules");
    assertThat(b.hashCode()).isNotEqualTo(BreachRules.of(2.5, true, 0.25, 0.5).hashCode())
        .isNotEqualTo(BreachRules.of(2.0, false, 0.25, 0.5).hashCode())
        .isNotEqualTo(BreachRules.of(2.0, true, 0.3, 0.5).hashCode())
        .isNotEqualTo(BreachRules.of(2.0, true, 0.25, 0.4).hashCode());
    assertThat(b).hasToString("BreachRules[majorSeverity=2.0, integrityBreaches=true, scarRate=0.25, maxScar=0.5]");
    assertThat(b.majorSeverity()).isEqualTo(2.0);
    assertThat(b.hasIntegrityBreaches()).isTrue();
    assertThat(b.scarRate()).isEqualTo(0.25);
    assertThat(b.maxScar()).isEqualTo(0.5);
  }

  @Test
  @DisplayName("a part out of range is rejected when it is made, naming the setting and quoting the value")
  void partsValidate() {
    assertRejected(() -> new Rates(0.0, 0.2), "gainRate", "0.0");
    assertRejected(() -> Rates.defaults().withLossRate(1.5), "lossRate", "1.5");
    assertRejected(() -> DrainMultipliers.defaults().withIntegrityMultiplier(0.5), "integrityMultiplier", "0.5");
    assertRejected(() -> DrainMultipliers.defaults().withDiscoveredMultiplier(2.5), "discoveredMultiplierLimit", "2.0");
    assertRejected(() -> DrainMultipliers.defaults().withConcealmentHalfTime(Duration.ofSeconds(59)), "concealmentHalfTime", "PT59S");
    assertRejected(() -> BreachRules.of(0.0, true, 0.25, 0.5), "majorSeverity", "0.0");
    assertRejected(() -> BreachRules.of(100.5, true, 0.25, 0.5), "majorSeverity", "100.5");
    assertRejected(() -> BreachRules.defaults().withScarRate(-0.1), "scarRate", "-0.1");
    assertRejected(() -> BreachRules.defaults().withMaxScar(1.5), "maxScar", "1.5");
    assertRejected(() -> CommitmentRules.defaults().withBrokenPromiseMultiplier(5.5), "brokenPromiseMultiplier", "5.5");
    assertRejected(() -> CommitmentRules.defaults().withAbandonmentMultiplier(0.5), "abandonmentMultiplier", "0.5");
    assertRejected(() -> CommitmentRules.defaults().withRenegotiationCost(1.5), "renegotiationCost", "1.5");
    assertRejected(() -> CommitmentRules.defaults().withRenegotiationNoticeHalfTime(Duration.ofSeconds(59)),
        "renegotiationNoticeHalfTime", "PT59S");
    // The part is fine on its own; the policy checks it against the baseline.
    assertRejected(() -> DEFAULT.withBreachRules(BreachRules.defaults().withMaxScar(0.6)), "maxScar", "0.6");
    assertRejected(() -> DEFAULT.withBaseline(0.6), "maxScar", "0.5");
  }

  @Test
  @DisplayName("TrustPolicy's withers replace one part, keep the others, and leave the original alone")
  void policyWithers() {
    Behaviour demo = Behaviour.drop("shipped-demo", Dimension.ABILITY, 1.0, "Shipped a demo");
    TrustPolicy p = DEFAULT
        .withName("ours")
        .withBaseline(0.45)
        .withRates(new Rates(0.1, 0.3))
        .withDrainMultipliers(DrainMultipliers.defaults().withIntegrityMultiplier(3.0))
        .withBreachRules(BreachRules.defaults().withMaxScar(0.4))
        .withCommitmentRules(CommitmentRules.defaults().withRenegotiationCost(0.5))
        .withDecay(DecayRule.exponential(Duration.ofDays(100)))
        .withScarDecay(DecayRule.exponential(Duration.ofDays(300)))
        .withLadder(new AutonomyLadder(0.3, 0.5, 0.7, 0.05, Duration.ofDays(7)))
        .withCatalogue(BehaviourCatalogue.defaults().plus(demo));
    TrustPolicy built = TrustPolicy.builder()
        .name("ours")
        .baseline(0.45)
        .rates(new Rates(0.1, 0.3))
        .drainMultipliers(DrainMultipliers.defaults().withIntegrityMultiplier(3.0))
        .breachRules(BreachRules.defaults().withMaxScar(0.4))
        .commitmentRules(CommitmentRules.defaults().withRenegotiationCost(0.5))
        .decay(DecayRule.exponential(Duration.ofDays(100)))
        .scarDecay(DecayRule.exponential(Duration.ofDays(300)))
        .ladder(new AutonomyLadder(0.3, 0.5, 0.7, 0.05, Duration.ofDays(7)))
        .catalogue(BehaviourCatalogue.defaults().plus(demo))
        .build();
    assertThat(p).isEqualTo(built);
    assertThat(p.fingerprint()).isEqualTo(built.fingerprint());
    assertThat(DEFAULT.withRates(new Rates(0.1, 0.3)).breachRules()).isSameAs(DEFAULT.breachRules());
    assertThat(DEFAULT.withName("x").withName("default")).isEqualTo(DEFAULT);
    assertThat(DEFAULT.name()).isEqualTo("default");
    assertThat(DEFAULT.rates()).isEqualTo(Rates.defaults());
  }

  @Test
  @DisplayName("the drain multiplier combines the dimension and the disclosure, as the formulas say")
  void drainMultiplier() {
    DrainMultipliers m = new DrainMultipliers(3.0, 0.25, 1.5, 2.5, Duration.ofDays(10));
    Behaviour integrity = Behaviour.drain("lied", Dimension.INTEGRITY, 1.0, "Lied");
    Behaviour ability = Behaviour.drain("slipped", Dimension.ABILITY, 1.0, "Slipped");
    assertThat(m.multiplier(ability, Disclosure.notRecorded())).isEqualTo(1.0);
    assertThat(m.multiplier(integrity, Disclosure.notRecorded())).isEqualTo(3.0);
    assertThat(m.multiplier(integrity, Disclosure.selfReported())).isEqualTo(0.75);
    assertThat(m.multiplier(ability, Disclosure.discovered(Duration.ZERO))).isEqualTo(1.5);
    assertThat(m.multiplier(ability, Disclosure.discovered(Duration.ofDays(10)))).isEqualTo(2.0);
    assertThat(m.multiplier(integrity, Disclosure.discovered(Duration.ofDays(10)))).isEqualTo(6.0);
    assertThat(DEFAULT.drainMultiplier(integrity, Disclosure.selfReported()))
        .isEqualTo(DEFAULT.drainMultipliers().multiplier(integrity, Disclosure.selfReported()));
  }

  private static void assertRejected(Runnable make, String field, String quoted) {
    InvalidTrustInputException e = catchThrowableOfType(InvalidTrustInputException.class, make::run);
    assertThat(e).as(field).isNotNull();
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).contains(field).contains(quoted);
  }
}
