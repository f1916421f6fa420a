package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import dev.trustbucket.testing.TrustGenerators;

/**
 * Law 12 · autonomy: a higher level never earns a lower tier; promotion happens when the level
 * reaches a threshold, demotion only when it falls below the threshold minus the hysteresis band,
 * so a level that oscillates inside the band does not change the tier; a minimum stay after
 * promotion keeps small dips from demoting, but a breach demotes at once; thresholds out of order
 * are rejected.
 */
@Label("Law 12 · autonomy")
class AutonomyProperties {

  static final List<AutonomyTier> ABOVE_BOTTOM =
      List.of(AutonomyTier.SUPERVISED, AutonomyTier.TRUSTED, AutonomyTier.AUTONOMOUS);

  @Provide
  Arbitrary<Long> promotedAt() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(AutonomyLadder.NO_PROMOTION)),
        net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 90 * 86_400_000_000L)));
  }

  @Property
  @Label("Law 12 · autonomy: a higher level never earns a lower tier (tierFor)")
  void tierForIsMonotone(
      @ForAll(supplier = TrustGenerators.Ladders.class) AutonomyLadder ladder,
      @ForAll(supplier = TrustGenerators.Levels.class) double a,
      @ForAll(supplier = TrustGenerators.Levels.class) double b) {
    assertThat(ladder.tierFor(Math.max(a, b))).isGreaterThanOrEqualTo(ladder.tierFor(Math.min(a, b)));
  }

  @Property
  @Label("Law 12 · autonomy: a higher level never earns a lower tier (next, any previous tier, time, promotion, breach)")
  void nextIsMonotoneInLevel(
      @ForAll(supplier = TrustGenerators.Ladders.class) AutonomyLadder ladder,
      @ForAll AutonomyTier current,
      @ForAll(supplier = TrustGenerators.Levels.class) double a,
      @ForAll(supplier = TrustGenerators.Levels.class) double b,
      @ForAll @LongRange(min = 0, max = 90 * 86_400_000_000L) long now,
      @ForAll("promotedAt") long promotedAt,
      @ForAll boolean breach) {
    Assume.that(promotedAt == AutonomyLadder.NO_PROMOTION || promotedAt <= now);
    AutonomyTier lower = ladder.next(current, Math.min(a, b), now, promotedAt, breach);
    AutonomyTier higher = ladder.next(current, Math.max(a, b), now, promotedAt, breach);
    assertThat(higher).isGreaterThanOrEqualTo(lower);
  }

  @Property
  @Label("Law 12 · autonomy: promotion happens exactly when the level reaches a threshold")
  void promotionAtThreshold(
      @ForAll(supplier = TrustGenerators.Ladders.class) AutonomyLadder ladder,
      @ForAll AutonomyTier current,
      @ForAll @LongRange(min = 0, max = 90 * 86_400_000_000L) long now,
      @ForAll("promotedAt") long promotedAt,
      @ForAll boolean breach) {
    Assume.that(promotedAt == AutonomyLadder.NO_PROMOTION || promotedAt <= now);
    for (AutonomyTier tier : ABOVE_BOTTOM) {
      double threshold = ladder.threshold(tier);
      assertThat(ladder.tierFor(threshold)).isEqualTo(tier);
      assertThat(ladder.tierFor(Math.nextDown(threshold))).isLessThan(tier);
      if (tier.isHigherThan(current)) {
        assertThat(ladder.next(current, threshold, now, promotedAt, breach)).as("reaching %s", tier).isEqualTo(tier);
        assertThat(ladder.next(current, Math.nextDown(threshold), now, promotedAt, breach))
            .as("just short of %s", tier).isLessThan(tier);
      }
    }
  }

  @Property
  @Label("Law 12 · autonomy: demotion only below threshold − band; inside the band the tier holds")
  void demotionOnlyBelowTheBand(
      @ForAll(supplier = TrustGenerators.Ladders.class) AutonomyLadder ladder,
      @ForAll("aboveBottom") AutonomyTier current,
      @ForAll @DoubleRange(min = 0.0, max = 1.0) double where,
      @ForAll @LongRange(min = 0, max = 90 * 86_400_000_000L) long now,
      @ForAll("promotedAt") long promotedAt,
      @ForAll boolean breach) {
    Assume.that(promotedAt == AutonomyLadder.NO_PROMOTION || promotedAt <= now);
    double threshold = ladder.threshold(current);
    double floor = threshold - ladder.hysteresisBand();
    // Inside the band [threshold - band, threshold): the tier holds, whatever else is going on.
    double inBand = floor + where * (threshold - floor);
    if (inBand < threshold) {
      assertThat(ladder.next(current, inBand, now, promotedAt, breach)).isEqualTo(current);
    }
    // Below the band, without a promotion to protect it: demoted.
    double below = Math.nextDown(floor) * where;
    if (below >= 0) {
      assertThat(ladder.next(current, below, now, AutonomyLadder.NO_PROMOTION, breach)).isLessThan(current);
      assertThat(ladder.next(current, below, now, AutonomyLadder.NO_PROMOTION, breach))
          .as("a demotion steps down only as far as the band requires")
          .isGreaterThanOrEqualTo(ladder.tierFor(below));
    }
  }

  @Provide
  Arbitrary<AutonomyTier> aboveBottom() {
    return Arbitraries.of(ABOVE_BOTTOM);
  }

  @Property
  @Label("Law 12 · autonomy: a level oscillating inside the band never changes the tier")
  void oscillationInsideTheBandKeepsTheTier(
      @ForAll(supplier = TrustGenerators.Ladders.class) AutonomyLadder ladder,
      @ForAll("aboveBottom") AutonomyTier tier,
      @ForAll @Size(min = 1, max = 50) List<@DoubleRange(min = 0.0, max = 1.0) Double> positions,
      @ForAll @Size(min = 1, max = 50) List<@LongRange(min = 0, max = 30 * 86_400_000_000L) Long> gaps,
      @ForAll boolean breaches) {
    double floor = ladder.threshold(tier) - ladder.hysteresisBand();
    double top = tier == AutonomyTier.AUTONOMOUS ? 1.0 : Math.nextDown(ladder.threshold(tier.higher()));
    AutonomyTier current = tier;
    long now = 0;
    for (int i = 0; i < positions.size(); i++) {
      now += gaps.get(i % gaps.size());
      double level = Math.min(top, floor + positions.get(i) * (top - floor));
      current = ladder.next(current, level, now, AutonomyLadder.NO_PROMOTION, breaches && i % 2 == 0);
      assertThat(current).as("level %s, step %s", level, i).isEqualTo(tier);
    }
  }

  @Property
  @Label("Law 12 · autonomy: within the minimum stay a dip never demotes, a breach below the band demotes at once")
  void minimumStayAndBreach(
      @ForAll(supplier = TrustGenerators.Ladders.class) AutonomyLadder ladder,
      @ForAll("aboveBottom") AutonomyTier tier,
      @ForAll @DoubleRange(min = 0.0, max = 1.0) double where,
      @ForAll @DoubleRange(min = 0.0, max = 1.0) double sinceFraction) {
    long stay = ladder.minimumStay().toNanos() / 1_000L;
    Assume.that(stay > 0);
    double floor = ladder.threshold(tier) - ladder.hysteresisBand();
    double dip = Math.nextDown(floor) * where;
    Assume.that(dip >= 0);
    long promotedAt = 1_000_000L;
    long now = promotedAt + (long) (sinceFraction * (stay - 1));
    assertThat(ladder.next(tier, dip, now, promotedAt, false)).as("a dip within the stay").isEqualTo(tier);
    assertThat(ladder.next(tier, dip, now, promotedAt, true)).as("a breach within the stay").isLessThan(tier);
    assertThat(ladder.next(tier, dip, promotedAt + stay, promotedAt, false)).as("a dip once the stay is over").isLessThan(tier);
  }

  /**
   * The same through a bucket, under every preset: a drop promotes to the next tier; within the
   * minimum stay an ordinary (non-breach) drain below the band keeps the tier; a breach drain to
   * the same depth demotes at once; and once the stay is over the held-back demotion happens.
   */
  @Property
  @Label("Law 12 · autonomy: in a bucket, a promotion survives dips during the minimum stay but not a breach")
  void bucketPromotionDipAndBreach(
      @ForAll(supplier = TrustGenerators.Presets.class) TrustPolicy policy,
      @ForAll("aboveBottom") AutonomyTier tier,
      @ForAll @DoubleRange(min = 0.05, max = 1.0) double closeness,
      @ForAll @DoubleRange(min = 0.0, max = 0.99) double sinceFraction,
      @ForAll("competenceDrains") Behaviour dipBehaviour,
      @ForAll("breaches") TrustEvent breachTemplate) {
    AutonomyLadder ladder = policy.ladder();
    double threshold = ladder.threshold(tier);
    // Just below the threshold, close enough that one ordinary drop crosses it.
    double start = threshold - closeness * policy.rates().gainRate() * (1 - threshold);
    Assume.that(ladder.tierFor(start) == tier.lower());
    Instant t = TrustGenerators.T0;
    TrustBucket promoted = TrustBucket.of(policy, t, start)
        .plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, t));
    BucketInvariants.check(promoted);
    assertThat(promoted.tier()).isEqualTo(tier);
    assertThat(promoted.promotedAt()).contains(t);

    long stay = ladder.minimumStay().toNanos() / 1_000L;
    Instant within = t.plus((long) (sinceFraction * (stay - 1)), ChronoUnit.MICROS);
    // Heavy enough to fall below the band, light enough not to be a major breach.
    double weight = Math.nextDown(policy.breachRules().majorSeverity());
    TrustEvent dip = TrustEvent.of(dipBehaviour, within).withWeight(weight);
    assertThat(policy.isBreach(dip)).isFalse();
    TrustBucket dipped = BucketInvariants.check(promoted.plus(dip));
    boolean belowBand = dipped.level() < threshold - ladder.hysteresisBand();
    Statistics.collect(belowBand ? "dip below the band" : "dip inside the band");
    if (stay > 0) {
      assertThat(dipped.tier()).as("a dip within the minimum stay").isEqualTo(tier);
    }
    TrustEvent breach = breachTemplate.withTime(within).withWeight(weight);
    // Integrity and discovered drains are breaches unless the policy turns that off (symmetric).
    assertThat(policy.isBreach(breach)).isEqualTo(policy.breachRules().hasIntegrityBreaches());
    if (!policy.breachRules().hasIntegrityBreaches()) {
      return;
    }
    TrustBucket breached = BucketInvariants.check(promoted.plus(breach));
    if (breached.level() < threshold - ladder.hysteresisBand()) {
      assertThat(breached.tier()).as("a breach within the minimum stay").isLessThan(tier);
      assertThat(breached.promotedAt()).isEmpty();
    }
    if (belowBand) {
      // Once the stay is over, the demotion that was held back happens (decay keeps it below).
      TrustBucket later = BucketInvariants.check(dipped.at(t.plus(ladder.minimumStay())));
      if (later.level() < threshold - ladder.hysteresisBand()) {
        assertThat(later.tier()).isLessThan(tier);
      }
    }
    Statistics.coverage(c -> c.check("dip below the band").percentage(p -> p > 50));
  }

  @Provide
  Arbitrary<Behaviour> competenceDrains() {
    return Arbitraries.of(
        BehaviourCatalogue.defaults().all().stream().filter(b -> !b.isDrop() && b.dimension() != Dimension.INTEGRITY).toList());
  }

  /** Breaches of each kind: an integrity drain, a discovered one, a major one (weight set later). */
  @Provide
  Arbitrary<TrustEvent> breaches() {
    Instant t = TrustGenerators.T0;
    return Arbitraries.oneOf(
        TrustGenerators.drains(Dimension.INTEGRITY).map(b -> TrustEvent.of(b, t)),
        TrustGenerators.drains().flatMap(b -> TrustGenerators.delays().map(d -> TrustEvent.of(b, t).withDisclosure(Disclosure.discovered(d)))));
  }

  @Property
  @Label("Law 12 · autonomy: thresholds out of order are rejected, naming the field and the values")
  void thresholdsOutOfOrderAreRejected(
      @ForAll @Size(3) List<@From("thresholds") Double> values,
      @ForAll @DoubleRange(min = 0.0, max = 0.01) double band) {
    double s = values.get(0);
    double t = values.get(1);
    double a = values.get(2);
    Assume.that(!(s < t && t < a));
    assertThatThrownBy(() -> new AutonomyLadder(s, t, a, band, Duration.ofDays(14)))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("thresholds")
        .hasMessageContaining(String.valueOf(s))
        .hasMessageContaining(String.valueOf(t))
        .hasMessageContaining(String.valueOf(a))
        .extracting(e -> ((InvalidTrustInputException) e).field())
        .isEqualTo("thresholds");
  }

  @Provide
  Arbitrary<Double> thresholds() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.of(0.35, 0.6, 0.8)),
        net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(0.02, 1.0)));
  }

  @Property(tries = 300, maxDiscardRatio = 20)
  @Label("Law 12 · autonomy: a promotion earned in a gap is dated at the first microsecond the level reaches the threshold")
  void promotionInAGapIsDatedAtTheCrossing(
      @ForAll @DoubleRange(min = 0.0, max = 0.34) double start,
      @ForAll @LongRange(min = 1, max = 3_650) long halfLifeDays,
      @ForAll @LongRange(min = 1, max = 36_500) long gapDays) {
    Instant t0 = Instant.parse("2025-01-06T09:00:00Z");
    DecayRule decay = DecayRule.exponential(Duration.ofDays(halfLifeDays));
    TrustPolicy policy = TrustPolicy.builder().from(TrustPolicy.defaults()).name("decay")
        .decay(decay).scarDecay(decay).build();
    TrustBucket before = TrustBucket.of(policy, t0, start);
    TrustBucket after = before.at(t0.plus(Duration.ofDays(gapDays)));
    Assume.that(after.tier().isHigherThan(before.tier()));
    // The engine narrows its search around the exponential's closed form: it must still find the
    // very first microsecond, not one near it.
    Instant promoted = after.promotedAt().orElseThrow();
    double threshold = policy.ladder().threshold(after.tier());
    assertThat(before.levelAt(promoted)).isGreaterThanOrEqualTo(threshold);
    assertThat(before.levelAt(promoted.minus(1, ChronoUnit.MICROS))).isLessThan(threshold);
  }
}
