package dev.trustbucket;

import dev.trustbucket.internal.EpochMicros;

/**
 * The model's dynamics on primitive, mutable state: the one place where decay, drops, drains,
 * scars and tiers are computed.
 *
 * <p>{@link TrustBucket} runs one step on a fresh machine per call; {@link TrustLedger} runs a
 * whole replay on one machine without allocating per event. Not thread-safe: confine an instance
 * to one thread.
 */
final class BucketMachine {
  final TrustPolicy policy;
  private final double baseline;
  private final double gainRate;
  private final double lossRate;
  private final double maxScar;
  private final double scarRate;
  private final AutonomyLadder ladder;

  double level;
  double scar;
  long timeMicros;
  long promotedAtMicros;
  AutonomyTier tier;
  float positiveEvidence;
  float negativeEvidence;
  // Levels in [holdLow, holdHigh) keep the current tier whatever the time or the event: see holdBand().
  private double holdLow;
  private double holdHigh;

  BucketMachine(TrustPolicy policy) {
    this.policy = policy;
    this.baseline = policy.baseline();
    this.gainRate = policy.rates().gainRate();
    this.lossRate = policy.rates().lossRate();
    this.maxScar = policy.breachRules().maxScar();
    this.scarRate = policy.breachRules().scarRate();
    this.ladder = policy.ladder();
    this.tier = AutonomyTier.MICROMANAGED; // a placeholder: load() or copyFrom() sets the state
  }

  BucketMachine load(TrustBucket b) {
    level = b.level();
    scar = b.scar();
    timeMicros = b.timeMicros();
    promotedAtMicros = b.promotedAtMicrosRaw();
    tier = b.tier();
    positiveEvidence = (float) b.positiveEvidence();
    negativeEvidence = (float) b.negativeEvidence();
    holdBand();
    return this;
  }

  void copyFrom(BucketMachine other) {
    level = other.level;
    scar = other.scar;
    timeMicros = other.timeMicros;
    promotedAtMicros = other.promotedAtMicros;
    tier = other.tier;
    positiveEvidence = other.positiveEvidence;
    negativeEvidence = other.negativeEvidence;
    holdLow = other.holdLow;
    holdHigh = other.holdHigh;
  }

  TrustBucket toBucket() {
    return new TrustBucket(
        policy, tier, level, scar, timeMicros, promotedAtMicros, positiveEvidence, negativeEvidence);
  }

  /** Lets time pass until {@code at} (not earlier than now): level, scar and evidence fade. */
  void advance(long at) {
    long elapsed = elapsed(timeMicros, at);
    if (elapsed == 0) {
      return;
    }
    double scarKept = scar == 0.0 ? 1.0 : policy.scarDecay().retained(elapsed);
    advance(at, policy.decay().retained(elapsed), scarKept);
  }

  /**
   * Lets time pass until {@code at} when the decay factors over that gap are already known: a
   * ledger stores them with each event, which spares a replay two {@code exp} per event. With
   * the factors the policy's decay rules give for the gap, the result is bit for bit that of
   * {@link #advance(long)}.
   *
   * @param kept the level's (and the evidence's) decay factor over the gap
   * @param scarKept the scar's decay factor over the gap
   */
  void advance(long at, double kept, double scarKept) {
    long elapsed = elapsed(timeMicros, at);
    if (elapsed == 0) {
      return;
    }
    demoteIfStayEndsWithin(elapsed);
    level = baseline + (level - baseline) * kept;
    scar *= scarKept;
    positiveEvidence = (float) (positiveEvidence * kept);
    negativeEvidence = (float) (negativeEvidence * kept);
    timeMicros = at;
    settle(false);
  }

  /** The time from {@code from} to {@code to}; a difference that overflows means "forever". */
  static long elapsed(long from, long to) {
    return EpochMicros.elapsed(from, to);
  }

  /**
   * The tier is a function of continuous time, not of when someone looks: if a promotion's
   * minimum stay ends inside the gap, the demotion it held back happens at that instant, judged
   * on the level then. Elsewhere in a gap the level moves monotonically toward the baseline, so
   * judging the tier at the gap's end is exact.
   */
  private void demoteIfStayEndsWithin(long elapsed) {
    if (!ladder.protects(timeMicros, promotedAtMicros)) {
      return;
    }
    long stay = ladder.minimumStayMicros();
    long untilEnd = stay - (timeMicros - promotedAtMicros);
    if (untilEnd <= 0 || untilEnd >= elapsed) {
      return;
    }
    double levelAtEnd = baseline + (level - baseline) * policy.decay().retained(untilEnd);
    AutonomyTier next =
        ladder.next(tier, levelAtEnd, promotedAtMicros + stay, promotedAtMicros, false);
    // Only a demotion happens here; a promotion is settled at the end of the gap, with its date.
    if (next.compareTo(tier) < 0) {
      tier = next;
      promotedAtMicros = AutonomyLadder.NO_PROMOTION;
      holdBand();
    }
  }

  /** A drop of weight {@code w} now: fills part of the room left below the ceiling. */
  void drop(double w) {
    double room = (1.0 - scar) - level;
    if (!(room > 0.0)) {
      room = 0.0; // at or above the ceiling: no room
    }
    level += Math.min(1.0, gainRate * w) * room;
    positiveEvidence += (float) w;
    settle(false);
  }

  /**
   * A drain of weight {@code w} with multiplier {@code m} now: removes part of what is there and,
   * for a breach, scars.
   */
  void drain(double w, double m, boolean breach) {
    double wm = w * m;
    level *= 1.0 - Math.min(1.0, lossRate * wm);
    negativeEvidence += (float) wm;
    if (breach) {
      // Rounding can put a saturated scar a hair above maxScar; keep it in range.
      scar = Math.min(maxScar, scar + (maxScar - scar) * Math.min(1.0, scarRate * wm));
    }
    settle(breach);
  }

  /** Applies an event (already validated, at or after now). */
  void apply(TrustEvent event, long at) {
    advance(at);
    if (event.isDrop()) {
      drop(event.weight());
    } else {
      drain(
          event.weight(),
          policy.drainMultiplier(event.behaviour(), event.disclosure()),
          policy.isBreach(event));
    }
  }

  private void settle(boolean breach) {
    // Rounding can leave a level a hair outside [0, 1]; the bounds are a law, so clamp. A level
    // strictly inside needs no clamp: testing for that (a branch almost never taken) keeps two
    // min/max operations off the critical path of a replay, with the same result bit for bit.
    if (!(level > 0.0 && level < 1.0)) {
      level = Math.min(1.0, Math.max(0.0, level));
    }
    if (level >= holdLow && level < holdHigh) {
      return; // AutonomyLadder.next would keep the tier
    }
    AutonomyTier next = ladder.next(tier, level, timeMicros, promotedAtMicros, breach);
    if (next != tier) {
      promotedAtMicros = next.isHigherThan(tier) ? timeMicros : AutonomyLadder.NO_PROMOTION;
      tier = next;
      holdBand();
    }
  }

  /**
   * Computes the band of levels in which {@link AutonomyLadder#next} keeps the current tier, so
   * that {@link #settle} can skip it: from the demotion line {@code threshold(tier) -
   * hysteresisBand} (the very expression {@code next} tests) up to, not including, the next
   * tier's threshold, below which no higher tier is earned (no upper end for the top tier). Most
   * events leave the level inside the band.
   */
  private void holdBand() {
    holdLow = ladder.demotionLine(tier);
    holdHigh =
        tier == AutonomyTier.AUTONOMOUS ? Double.POSITIVE_INFINITY : ladder.threshold(tier.higher());
  }
}
