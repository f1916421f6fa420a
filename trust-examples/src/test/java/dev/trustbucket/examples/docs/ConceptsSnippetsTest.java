package dev.trustbucket.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Disclosure;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.behaviour.Dimension;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/concepts.md} and {@code README.md} honest: every snippet there is copied here,
 * and the numbers the docs quote are asserted. When a test here changes, change the doc too.
 */
class ConceptsSnippetsTest {
  private static final Offset<Double> QUOTED = within(5e-4); // the docs round to 3 decimals
  private static final Instant monday = Instant.parse("2025-01-06T09:00:00Z");

  @Test
  void readmeQuickStart() {
    TrustPolicy policy = TrustPolicy.defaults();
    Instant monday = Instant.parse("2025-01-06T09:00:00Z");

    TrustBucket bucket = TrustBucket.of(policy, monday);              // level 0.5, SUPERVISED
    bucket = bucket.plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, monday.plus(Duration.ofDays(4))));
    bucket = bucket.plus(TrustEvent.of(Behaviours.PROACTIVE_UPDATE, monday.plus(Duration.ofDays(7))));
    bucket = bucket.plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, monday.plus(Duration.ofDays(11)))
        .withNote("release notes slipped a week"));

    double level = bucket.level();                                       // 0.435
    AutonomyTier tier = bucket.tier();                                   // SUPERVISED
    TrustBucket later = bucket.at(monday.plus(Duration.ofDays(365)));
    double relaxed = later.level();                                      // 0.467, back toward 0.5

    assertThat(level).isCloseTo(0.435, QUOTED);
    assertThat(tier).isEqualTo(AutonomyTier.SUPERVISED);
    assertThat(relaxed).isCloseTo(0.467, QUOTED);

    // The README's sentence under the snippet: +0.035, then +0.016, then -0.116.
    TrustBucket b0 = TrustBucket.of(policy, monday);
    TrustEvent e1 = TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, monday.plus(Duration.ofDays(4)));
    TrustEvent e2 = TrustEvent.of(Behaviours.PROACTIVE_UPDATE, monday.plus(Duration.ofDays(7)));
    TrustEvent e3 = TrustEvent.of(Behaviours.MISSED_DEADLINE, monday.plus(Duration.ofDays(11)));
    TrustBucket b1 = b0.plus(e1);
    TrustBucket b2 = b1.plus(e2);
    TrustBucket b3 = b2.plus(e3);
    assertThat(b1.level() - b0.levelAt(e1.time())).isCloseTo(0.035, QUOTED);
    assertThat(b2.level() - b1.levelAt(e2.time())).isCloseTo(0.016, QUOTED);
    assertThat(b3.level() - b2.levelAt(e3.time())).isCloseTo(-0.116, QUOTED);
    assertThat(b3.level()).isEqualTo(level);
  }

  @Test
  void bucketStartsHalfFull() {
    TrustBucket bucket = TrustBucket.of(TrustPolicy.defaults(), monday);
    assertThat(bucket.level()).isEqualTo(0.5);
    assertThat(bucket.tier()).isEqualTo(AutonomyTier.SUPERVISED);

    TrustBucket modelEmployee = TrustBucket.of(TrustPolicy.defaults(), monday, 0.9);
    assertThat(modelEmployee.tier()).isEqualTo(AutonomyTier.AUTONOMOUS);
  }

  @Test
  void dropsAndDrains() {
    TrustBucket bucket = TrustBucket.of(TrustPolicy.defaults(), monday);
    TrustBucket afterDrop = bucket.plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, monday));
    TrustBucket afterDrain = bucket.plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, monday));

    assertThat(afterDrop.level()).isCloseTo(0.535, QUOTED);
    assertThat(afterDrain.level()).isCloseTo(0.395, QUOTED);
    assertThat((0.5 - afterDrain.level()) / (afterDrop.level() - 0.5)).isCloseTo(3.0, within(1e-9));

    // Weights: a weekly check-in counts a quarter of a delivery.
    TrustBucket checkIn = bucket.plus(TrustEvent.of(Behaviours.REGULAR_CHECK_IN, monday));
    assertThat(checkIn.level()).isCloseTo(0.50875, within(1e-12));
    TrustBucket bigMiss = bucket.plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, monday).withWeight(2.0));
    assertThat(bigMiss.level()).isCloseTo(0.29, within(1e-12));
  }

  @Test
  void ownBehaviours() {
    Behaviour pairedOnIncident =
        Behaviour.drop("paired-on-incident", Dimension.COMMUNICATION, 1.0, "Paired on an incident");
    TrustPolicy ours = TrustPolicy.builder()
        .from(TrustPolicy.defaults())
        .name("ours")
        .catalogue(BehaviourCatalogue.standard().with(pairedOnIncident))
        .build();

    TrustBucket b = TrustBucket.of(ours, monday).plus(TrustEvent.of(pairedOnIncident, monday));
    assertThat(b.level()).isCloseTo(0.535, QUOTED);
    assertThat(ours.catalogue().size()).isEqualTo(20);
  }

  @Test
  void builtInDropsLostInBuckets() {
    TrustBucket bucket = TrustBucket.of(TrustPolicy.defaults(), monday);
    TrustBucket b = bucket.plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, monday));   // 0.395
    int drops = 0;
    while (b.level() < 0.5) {
      b = b.plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, monday));
      drops++;
    }
    assertThat(drops).isEqualTo(3);

    TrustBucket high = TrustBucket.of(TrustPolicy.defaults(), monday, 0.9)
        .plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, monday));
    assertThat(high.level()).isCloseTo(0.711, QUOTED);
    int dropsAtTheTop = 0;
    while (high.level() < 0.9) {
      high = high.plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, monday));
      dropsAtTheTop++;
    }
    assertThat(dropsAtTheTop).isEqualTo(15);
  }

  @Test
  void gottmanBalance() {
    assertThat(cycles(5)).isCloseTo(0.532, QUOTED);
    assertThat(cycles(1)).isCloseTo(0.212, QUOTED);
  }

  /** Twenty cycles of {@code drops} drops then one drain, one event a day, from the baseline. */
  private static double cycles(int drops) {
    TrustBucket b = TrustBucket.of(TrustPolicy.defaults(), monday);
    long day = 0;
    for (int c = 0; c < 20; c++) {
      for (int i = 0; i < drops; i++) {
        b = b.plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, monday.plus(Duration.ofDays(day++))));
      }
      b = b.plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, monday.plus(Duration.ofDays(day++))));
    }
    return b.level();
  }

  @Test
  void integrityScarsAndCeiling() {
    TrustBucket model = TrustBucket.of(TrustPolicy.defaults(), monday, 0.9);
    TrustBucket missed = model.plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, monday));      // ability
    TrustBucket overPromised = model.plus(TrustEvent.of(Behaviours.OVER_PROMISED, monday));  // integrity

    assertThat(missed.level()).isCloseTo(0.711, QUOTED);
    assertThat(missed.scar()).isZero();
    assertThat(missed.tier()).isEqualTo(AutonomyTier.TRUSTED);
    assertThat(overPromised.level()).isCloseTo(0.522, QUOTED);
    assertThat(overPromised.scar()).isCloseTo(0.25, within(1e-12));
    assertThat(overPromised.ceiling()).isCloseTo(0.75, within(1e-12));
    assertThat(overPromised.tier()).isEqualTo(AutonomyTier.SUPERVISED);

    assertThat(fiftyWeeklyDrops(missed).level()).isCloseTo(0.922, QUOTED);
    TrustBucket scarred = fiftyWeeklyDrops(overPromised);
    assertThat(scarred.level()).isCloseTo(0.744, QUOTED);
    assertThat(scarred.scar()).isCloseTo(0.200, QUOTED);

    // A major competence failure (weight >= 2) is a breach too.
    TrustBucket major = model.plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, monday).withWeight(2.0));
    assertThat(major.level()).isCloseTo(0.522, QUOTED);
    assertThat(major.scar()).isCloseTo(0.25, within(1e-12));
  }

  private static TrustBucket fiftyWeeklyDrops(TrustBucket b) {
    for (int week = 1; week <= 50; week++) {
      b = b.plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, monday.plus(Duration.ofDays(7L * week))));
    }
    return b;
  }

  @Test
  void hidingCostsMoreThanTheMistake() {
    TrustBucket bucket = TrustBucket.of(TrustPolicy.defaults(), monday);
    TrustEvent bug = TrustEvent.of(Behaviours.LOW_QUALITY_DELIVERY, monday);

    TrustBucket told = bucket.plus(bug.withDisclosure(Disclosure.selfReported()));
    TrustBucket plain = bucket.plus(bug);
    TrustBucket foundAtOnce = bucket.plus(bug.withDisclosure(Disclosure.discovered(Duration.ZERO)));
    TrustBucket foundAfterAMonth = bucket.plus(bug.withDisclosure(Disclosure.discovered(Duration.ofDays(30))));

    assertThat(told.level()).isCloseTo(0.4475, within(1e-12));
    assertThat(plain.level()).isCloseTo(0.395, within(1e-12));
    assertThat(foundAtOnce.level()).isCloseTo(0.3425, within(1e-12));
    assertThat(foundAfterAMonth.level()).isCloseTo(0.31625, within(1e-12));
    assertThat(told.scar()).isZero();
    assertThat(plain.scar()).isZero();
    assertThat(foundAtOnce.scar()).isCloseTo(0.1875, within(1e-12));
    assertThat(foundAfterAMonth.scar()).isCloseTo(0.21875, within(1e-12));
  }

  @Test
  void decayTowardTheBaseline() {
    TrustBucket model = TrustBucket.of(TrustPolicy.defaults(), monday, 0.9);
    TrustBucket aYearLater = model.at(monday.plus(Duration.ofDays(365)));
    assertThat(aYearLater.level()).isCloseTo(0.7, within(1e-12));
    assertThat(aYearLater.tier()).isEqualTo(AutonomyTier.TRUSTED);

    TrustBucket low = TrustBucket.of(TrustPolicy.defaults(), monday, 0.2);
    assertThat(low.levelAt(monday.plus(Duration.ofDays(365)))).isCloseTo(0.35, within(1e-12));

    TrustBucket overPromised = model.plus(TrustEvent.of(Behaviours.OVER_PROMISED, monday));
    TrustBucket scarLater = overPromised.at(monday.plus(Duration.ofDays(365)));
    assertThat(scarLater.scar()).isCloseTo(0.198, QUOTED);
    assertThat(scarLater.ceiling()).isCloseTo(0.802, QUOTED);
  }

  @Test
  void aModelEmployeeFillsTheBucket() {
    TrustBucket b = TrustBucket.of(TrustPolicy.defaults(), monday);
    int autonomousInWeek = -1;
    for (int week = 1; week <= 52; week++) {
      b = b.plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, monday.plus(Duration.ofDays(7L * week))));
      if (autonomousInWeek < 0 && b.tier() == AutonomyTier.AUTONOMOUS) {
        autonomousInWeek = week;
      }
    }
    assertThat(autonomousInWeek).isEqualTo(15);
    assertThat(b.level()).isCloseTo(0.920, QUOTED);
    for (int week = 53; week <= 520; week++) {
      b = b.plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, monday.plus(Duration.ofDays(7L * week))));
    }
    assertThat(b.level()).isCloseTo(0.925, QUOTED);
  }

  @Test
  void autonomyLadder() {
    TrustPolicy policy = TrustPolicy.defaults();
    TrustBucket at82 = TrustBucket.of(policy, monday, 0.82);                       // AUTONOMOUS

    TrustBucket smallDip = at82.plus(TrustEvent.of(Behaviours.DEFENSIVE_TO_FEEDBACK, monday).withWeight(0.25));
    assertThat(smallDip.level()).isCloseTo(0.777, QUOTED);
    assertThat(smallDip.tier()).isEqualTo(AutonomyTier.AUTONOMOUS);                       // inside the band
    assertThat(policy.ladder().tierFor(smallDip.level())).isEqualTo(AutonomyTier.TRUSTED); // no history

    TrustBucket biggerDip = at82.plus(TrustEvent.of(Behaviours.INCONSISTENT_COMMUNICATION, monday));
    assertThat(biggerDip.level()).isCloseTo(0.734, QUOTED);
    assertThat(biggerDip.tier()).isEqualTo(AutonomyTier.TRUSTED);

    // Minimum stay: just promoted, a dip two days later does not demote; a breach does.
    TrustBucket promoted = TrustBucket.of(policy, monday, 0.79)
        .plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, monday.plus(Duration.ofDays(1))));
    assertThat(promoted.level()).isCloseTo(0.804, QUOTED);
    assertThat(promoted.tier()).isEqualTo(AutonomyTier.AUTONOMOUS);

    TrustBucket dip = promoted.plus(
        TrustEvent.of(Behaviours.INCONSISTENT_COMMUNICATION, monday.plus(Duration.ofDays(3))));
    assertThat(dip.level()).isCloseTo(0.719, QUOTED);
    assertThat(dip.tier()).isEqualTo(AutonomyTier.AUTONOMOUS);
    assertThat(dip.tierAt(monday.plus(Duration.ofDays(16)))).isEqualTo(AutonomyTier.TRUSTED);

    TrustBucket breach = promoted.plus(
        TrustEvent.of(Behaviours.OVER_PROMISED, monday.plus(Duration.ofDays(3))));
    assertThat(breach.level()).isCloseTo(0.466, QUOTED);
    assertThat(breach.tier()).isEqualTo(AutonomyTier.SUPERVISED);
  }

  @Test
  void presets() {
    double[][] expected = {
      {0.535, 0.395}, // default: a drain moves the level 3x as far as a drop
      {0.550, 0.450}, // symmetric: mirror images
      {0.525, 0.375}, // strict: 5x
      {0.540, 0.410}, // forgiving: 2.25x
    };
    TrustPolicy[] presets = {
      TrustPolicy.defaults(), TrustPolicy.symmetric(), TrustPolicy.strict(), TrustPolicy.forgiving()
    };
    double[] ratios = {3.0, 1.0, 5.0, 2.25};
    for (int i = 0; i < presets.length; i++) {
      TrustBucket start = TrustBucket.of(presets[i], monday);
      double drop = start.plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, monday)).level();
      double drain = start.plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, monday)).level();
      assertThat(drop).as(presets[i].name()).isCloseTo(expected[i][0], within(1e-12));
      assertThat(drain).as(presets[i].name()).isCloseTo(expected[i][1], within(1e-12));
      assertThat((0.5 - drain) / (drop - 0.5)).as(presets[i].name()).isCloseTo(ratios[i], within(1e-9));
      assertThat(start.tier()).isEqualTo(AutonomyTier.SUPERVISED);
    }
    assertThat(TrustPolicy.symmetric().maxScar()).isZero();
  }
}
