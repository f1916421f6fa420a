package dev.trustbucket;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.decay.DecayRule;
import dev.trustbucket.decay.ExponentialDecay;
import dev.trustbucket.internal.EpochMicros;
import dev.trustbucket.internal.ExponentialRate;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The model's dynamics under one policy, and the one place they are computed: {@link #step} is the
 * update step that {@link TrustBucket#plus}, {@link TrustLedger#plus} and every replay run (a
 * replay's inner loop runs {@link #stepIfTierHolds}, the step's part for the steps that leave the
 * tier as it is, and hands the others to {@link #settled}).
 *
 * <p>The step is a function over primitives: it reads a state from its arguments and hands the
 * next state to a {@link Sink}, which builds the immutable {@link TrustBucket} for {@code plus} or
 * writes the fields of a {@link BucketMachine} for a replay. No mutable helper object is created
 * per call, so the speed of {@code TrustBucket.plus} does not depend on the JIT's escape analysis.
 * One instance per policy ({@link TrustPolicy#dynamics()}, computed once); immutable and
 * thread-safe.
 */
final class Dynamics {
  /** No event: only time passes. */
  static final int NONE = 0;
  /** The event is a drop. */
  static final int DROP = 1;
  /** The event is a drain. */
  static final int DRAIN = 2;

  /** Receives the state a step computed: the parts of a {@link TrustBucket}, in its order. */
  interface Sink<T> {
    T state(
        TrustPolicy policy,
        AutonomyTier tier,
        double level,
        double scar,
        long timeMicros,
        long promotedAtMicros,
        float positiveEvidence,
        float negativeEvidence);

    /**
     * What {@link #stepIfTierHolds} returns, with nothing handed to {@link #state}, when the step
     * could move the tier: {@code null}, unless the sink answers for itself. A sink that the JIT
     * should turn into registers must: a {@code null} merged with the sink keeps it an object.
     */
    default @Nullable T declined() {
      return null;
    }

    /**
     * Whether {@code result}, returned by {@link #stepIfTierHolds}, is a step taken, not declined.
     */
    default boolean took(@Nullable T result) {
      return result != null;
    }
  }

  /** Builds the new bucket: the sink of {@code TrustBucket.plus} and {@code TrustLedger.plus}. */
  static final Sink<TrustBucket> BUCKET = TrustBucket::new;

  private static final AutonomyTier[] TIERS = AutonomyTier.values();

  private final TrustPolicy policy;
  private final double baseline;
  private final double gainRate;
  private final double lossRate;
  private final double maxScar;
  private final double scarRate;
  private final AutonomyLadder ladder;
  private final long minimumStayMicros;
  // Decay rates per microsecond for the stock rules (0 for none); the rule itself for any other.
  private final double decayRate;
  private final @Nullable DecayRule customDecay;
  private final double scarDecayRate;
  private final @Nullable DecayRule customScarDecay;
  // The band where a tier holds, by tier ordinal t: levels in [hold[2t], hold[2t + 1]) keep the
  // tier whatever the time or the event, from the demotion line (the very expression
  // AutonomyLadder.next tests) up to, not including, the next tier's threshold (no upper end for
  // the top tier). Most events leave the level there. One array, so one bounds check.
  private final double[] hold;
  private final DrainMultiplierTable drainMultipliers;

  /**
   * The method {@code settle}, the rare path of {@link #step} (through {@link #settled}). It is
   * called through the instance field {@link #settleHandle} below, which the JIT cannot treat as a
   * constant: HotSpot's C2 never inlines a call through a method handle that is not a constant, so
   * the tier's logic stays out of the compiled code of whatever calls the step, whatever the call
   * counts say (JDK 17's C2 inlines any call made a hundred times while it profiles). That was what
   * let a replay's loop inline the whole step; the replay's inner loop now runs {@link
   * #stepIfTierHolds}, which never reaches {@code settle}, so today the handle keeps the compiled
   * code of {@code plus}, of a ledger's append and of the replay's outer loop small.
   * docs/performance.md, "The replay and the JIT".
   */
  private static final MethodHandle SETTLE = lookUpSettle();

  private static MethodHandle lookUpSettle() {
    try {
      return MethodHandles.lookup()
          .findVirtual(
              Dynamics.class,
              "settle",
              MethodType.methodType(
                  Object.class, AutonomyTier.class, double.class, double.class, long.class,
                  long.class, float.class, float.class, long.class, double.class, double.class,
                  int.class, double.class, double.class, boolean.class, Sink.class));
    } catch (ReflectiveOperationException e) {
      throw new LinkageError("Dynamics.settle is missing", e);
    }
  }

  // SETTLE, held per instance: a static final handle is a constant the JIT would inline through.
  private final MethodHandle settleHandle = SETTLE;

  Dynamics(TrustPolicy policy) {
    this.policy = policy;
    this.baseline = policy.baseline();
    this.gainRate = policy.rates().gainRate();
    this.lossRate = policy.rates().lossRate();
    this.maxScar = policy.breachRules().maxScar();
    this.scarRate = policy.breachRules().scarRate();
    this.ladder = policy.ladder();
    this.minimumStayMicros = ladder.minimumStayMicros();
    this.decayRate = rate(policy.decay());
    this.customDecay = isStock(policy.decay()) ? null : policy.decay();
    this.scarDecayRate = rate(policy.scarDecay());
    this.customScarDecay = isStock(policy.scarDecay()) ? null : policy.scarDecay();
    this.hold = new double[2 * TIERS.length];
    for (AutonomyTier tier : TIERS) {
      hold[2 * ordinal(tier)] = ladder.demotionLine(tier);
      hold[2 * ordinal(tier) + 1] =
          tier == AutonomyTier.AUTONOMOUS ? Double.POSITIVE_INFINITY : ladder.threshold(tier.higher());
    }
    this.drainMultipliers = policy.drainMultiplierTable();
  }

  private static boolean isStock(DecayRule rule) {
    return rule instanceof ExponentialDecay || rule.equals(DecayRule.none());
  }

  private static double rate(DecayRule rule) {
    return rule instanceof ExponentialDecay ? ExponentialRate.perMicro(rule.halfLife()) : 0.0;
  }

  @SuppressWarnings("EnumOrdinal") // an index into this instance's own arrays
  private static int ordinal(AutonomyTier tier) {
    return tier.ordinal();
  }

  TrustPolicy policy() {
    return policy;
  }

  DrainMultiplierTable drainMultipliers() {
    return drainMultipliers;
  }

  /**
   * The level's (and the evidence's) decay factor over {@code elapsedMicros}: {@code
   * policy.decay().retained(elapsed)}, computed without a {@link Duration} for the stock rules.
   */
  double kept(long elapsedMicros) {
    return retained(decayRate, customDecay, elapsedMicros);
  }

  /** The scar's decay factor over {@code elapsedMicros}: {@code policy.scarDecay().retained(elapsed)}. */
  double scarKept(long elapsedMicros) {
    return retained(scarDecayRate, customScarDecay, elapsedMicros);
  }

  private static double retained(double rate, @Nullable DecayRule custom, long elapsedMicros) {
    if (custom != null) {
      return custom.retained(Duration.of(elapsedMicros, ChronoUnit.MICROS));
    }
    return rate == 0.0 ? 1.0 : ExponentialRate.retained(rate, elapsedMicros);
  }

  /**
   * The multiplier of an event: 1 for a drop; for a drain the policy's {@link
   * TrustPolicy#drainMultiplier}, looked up in its table unless a discovery's delay decides it.
   *
   * @param behaviour the event's behaviour's index in the policy's catalogue
   */
  @SuppressWarnings("EnumOrdinal") // the table's keys hold ordinals in memory only
  double multiplier(TrustEvent event, int behaviour) {
    if (event.isDrop()) {
      return 1.0;
    }
    Disclosure disclosure = event.disclosure();
    return disclosure.isDiscovered()
        ? policy.drainMultiplier(event.behaviour(), disclosure)
        : drainMultipliers.get(behaviour << 2 | disclosure.kind().ordinal());
  }

  /**
   * The {@linkplain #step update step}, with the decay factors over the gap computed now (the
   * scar's only when there is a scar to fade): what {@code TrustBucket.plus} runs, where a ledger has none stored.
   */
  <T> T stepComputingDecay(
      AutonomyTier tier,
      double level,
      double scar,
      long time,
      long promotedAt,
      float positiveEvidence,
      float negativeEvidence,
      long at,
      int kind,
      double weight,
      double multiplier,
      boolean breach,
      Sink<T> sink) {
    long elapsed = EpochMicros.elapsed(time, at);
    double kept = elapsed == 0 ? 1.0 : kept(elapsed);
    double scarKept = elapsed == 0 || scar == 0.0 ? 1.0 : scarKept(elapsed);
    return step(
        tier, level, scar, time, promotedAt, positiveEvidence, negativeEvidence, at, kept, scarKept,
        kind, weight, multiplier, breach, sink);
  }

  /**
   * The update step: time passes from {@code time} to {@code at}, then the event (if any) moves
   * the bucket, and the tier is settled after each. Every state of the library comes out of here.
   *
   * <p>Time first: if a promotion's minimum stay ends inside the gap, the demotion it held back
   * happens then; the level relaxes toward the baseline by {@code kept}, the scar fades by {@code
   * scarKept}, the evidence by {@code kept}. Then a drop fills part of the room left below the
   * ceiling ({@code 1 - scar}); a drain removes part of what is there and, for a breach, scars.
   * With the factors the policy's decay rules give for the gap ({@link #kept}, {@link #scarKept}),
   * the result does not depend on whether they were computed now or stored by a ledger.
   *
   * <p>The tier: when the level stays in the band where the tier holds, before and after the
   * event, and no minimum stay ends in the gap, nothing can move it: {@link #stepIfTierHolds}
   * takes those steps, most of them. Only the others, a few percent in a busy history, go to
   * {@link #settle}, out of line (see {@link #SETTLE}).
   *
   * @param at the time after the step, not before {@code time}
   * @param kept the level's decay factor from {@code time} to {@code at}
   * @param scarKept the scar's decay factor over the same gap
   * @param kind {@link #NONE}, {@link #DROP} or {@link #DRAIN}
   * @param weight the event's weight; 0 for {@link #NONE}
   * @param multiplier a drain's multiplier (ignored unless {@link #DRAIN})
   * @param breach whether the drain is a breach; {@code false} unless {@link #DRAIN}
   * @param sink what receives the new state
   * @return what the sink returns
   */
  <T> T step(
      AutonomyTier tier,
      double level,
      double scar,
      long time,
      long promotedAt,
      float positiveEvidence,
      float negativeEvidence,
      long at,
      double kept,
      double scarKept,
      int kind,
      double weight,
      double multiplier,
      boolean breach,
      Sink<T> sink) {
    T next = stepIfTierHolds(
        tier, level, scar, time, promotedAt, positiveEvidence, negativeEvidence, at, kept,
        scarKept, kind, weight, multiplier, breach, sink);
    if (sink.took(next)) {
      return requireNonNull(next);
    }
    return settled(
        tier, level, scar, time, promotedAt, positiveEvidence, negativeEvidence, at, kept,
        scarKept, kind, weight, multiplier, breach, sink);
  }

  /**
   * The {@linkplain #step update step} of a step that {@link #stepIfTierHolds} declined: {@link
   * #settle}, called out of line through {@link #SETTLE}. A replay calls it for the steps its
   * inner loop declined, which need not be tried again.
   */
  <T> T settled(
      AutonomyTier tier,
      double level,
      double scar,
      long time,
      long promotedAt,
      float positiveEvidence,
      float negativeEvidence,
      long at,
      double kept,
      double scarKept,
      int kind,
      double weight,
      double multiplier,
      boolean breach,
      Sink<T> sink) {
    Object settled;
    try {
      settled = (Object) settleHandle.invokeExact(
          this, tier, level, scar, time, promotedAt, positiveEvidence, negativeEvidence, at, kept,
          scarKept, kind, weight, multiplier, breach, (Sink<?>) sink);
    } catch (Throwable e) {
      throw Dynamics.<RuntimeException>rethrown(e);
    }
    @SuppressWarnings("unchecked") // settle returns what this sink returns
    T state = (T) settled;
    return state;
  }

  /**
   * The {@linkplain #step update step} when it leaves the tier as it is; when the step could move
   * the tier, nothing is handed to {@link Sink#state} and {@link Sink#declined} is returned. A
   * replay's inner loop runs this and leaves the loop for the full step when it declines: inlined
   * there, the loop has no call out of line, so the JIT keeps its values in registers. It is kept
   * small on purpose: C2 inlines a method into a loop only when its own compiled code is small
   * (under {@code InlineSmallCode}, 2,500 bytes), which is why the call to {@link #settle} is in
   * {@link #step}, not here (docs/performance.md, "The replay and the JIT").
   *
   * @return what the sink's {@code state} returns, or its {@code declined()}
   */
  <T> @Nullable T stepIfTierHolds(
      AutonomyTier tier,
      double level,
      double scar,
      long time,
      long promotedAt,
      float positiveEvidence,
      float negativeEvidence,
      long at,
      double kept,
      double scarKept,
      int kind,
      double weight,
      double multiplier,
      boolean breach,
      Sink<T> sink) {
    return moved(
        tier, level, scar, time, promotedAt, positiveEvidence, negativeEvidence, at, kept,
        scarKept, kind, weight, multiplier, breach, null, 0L, sink);
  }

  /**
   * The arithmetic of a step, handed to the sink with the tier {@code settledTier} and its
   * promotion date; or, when {@code settledTier} is {@code null}, with the tier and date as they
   * were if the tier holds, else the step is declined ({@link Sink#declined}).
   */
  private <T> @Nullable T moved(
      AutonomyTier tier,
      double level,
      double scar,
      long time,
      long promotedAt,
      float positiveEvidence,
      float negativeEvidence,
      long at,
      double kept,
      double scarKept,
      int kind,
      double weight,
      double multiplier,
      boolean breach,
      @Nullable AutonomyTier settledTier,
      long settledPromotedAt,
      Sink<T> sink) {
    double afterGap = afterGap(level, time, at, kept);
    if (at != time) {
      scar *= scarKept;
      positiveEvidence = (float) (positiveEvidence * kept);
      negativeEvidence = (float) (negativeEvidence * kept);
    }
    double next = afterEvent(afterGap, scar, kind, weight, multiplier);
    if (kind == DRAIN) {
      double wm = weight * multiplier;
      negativeEvidence += (float) wm;
      if (breach) {
        scar = scarred(scar, wm);
      }
    } else {
      // A drop; NONE comes with weight 0, which leaves the evidence exactly as it is.
      positiveEvidence += (float) weight;
    }
    if (settledTier == null) {
      // Most steps leave the level inside the band where the tier holds, with no minimum stay
      // ending in the gap: then the tier and its promotion date stay as they were.
      int t = 2 * ordinal(tier);
      double low = hold[t];
      double high = hold[t + 1];
      if (!(afterGap >= low && afterGap < high && next >= low && next < high
          && !stayEndsWithin(time, at, promotedAt))) {
        return sink.declined();
      }
    } else {
      tier = settledTier;
      promotedAt = settledPromotedAt;
    }
    return sink.state(policy, tier, next, scar, at, promotedAt, positiveEvidence, negativeEvidence);
  }

  /** The level at the gap's end: relaxed toward the baseline by {@code kept}, unless no time passed. */
  private double afterGap(double level, long time, long at, double kept) {
    return at != time ? clamped(baseline + (level - baseline) * kept) : level;
  }

  /**
   * The level after the event: a drop fills part of the room left below the ceiling {@code 1 -
   * scar} (a {@link #NONE} is a drop of weight 0, which leaves it as it is); a drain removes part
   * of what is there.
   *
   * @param scar the scar at the gap's end, before the event
   */
  private double afterEvent(double level, double scar, int kind, double weight, double multiplier) {
    if (kind == DRAIN) {
      return clamped(level * (1.0 - atMostOne(lossRate * (weight * multiplier))));
    }
    return clamped(dropped(level, scar, weight));
  }

  /**
   * Throws what {@link #settle} threw, unchanged, as a direct call would have: it declares nothing,
   * but a custom decay rule it calls may throw anything.
   */
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"}) // E only tells javac what to allow
  private static <E extends Throwable> E rethrown(Throwable e) throws E {
    throw (E) e;
  }

  /**
   * A {@linkplain #step step} whose levels leave the band where the tier holds, or in whose gap a
   * promotion's minimum stay ends: the tier is settled at the gap's end (after a demotion the stay
   * held back, if it ends inside the gap), then again after the event, and the step's arithmetic
   * is handed to the sink with that tier. Called only through {@link #SETTLE}.
   *
   * @return what {@code sink} returns for the state after the step
   */
  @SuppressWarnings("UnusedMethod") // called through SETTLE, which Error Prone cannot see
  private Object settle(
      AutonomyTier tier,
      double level,
      double scar,
      long time,
      long promotedAt,
      float positiveEvidence,
      float negativeEvidence,
      long at,
      double kept,
      double scarKept,
      int kind,
      double weight,
      double multiplier,
      boolean breach,
      Sink<?> sink) {
    double afterGap = afterGap(level, time, at, kept);
    double next = afterEvent(afterGap, at != time ? scar * scarKept : scar, kind, weight, multiplier);
    AutonomyTier settledTier = tier;
    long settledPromotedAt = promotedAt;
    long elapsed = EpochMicros.elapsed(time, at);
    if (elapsed != 0) {
      AutonomyTier held = demotedWithin(settledTier, level, time, at, settledPromotedAt);
      if (held != settledTier) {
        settledTier = held;
        settledPromotedAt = AutonomyLadder.NO_PROMOTION;
      }
      AutonomyTier gapEnd = tierAfter(settledTier, afterGap, at, settledPromotedAt, false);
      if (gapEnd != settledTier) {
        settledPromotedAt = gapEnd.isHigherThan(settledTier)
            ? promotedWithin(gapEnd, level, time, elapsed)
            : AutonomyLadder.NO_PROMOTION;
        settledTier = gapEnd;
      }
    }
    AutonomyTier after = tierAfter(settledTier, next, at, settledPromotedAt, breach);
    return requireNonNull(moved(
        tier, level, scar, time, promotedAt, positiveEvidence, negativeEvidence, at, kept,
        scarKept, kind, weight, multiplier, breach, after,
        promotedAt(settledTier, after, at, settledPromotedAt), sink));
  }

  /**
   * Whether the minimum stay of a promotion at {@code promotedAt} ends strictly inside the gap
   * from {@code time} to {@code at}, where {@link #demotedWithin} may demote.
   */
  private boolean stayEndsWithin(long time, long at, long promotedAt) {
    if (promotedAt == AutonomyLadder.NO_PROMOTION) {
      return false;
    }
    long stayEnd = promotedAt + minimumStayMicros; // both within EpochMicros' range: no overflow
    return stayEnd > time && stayEnd < at;
  }

  /** A drop of weight {@code w}: fills part of the room left below the ceiling {@code 1 - scar}. */
  private double dropped(double level, double scar, double w) {
    double room = (1.0 - scar) - level;
    if (!(room > 0.0)) {
      room = 0.0; // at or above the ceiling: no room
    }
    return level + atMostOne(gainRate * w) * room;
  }

  /** A breach's scar: a part of the way to {@code maxScar}, in proportion to the drain. */
  private double scarred(double scar, double wm) {
    // Rounding can put a saturated scar a hair above maxScar; keep it in range.
    double scarred = scar + (maxScar - scar) * atMostOne(scarRate * wm);
    return scarred < maxScar ? scarred : maxScar;
  }

  /**
   * Rounding can leave a level a hair outside [0, 1]; the bounds are a law, so clamp. Written with
   * comparisons rather than {@code Math.min}/{@code max}: the same result for every number a level
   * can be (the inputs are finite), in less compiled code on the hot path.
   */
  private static double clamped(double level) {
    return level > 0.0 ? (level < 1.0 ? level : 1.0) : 0.0;
  }

  /** {@code Math.min(1, x)} for a finite {@code x}, as a comparison (see {@link #clamped}). */
  private static double atMostOne(double x) {
    return x < 1.0 ? x : 1.0;
  }

  /** The tier after the level moved to {@code level} at {@code time}. */
  private AutonomyTier tierAfter(
      AutonomyTier tier, double level, long time, long promotedAt, boolean breach) {
    int t = 2 * ordinal(tier);
    if (level >= hold[t] && level < hold[t + 1]) {
      return tier; // AutonomyLadder.next would keep the tier
    }
    return ladder.next(tier, level, time, promotedAt, breach);
  }

  /** When the tier {@code after} was reached by promotion, after a settle from {@code before}. */
  private static long promotedAt(AutonomyTier before, AutonomyTier after, long time, long promotedAt) {
    if (after == before) {
      return promotedAt;
    }
    return after.isHigherThan(before) ? time : AutonomyLadder.NO_PROMOTION;
  }

  /**
   * When a promotion earned in a gap happened: the first instant at which the level, relaxing from
   * {@code from} toward the baseline, reached {@code tier}'s threshold. Dating it there, and not at
   * the gap's end, makes the minimum stay that follows a function of continuous time: looking at
   * the bucket inside the gap does not move the promotion's date (law 13). The level's path in a
   * gap is monotone, so a binary search over the microseconds finds the instant; it runs only when
   * a gap ends in a promotion.
   *
   * <p>For the stock exponential decay the crossing has a closed form, {@code ln((from - baseline)
   * / (threshold - baseline)) / rate}. Rounding puts it a few microseconds off at most, so it only
   * narrows the search: the microseconds around it are tested, doubling the distance until one
   * side fails and the other reaches, and the search runs between those. The test decides, as
   * before, and a monotone test has one first microsecond that reaches, so the answer is the very
   * one a search over the whole gap finds, with a handful of decay factors instead of some forty.
   *
   * @param elapsed the gap, in microseconds; the level at its end reaches the threshold
   * @return the promotion's instant, in epoch microseconds, in {@code (time, time + elapsed]}
   */
  private long promotedWithin(AutonomyTier tier, double from, long time, long elapsed) {
    double threshold = ladder.threshold(tier);
    long low = 1; // every microsecond below low does not reach the threshold
    long high = elapsed; // high reaches it
    if (customDecay == null && decayRate > 0.0) {
      double guess = Math.ceil(Math.log((from - baseline) / (threshold - baseline)) / decayRate);
      if (guess >= 1.0 && guess < elapsed) { // false for NaN
        long probe = (long) guess;
        if (reaches(threshold, from, probe)) {
          high = probe;
          for (long step = 1; step > 0 && step <= probe - low; step <<= 1) {
            if (!reaches(threshold, from, probe - step)) {
              low = probe - step + 1;
              break;
            }
            high = probe - step;
          }
        } else {
          low = probe + 1;
          for (long step = 1; step > 0 && step < high - probe; step <<= 1) {
            if (reaches(threshold, from, probe + step)) {
              high = probe + step;
              break;
            }
            low = probe + step + 1;
          }
        }
      }
    }
    while (low < high) {
      long mid = low + (high - low) / 2;
      if (reaches(threshold, from, mid)) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return time + low;
  }

  /** Whether the level, relaxing from {@code from} for {@code micros}, is at {@code threshold} or above. */
  private boolean reaches(double threshold, double from, long micros) {
    return clamped(baseline + (from - baseline) * kept(micros)) >= threshold;
  }

  /**
   * The tier is a function of continuous time, not of when someone looks: if a promotion's
   * minimum stay ends inside the gap, the demotion it held back happens at that instant, judged
   * on the level then. Elsewhere in a gap the level moves monotonically toward the baseline, so
   * judging the tier at the gap's end is exact.
   *
   * @return the tier at the stay's end; {@code tier} when nothing happens inside the gap
   */
  private AutonomyTier demotedWithin(
      AutonomyTier tier, double level, long time, long at, long promotedAt) {
    if (!stayEndsWithin(time, at, promotedAt)) {
      return tier;
    }
    long stayEnd = promotedAt + minimumStayMicros;
    double levelAtEnd = baseline + (level - baseline) * kept(stayEnd - time);
    AutonomyTier next = ladder.next(tier, levelAtEnd, stayEnd, promotedAt, false);
    // Only a demotion happens here; a promotion is settled at the end of the gap and dated when
    // the level crossed its threshold (promotedWithin).
    return next.compareTo(tier) < 0 ? next : tier;
  }
}
