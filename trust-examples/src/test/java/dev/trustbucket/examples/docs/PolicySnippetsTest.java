package dev.trustbucket.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.AutonomyLadder;
import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Disclosure;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Keeps {@code docs/policy.md} honest: its snippets compile here and its numbers are asserted. */
class PolicySnippetsTest {
  private static final Offset<Double> QUOTED = within(5e-4);
  private static final Instant monday = Instant.parse("2025-01-06T09:00:00Z");

  @Test
  void customPolicyFromAPreset() {
    TrustPolicy patient = TrustPolicy.builder()
        .from(TrustPolicy.defaults())
        .name("patient")
        .decay(DecayRule.exponential(Duration.ofDays(730)))
        .build();
    assertThat(patient.name()).isEqualTo("patient");
    assertThat(patient.lossRate()).isEqualTo(0.21);
    assertThat(TrustPolicy.builder().build().name()).isEqualTo("custom");
    assertThat(TrustPolicy.builder().name("default").build()).isEqualTo(TrustPolicy.defaults());
  }

  @Test
  void rejectsOutOfRangeSettingsNamingThem() {
    assertThatThrownBy(() -> new AutonomyLadder(0.6, 0.35, 0.8, 0.05, Duration.ofDays(14)))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("thresholds must increase: supervised < trusted < autonomous, but were 0.6, 0.35, 0.8");
    assertThatThrownBy(() -> TrustPolicy.builder().lossRate(1.5).build())
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("lossRate").hasMessageContaining("1.5");
    assertThatThrownBy(() -> TrustPolicy.builder().maxScar(0.6).build())
        .isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("maxScar");
    assertThatThrownBy(() -> TrustPolicy.builder().scarDecay(DecayRule.exponential(Duration.ofDays(100))).build())
        .isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("scarDecay");
    assertThatThrownBy(() -> TrustPolicy.builder().discoveredMultiplierLimit(1.2).build())
        .isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("discoveredMultiplierLimit");
  }

  @Test
  void pantAndYuRatesComparedWithTheScaledOnes() {
    TrustPolicy unscaled = TrustPolicy.builder().gainRate(0.10).lossRate(0.30).build();
    assertThat(weekOfTopTier(unscaled)).isEqualTo(10);
    assertThat(weekOfTopTier(TrustPolicy.defaults())).isEqualTo(15);
    assertThat(0.9 - missAt09(unscaled)).isCloseTo(0.27, within(1e-12));
    assertThat(0.9 - missAt09(TrustPolicy.defaults())).isCloseTo(0.189, within(1e-12));
  }

  @Test
  void scarRateCalibration() {
    for (double start : new double[] {0.75, 0.8, 0.9}) {
      for (Behaviour breach : new Behaviour[] {Behaviours.OVER_PROMISED, Behaviours.HID_PROBLEM}) {
        double after = fiftyWeekly(TrustBucket.of(TrustPolicy.defaults(), monday, start)
            .plus(TrustEvent.of(breach, monday))).level();
        assertThat(after).isBetween(0.7415, 0.7445).isLessThan(start);
      }
      double competence = fiftyWeekly(TrustBucket.of(TrustPolicy.defaults(), monday, start)
          .plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, monday))).level();
      assertThat(competence).isBetween(0.9205, 0.9225).isGreaterThan(start);
    }
  }

  @Test
  void concealmentMultiplier() {
    TrustPolicy p = TrustPolicy.defaults();
    assertThat(p.disclosureMultiplier(Disclosure.discovered(Duration.ZERO))).isEqualTo(1.5);
    assertThat(p.disclosureMultiplier(Disclosure.discovered(Duration.ofDays(30)))).isCloseTo(1.75, within(1e-12));
    assertThat(p.disclosureMultiplier(Disclosure.discovered(Duration.ofDays(3650)))).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void ladderThresholds() {
    TrustBucket b = TrustBucket.of(TrustPolicy.defaults(), monday);
    TrustBucket one = b.plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, monday));
    TrustBucket two = one.plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, monday));
    TrustBucket three = two.plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, monday));
    assertThat(one.level()).isCloseTo(0.395, QUOTED);
    assertThat(one.tier()).isEqualTo(AutonomyTier.SUPERVISED);
    assertThat(two.level()).isCloseTo(0.312, QUOTED);
    assertThat(two.tier()).isEqualTo(AutonomyTier.SUPERVISED);
    assertThat(three.level()).isCloseTo(0.247, QUOTED);
    assertThat(three.tier()).isEqualTo(AutonomyTier.MICROMANAGED);
  }

  @Test
  void scarDecayCalibration() {
    TrustBucket scarred = TrustBucket.of(TrustPolicy.defaults(), monday, 0.9)
        .plus(TrustEvent.of(Behaviours.OVER_PROMISED, monday))
        .at(monday.plus(Duration.ofDays(365)));
    assertThat(scarred.scar()).isCloseTo(0.198, QUOTED);
    assertThat(scarred.ceiling()).isCloseTo(0.802, QUOTED);
  }

  @Test
  void presetTableComputedRows() {
    TrustPolicy[] presets = {
      TrustPolicy.defaults(), TrustPolicy.symmetric(), TrustPolicy.strict(), TrustPolicy.forgiving()
    };
    int[] topTierWeek = {15, 10, 27, 10};
    double[] tenYears = {0.925, 0.947, 0.944, 0.884};
    double[] afterBreach = {0.744, 0.947, 0.577, 0.847};
    for (int i = 0; i < presets.length; i++) {
      TrustPolicy p = presets[i];
      assertThat(weekOfTopTier(p)).as(p.name()).isEqualTo(topTierWeek[i]);
      TrustBucket b = TrustBucket.of(p, monday);
      for (int week = 1; week <= 520; week++) {
        b = b.plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, monday.plus(Duration.ofDays(7L * week))));
      }
      assertThat(b.level()).as(p.name()).isCloseTo(tenYears[i], QUOTED);
      assertThat(fiftyWeekly(TrustBucket.of(p, monday, 0.9)
              .plus(TrustEvent.of(Behaviours.OVER_PROMISED, monday))).level())
          .as(p.name()).isCloseTo(afterBreach[i], QUOTED);
    }
    assertThat(TrustPolicy.forgiving().ladder().autonomous()).isEqualTo(0.75);
    assertThat(TrustPolicy.strict().ladder().autonomous()).isEqualTo(0.85);
    assertThat(TrustPolicy.symmetric().isBreach(
        TrustEvent.of(Behaviours.OVER_PROMISED, monday))).isFalse();
  }

  private static int weekOfTopTier(TrustPolicy p) {
    TrustBucket b = TrustBucket.of(p, monday);
    for (int week = 1; week <= 520; week++) {
      b = b.plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, monday.plus(Duration.ofDays(7L * week))));
      if (b.tier() == AutonomyTier.AUTONOMOUS) {
        return week;
      }
    }
    return -1;
  }

  private static double missAt09(TrustPolicy p) {
    return TrustBucket.of(p, monday, 0.9).plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, monday)).level();
  }

  private static TrustBucket fiftyWeekly(TrustBucket b) {
    for (int week = 1; week <= 50; week++) {
      b = b.plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, monday.plus(Duration.ofDays(7L * week))));
    }
    return b;
  }
}
