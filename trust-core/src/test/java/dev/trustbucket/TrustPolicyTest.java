package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import dev.trustbucket.testing.TrustGenerators;

@DisplayName("TrustPolicy: presets, multipliers, breaches and validation")
class TrustPolicyTest {

  static final Instant T0 = TrustGenerators.T0;

  @Test
  @DisplayName("the presets are named default, symmetric, strict and forgiving; a fresh builder is custom")
  void names() {
    assertThat(TrustPolicy.defaults().name()).isEqualTo("default");
    assertThat(TrustPolicy.symmetric().name()).isEqualTo("symmetric");
    assertThat(TrustPolicy.strict().name()).isEqualTo("strict");
    assertThat(TrustPolicy.forgiving().name()).isEqualTo("forgiving");
    assertThat(TrustPolicy.builder().build().name()).isEqualTo("custom");
  }

  @Test
  @DisplayName("presets() lists the four presets in order, and preset(name) finds each by its name")
  void presetsByName() {
    assertThat(TrustPolicy.presets()).containsExactly(
        TrustPolicy.defaults(), TrustPolicy.symmetric(), TrustPolicy.strict(), TrustPolicy.forgiving());
    for (TrustPolicy p : TrustPolicy.presets()) {
      assertThat(TrustPolicy.preset(p.name())).containsSame(p);
    }
    assertThat(TrustPolicy.preset("custom")).isEmpty();
    assertThat(TrustPolicy.preset("Default")).isEmpty();
    assertThatThrownBy(() -> TrustPolicy.preset(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
  }

  @Test
  @DisplayName("the default numbers: baseline 0.5, λ⁺ 0.07, λ⁻ 0.21, integrity ×2, major from 2, scars 0.25 up to 0.5")
  void defaultNumbers() {
    TrustPolicy p = TrustPolicy.defaults();
    assertThat(p.baseline()).isEqualTo(0.5);
    assertThat(p.rates().gainRate()).isEqualTo(0.07);
    assertThat(p.rates().lossRate()).isEqualTo(0.21);
    assertThat(p.drainMultipliers().integrityMultiplier()).isEqualTo(2.0);
    assertThat(p.breachRules().majorSeverity()).isEqualTo(2.0);
    assertThat(p.breachRules().scarRate()).isEqualTo(0.25);
    assertThat(p.breachRules().maxScar()).isEqualTo(0.5);
    assertThat(p.drainMultipliers().selfReportedMultiplier()).isEqualTo(0.5);
    assertThat(p.drainMultipliers().discoveredMultiplier()).isEqualTo(1.5);
    assertThat(p.drainMultipliers().discoveredMultiplierLimit()).isEqualTo(2.0);
    assertThat(p.drainMultipliers().concealmentHalfTime()).isEqualTo(Duration.ofDays(30));
    assertThat(p.decay()).isEqualTo(DecayRule.exponential(Duration.ofDays(365)));
    assertThat(p.scarDecay()).isEqualTo(DecayRule.exponential(Duration.ofDays(1_095)));
    assertThat(p.ladder()).isEqualTo(AutonomyLadder.defaults());
    assertThat(p.catalogue()).isEqualTo(BehaviourCatalogue.defaults());
  }

  @Test
  @DisplayName("strict: drains weigh 5 drops, top tier from 0.85; forgiving: 2.25 drops, top tier from 0.75; symmetric: 1")
  void presetNumbers() {
    TrustPolicy strict = TrustPolicy.strict();
    assertThat(strict.rates().lossRate() / strict.rates().gainRate()).isCloseTo(5.0, within(1e-12));
    assertThat(strict.ladder().autonomous()).isEqualTo(0.85);
    assertThat(strict.decay().halfLife()).isEqualTo(Duration.ofDays(730));
    TrustPolicy forgiving = TrustPolicy.forgiving();
    assertThat(forgiving.rates().lossRate() / forgiving.rates().gainRate()).isCloseTo(2.25, within(1e-12));
    assertThat(forgiving.ladder().autonomous()).isEqualTo(0.75);
    assertThat(forgiving.breachRules().maxScar()).isEqualTo(0.3);
    TrustPolicy symmetric = TrustPolicy.symmetric();
    assertThat(symmetric.rates().lossRate()).isEqualTo(symmetric.rates().gainRate());
    assertThat(symmetric.breachRules().maxScar()).isZero();
    assertThat(symmetric.drainMultipliers().integrityMultiplier()).isEqualTo(1.0);
  }

  @Test
  @DisplayName("policies compare by value; a builder from a preset rebuilds an equal policy")
  void equality() {
    TrustPolicy rebuilt = TrustPolicy.builder().from(TrustPolicy.defaults()).build();
    assertThat(rebuilt).isEqualTo(TrustPolicy.defaults()).hasSameHashCodeAs(TrustPolicy.defaults());
    assertThat(TrustPolicy.builder().name("default").build()).isEqualTo(TrustPolicy.defaults());
    TrustPolicy patient = TrustPolicy.builder().from(TrustPolicy.defaults()).name("patient")
        .decay(DecayRule.exponential(Duration.ofDays(730))).build();
    assertThat(patient).isNotEqualTo(TrustPolicy.defaults());
    assertThat(patient.rates().gainRate()).isEqualTo(0.07);
  }

  @Test
  @DisplayName("disclosure multipliers: 0.5 self-reported, 1 not recorded, 1.5 discovered at once, 1.75 after 30 days, toward 2")
  void disclosureMultipliers() {
    TrustPolicy p = TrustPolicy.defaults();
    assertThat(p.drainMultipliers().disclosureMultiplier(Disclosure.selfReported())).isEqualTo(0.5);
    assertThat(p.drainMultipliers().disclosureMultiplier(Disclosure.notRecorded())).isEqualTo(1.0);
    assertThat(p.drainMultipliers().disclosureMultiplier(Disclosure.discovered(Duration.ZERO))).isEqualTo(1.5);
    assertThat(p.drainMultipliers().disclosureMultiplier(Disclosure.discovered(Duration.ofDays(30)))).isCloseTo(1.75, within(1e-12));
    assertThat(p.drainMultipliers().disclosureMultiplier(Disclosure.discovered(Duration.ofDays(60)))).isCloseTo(1.875, within(1e-12));
    assertThat(p.drainMultipliers().disclosureMultiplier(Disclosure.discovered(Disclosure.MAX_DELAY))).isEqualTo(2.0);
    assertThat(p.drainMultipliers().disclosureMultiplier(Disclosure.discovered(Duration.ofSeconds(30))))
        .isGreaterThan(1.5).isLessThan(p.drainMultipliers().disclosureMultiplier(Disclosure.discovered(Duration.ofSeconds(31))));
  }

  @Test
  @DisplayName("drain multipliers: integrity ×2 times disclosure")
  void drainMultipliers() {
    TrustPolicy p = TrustPolicy.defaults();
    assertThat(p.drainMultipliers().multiplier(Behaviours.MISSED_DEADLINE, Disclosure.notRecorded())).isEqualTo(1.0);
    assertThat(p.drainMultipliers().multiplier(Behaviours.OVER_PROMISED, Disclosure.notRecorded())).isEqualTo(2.0);
    assertThat(p.drainMultipliers().multiplier(Behaviours.OVER_PROMISED, Disclosure.selfReported())).isEqualTo(1.0);
    assertThat(p.drainMultipliers().multiplier(Behaviours.HID_PROBLEM, Disclosure.discovered(Duration.ZERO))).isEqualTo(3.0);
    assertThat(p.drainMultipliers().multiplier(Behaviours.LOW_QUALITY_DELIVERY, Disclosure.selfReported())).isEqualTo(0.5);
  }

  @Test
  @DisplayName("a breach is a drain that is major, of the integrity dimension, or discovered")
  void breaches() {
    TrustPolicy p = TrustPolicy.defaults();
    assertThat(p.isBreach(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, T0).withWeight(100))).isFalse();
    assertThat(p.isBreach(TrustEvent.of(Behaviours.MISSED_DEADLINE, T0))).isFalse();
    assertThat(p.isBreach(TrustEvent.of(Behaviours.MISSED_DEADLINE, T0).withWeight(Math.nextDown(2.0)))).isFalse();
    assertThat(p.isBreach(TrustEvent.of(Behaviours.MISSED_DEADLINE, T0).withWeight(2.0))).isTrue();
    assertThat(p.isBreach(TrustEvent.of(Behaviours.OVER_PROMISED, T0).withWeight(0.1))).isTrue();
    assertThat(p.isBreach(TrustEvent.of(Behaviours.LOW_QUALITY_DELIVERY, T0).withDisclosure(Disclosure.selfReported()))).isFalse();
    assertThat(p.isBreach(TrustEvent.of(Behaviours.LOW_QUALITY_DELIVERY, T0).withDisclosure(Disclosure.discovered(Duration.ZERO)))).isTrue();
    TrustPolicy symmetric = TrustPolicy.symmetric();
    assertThat(symmetric.breachRules().hasIntegrityBreaches()).isFalse();
    assertThat(symmetric.isBreach(TrustEvent.of(Behaviours.OVER_PROMISED, T0))).isFalse();
    assertThat(symmetric.isBreach(TrustEvent.of(Behaviours.LOW_QUALITY_DELIVERY, T0).withDisclosure(Disclosure.discovered(Duration.ofDays(9))))).isFalse();
    assertThat(symmetric.isBreach(TrustEvent.of(Behaviours.MISSED_DEADLINE, T0).withWeight(2.0))).isTrue();
  }

  @Test
  @DisplayName("the builder rejects out-of-range settings with messages that name the field and quote the value")
  void validation() {
    assertThatThrownBy(() -> TrustPolicy.builder().baseline(Double.NaN).build())
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("baseline must be a finite number in (0, 1) but was NaN");
    assertThatThrownBy(() -> TrustPolicy.builder().rates(Rates.defaults().withLossRate(0)).build())
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("lossRate must be a finite number in (0, 1.0] but was 0.0");
    assertThatThrownBy(() -> TrustPolicy.builder().breachRules(BreachRules.defaults().withMaxScar(0.6)).build())
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("maxScar must be a finite number in [0.0, 0.5] but was 0.6");
    assertThatThrownBy(() -> TrustPolicy.builder().baseline(0.6).build())
        .as("the default maxScar 0.5 is more than 1 - 0.6")
        .isInstanceOf(InvalidTrustInputException.class).hasMessageStartingWith("maxScar");
    assertThatThrownBy(() -> TrustPolicy.builder().drainMultipliers(DrainMultipliers.defaults().withDiscoveredMultiplierLimit(1.4)).build())
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("discoveredMultiplierLimit").hasMessageContaining("1.4");
    assertThatThrownBy(() -> TrustPolicy.builder().drainMultipliers(DrainMultipliers.defaults().withConcealmentHalfTime(Duration.ofSeconds(30))).build())
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("concealmentHalfTime").hasMessageContaining("PT30S");
    assertThatThrownBy(() -> TrustPolicy.builder().scarDecay(DecayRule.exponential(Duration.ofDays(30))).build())
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("scarDecay must forget no faster than decay");
    assertThatThrownBy(() -> TrustPolicy.builder().name(" ").build())
        .isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("name");
    InvalidTrustInputException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        InvalidTrustInputException.class, () -> TrustPolicy.builder().rates(Rates.defaults().withGainRate(1.5)).build());
    assertThat(e.field()).isEqualTo("gainRate");
  }

  @Test
  @DisplayName("a delay counts to the nanosecond: half a second hidden already costs more than none, by the formula")
  void subSecondDelays() {
    TrustPolicy p = TrustPolicy.defaults();
    double halfTimes = 0.5 / Duration.ofDays(30).toSeconds();
    assertThat(p.drainMultipliers().disclosureMultiplier(Disclosure.discovered(Duration.ofMillis(500))))
        .isCloseTo(1.5 + 0.5 * (1 - Math.pow(2, -halfTimes)), within(1e-15))
        .isGreaterThan(1.5);
    // The half-time's own nanoseconds count too: 121 s hidden is two half-times of 60.5 s.
    TrustPolicy quick = TrustPolicy.builder().drainMultipliers(DrainMultipliers.defaults().withConcealmentHalfTime(Duration.ofSeconds(60, 500_000_000))).build();
    assertThat(quick.drainMultipliers().disclosureMultiplier(Disclosure.discovered(Duration.ofSeconds(121)))).isCloseTo(1.875, within(1e-15));
  }

  @Test
  @DisplayName("a name may have 1 to 100 characters")
  void nameLength() {
    assertThat(TrustPolicy.builder().name("n".repeat(100)).build().name()).hasSize(100);
    assertThatThrownBy(() -> TrustPolicy.builder().name("n".repeat(101)).build())
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("name must be at most 100 characters but was 101 characters long: \"" + "n".repeat(77) + "...\"");
    assertThatThrownBy(() -> TrustPolicy.builder().name("a\tb").build())
        .isInstanceOf(InvalidTrustInputException.class).hasMessageStartingWith("name");
  }

  @Test
  @DisplayName("the concealment and notice half-times may be one minute to 100 years, both ends included")
  void halfTimeRanges() {
    Duration century = Disclosure.MAX_DELAY;
    TrustPolicy longest = TrustPolicy.builder().drainMultipliers(DrainMultipliers.defaults().withConcealmentHalfTime(century)).commitmentRules(CommitmentRules.defaults().withRenegotiationNoticeHalfTime(century)).build();
    assertThat(longest.drainMultipliers().concealmentHalfTime()).isEqualTo(century);
    assertThat(longest.commitmentRules().renegotiationNoticeHalfTime()).isEqualTo(century);
    TrustPolicy shortest = TrustPolicy.builder().drainMultipliers(DrainMultipliers.defaults().withConcealmentHalfTime(Duration.ofMinutes(1))).commitmentRules(CommitmentRules.defaults().withRenegotiationNoticeHalfTime(Duration.ofMinutes(1))).build();
    assertThat(shortest.commitmentRules().renegotiationNoticeHalfTime()).isEqualTo(Duration.ofMinutes(1));

    assertThatThrownBy(() -> TrustPolicy.builder().drainMultipliers(DrainMultipliers.defaults().withConcealmentHalfTime(century.plusSeconds(1))).build())
        .isInstanceOf(InvalidTrustInputException.class).hasMessageStartingWith("concealmentHalfTime");
    assertThatThrownBy(() -> TrustPolicy.builder().commitmentRules(CommitmentRules.defaults().withRenegotiationNoticeHalfTime(Duration.ofSeconds(59))).build())
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("renegotiationNoticeHalfTime must be between one minute and 100 years but was PT59S")
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("renegotiationNoticeHalfTime"));
    assertThatThrownBy(() -> TrustPolicy.builder().commitmentRules(CommitmentRules.defaults().withRenegotiationNoticeHalfTime(century.plusSeconds(1))).build())
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("renegotiationNoticeHalfTime must be between one minute and 100 years but was PT876600H1S");
  }

  @Test
  @DisplayName("scarDecay is compared with decay over a day, a month, a year and ten years, not over microseconds")
  void scarDecayIsComparedOverDays() {
    // Keeps everything for an hour, then only a tenth: slower than the level's decay over
    // microseconds, much faster over a day. Only the real durations catch it.
    DecayRule cliff = TrustGenerators.decayRule("cliff", t -> t.compareTo(HOUR) < 0 ? 1.0 : 0.1);
    assertThatThrownBy(() -> TrustPolicy.builder().scarDecay(cliff).build())
        .isInstanceOf(InvalidTrustInputException.class)
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("scarDecay"));
  }

  static final Duration HOUR = Duration.ofHours(1);

  @Test
  @DisplayName("a decay rule may forget everything: zero is a fraction it may keep")
  void ruleThatForgetsEverything() {
    TrustPolicy amnesia = TrustPolicy.builder().decay(TrustGenerators.decayRule("amnesia", t -> t.compareTo(HOUR) < 0 ? 1.0 : 0.0)).build();
    assertThat(TrustBucket.of(amnesia, T0, 0.9).levelAt(T0.plus(Duration.ofDays(1)))).isEqualTo(0.5);
  }

  @Test
  @DisplayName("rules are probed over a day, a month, a year and ten years: one that rises after a week is rejected")
  void risingRulesAreRejected() {
    DecayRule relapse = TrustGenerators.decayRule("relapse", t -> t.isZero() ? 1.0 : t.compareTo(Duration.ofDays(7)) < 0 ? 0.5 : 0.8);
    assertThatThrownBy(() -> TrustPolicy.builder().decay(relapse).scarDecay(DecayRule.none()).build())
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("decay must keep a fraction in [0, 1] that never rises with time, but relapse kept 0.8 after PT720H (0.5 before)");
    // A scar rule that rises is rejected for it too, though it never forgets faster than the level.
    DecayRule scarRelapse = TrustGenerators.decayRule("scar relapse", t -> t.isZero() ? 1.0 : t.compareTo(Duration.ofDays(7)) < 0 ? 0.999 : 1.0);
    assertThatThrownBy(() -> TrustPolicy.builder().scarDecay(scarRelapse).build())
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("scarDecay must keep a fraction in [0, 1] that never rises with time, but scar relapse kept 1.0 after PT720H (0.999 before)");
  }

  @Test
  @DisplayName("a rule that is not memoryless is rejected: the engine decays a gap in one step, so a level would depend on who looked")
  void rulesThatRememberAreRejected() {
    DecayRule hyperbolic = TrustGenerators.decayRule("hyperbolic", t -> 1.0 / (1.0 + t.toHours() / (365 * 24.0)));
    assertThatThrownBy(() -> TrustPolicy.builder().decay(hyperbolic).build())
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageStartingWith("decay must be memoryless: keep over PT720H what it keeps over PT24H times what it keeps over PT696H, but hyperbolic kept 0.924")
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("decay"));
    assertThatThrownBy(() -> TrustPolicy.builder().scarDecay(hyperbolic).decay(DecayRule.none()).build())
        .isInstanceOf(InvalidTrustInputException.class)
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("scarDecay"));
    // What rounding leaves of an exponential passes: the stock rule, computed through a Duration.
    DecayRule own = TrustGenerators.decayRule("own", t -> Math.pow(0.5, t.toNanos() / 86_400e9 / 365));
    assertThat(TrustPolicy.builder().decay(own).build().decay()).isSameAs(own);
  }

  @Test
  @DisplayName("scars may decay by none only if the level does too")
  void noDecay() {
    TrustPolicy never = TrustPolicy.builder().decay(DecayRule.none()).scarDecay(DecayRule.none()).build();
    assertThat(TrustBucket.of(never, T0, 0.9).levelAt(T0.plus(Duration.ofDays(36_500)))).isEqualTo(0.9);
    TrustPolicy scarsForever = TrustPolicy.builder().scarDecay(DecayRule.none()).build();
    assertThat(scarsForever.scarDecay()).isEqualTo(DecayRule.none());
  }
}
