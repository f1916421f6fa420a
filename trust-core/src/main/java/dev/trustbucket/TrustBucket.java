package dev.trustbucket;

import static dev.trustbucket.InvalidTrustInputException.check;
import static dev.trustbucket.InvalidTrustInputException.checkRange;
import static java.util.Objects.requireNonNull;

import dev.trustbucket.internal.EpochMicros;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The trust between one person and their manager at one instant: how full the bucket is, how
 * deep its scar, and the autonomy tier it has earned.
 *
 * <p>A bucket {@linkplain #of starts} at the policy's baseline (half-full by default).
 * {@link #plus(TrustEvent)} returns the bucket after an event: first the time since the last
 * update decays the level toward the baseline, then the event adds a drop or drains. {@link
 * #at(Instant)} returns the bucket later on with no event in between. Everything is
 * computed in closed form: a gap of a century costs the same as a gap of a second.
 *
 * <pre>{@code
 * TrustBucket bucket = TrustBucket.of(TrustPolicy.defaults(), Instant.parse("2025-01-06T09:00:00Z"));
 * bucket = bucket.plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, Instant.parse("2025-01-10T17:00:00Z")));
 * bucket.level();   // 0.535
 * bucket.tier();    // SUPERVISED
 * }</pre>
 *
 * <p>Time is kept in whole microseconds; finer parts of an {@link Instant} are dropped. Instances
 * are immutable and thread-safe, and take 64 bytes on a 64-bit JVM with compressed references.
 */
public final class TrustBucket {
  private final TrustPolicy policy;
  private final AutonomyTier tier;
  private final double level;
  private final double scar;
  private final long timeMicros;
  private final long promotedAtMicros;
  // Evidence counts are floats: they feed a confidence figure, and keep the state within 64 bytes.
  private final float positiveEvidence;
  private final float negativeEvidence;

  TrustBucket(
      TrustPolicy policy,
      AutonomyTier tier,
      double level,
      double scar,
      long timeMicros,
      long promotedAtMicros,
      float positiveEvidence,
      float negativeEvidence) {
    this.policy = policy;
    this.tier = tier;
    this.level = level;
    this.scar = scar;
    this.timeMicros = timeMicros;
    this.promotedAtMicros = promotedAtMicros;
    this.positiveEvidence = positiveEvidence;
    this.negativeEvidence = negativeEvidence;
  }

  /**
   * Returns a new relationship's bucket: at the policy's baseline, in the tier the baseline
   * earns, with no scar and no evidence.
   *
   * @param policy the rules
   * @param time when the relationship starts
   * @return the bucket
   * @throws InvalidTrustInputException when {@code time} is outside the supported range
   */
  public static TrustBucket of(TrustPolicy policy, Instant time) {
    return of(policy, time, requireNonNull(policy, "policy").baseline());
  }

  /**
   * Returns a bucket that starts at a known level, e.g. a relationship moved into the library
   * from another system. It has the tier the level earns on its own, no scar and no evidence.
   *
   * @param policy the rules
   * @param time when the level was known
   * @param level the level, in [0, 1]
   * @return the bucket
   * @throws InvalidTrustInputException when the level is NaN or out of range, or the time is
   *     outside the supported range
   */
  public static TrustBucket of(TrustPolicy policy, Instant time, double level) {
    requireNonNull(policy, "policy");
    long micros = EpochMicros.of(requireNonNull(time, "time"), "time");
    checkRange(level, "level", 0.0, 1.0);
    return new TrustBucket(
        policy, policy.ladder().tierFor(level), level, 0.0, micros, AutonomyLadder.NO_PROMOTION, 0f, 0f);
  }

  /**
   * Rebuilds a bucket from every part of its state, as written by a serialiser. Every part is
   * validated against the policy.
   *
   * @param policy the rules the state was computed under
   * @param time the instant of the state
   * @param level the level, in [0, 1]
   * @param scar the scar, in [0, policy.breachRules().maxScar()]
   * @param tier the tier held
   * @param promotedAt when the tier was reached by promotion, if that promotion still protects it
   * @param positiveEvidence the faded weight of drops so far, finite and {@code >= 0}
   * @param negativeEvidence the faded weight of drains so far, finite and {@code >= 0}
   * @return the bucket
   * @throws InvalidTrustInputException when a part is out of range or inconsistent: a tier below
   *     the one the level earns, or above what the ladder's band (or a recent promotion) allows
   */
  public static TrustBucket ofState(
      TrustPolicy policy,
      Instant time,
      double level,
      double scar,
      AutonomyTier tier,
      Optional<Instant> promotedAt,
      double positiveEvidence,
      double negativeEvidence) {
    requireNonNull(policy, "policy");
    requireNonNull(tier, "tier");
    long micros = EpochMicros.of(requireNonNull(time, "time"), "time");
    checkRange(level, "level", 0.0, 1.0);
    checkRange(scar, "scar", 0.0, policy.breachRules().maxScar());
    checkRange(positiveEvidence, "positiveEvidence", 0.0, Float.MAX_VALUE);
    checkRange(negativeEvidence, "negativeEvidence", 0.0, Float.MAX_VALUE);
    long promoted = AutonomyLadder.NO_PROMOTION;
    if (requireNonNull(promotedAt, "promotedAt").isPresent()) {
      promoted = EpochMicros.of(promotedAt.get(), "promotedAt");
      check(promoted <= micros, "promotedAt",
          "promotedAt must not be after the state's time %s but was %s", time, promotedAt.get());
    }
    AutonomyLadder ladder = policy.ladder();
    AutonomyTier earned = ladder.tierFor(level);
    check(!earned.isHigherThan(tier), "tier",
        "tier must be at least %s, the tier a level of %s earns, but was %s", earned, level, tier);
    check(ladder.protects(micros, promoted) || level >= ladder.demotionLine(tier), "tier",
        "tier %s needs a level of at least %s (its threshold minus the band) unless a promotion within "
            + "the minimum stay protects it, but the level was %s",
        tier, ladder.demotionLine(tier), level);
    return new TrustBucket(
        policy, tier, level, scar, micros, promoted, (float) positiveEvidence, (float) negativeEvidence);
  }

  /**
   * Returns the bucket after {@code event}: decayed to the event's time, then moved by it.
   *
   * <p>A drop never lowers the level and a drain never raises it; a heavier event moves it at
   * least as far. A breach scars and may demote at once. This instance is immutable and
   * unaffected by this method call.
   *
   * @param event what happened; not earlier than {@link #time()}
   * @return the new bucket
   * @throws InvalidTrustInputException when the event is earlier than this bucket's time or its
   *     behaviour is not in the policy's catalogue; this bucket is unchanged
   * @throws NullPointerException when {@code event} is null
   */
  public TrustBucket plus(TrustEvent event) {
    requireNonNull(event, "event");
    int behaviour = policy.catalogueIndex().indexOf(event.behaviour());
    long at = EpochMicros.of(event.time(), "time");
    checkNotBefore(at, "time", event.time());
    Dynamics dynamics = policy.dynamics();
    return dynamics.stepComputingDecay(
        tier, level, scar, timeMicros, promotedAtMicros, positiveEvidence, negativeEvidence,
        at, event.isDrop() ? Dynamics.DROP : Dynamics.DRAIN, event.weight(),
        dynamics.multiplier(event, behaviour), policy.isBreach(event), Dynamics.BUCKET);
  }

  /**
   * The bucket after an event whose time, decay factors and multiplier are already known: a
   * ledger's {@code plus}, which stores them. The same step as {@link #plus}.
   */
  TrustBucket step(
      long at, double kept, double scarKept, TrustEvent event, double multiplier, boolean breach) {
    return policy.dynamics().step(
        tier, level, scar, timeMicros, promotedAtMicros, positiveEvidence, negativeEvidence,
        at, kept, scarKept, event.isDrop() ? Dynamics.DROP : Dynamics.DRAIN, event.weight(),
        multiplier, breach, Dynamics.BUCKET);
  }

  /**
   * Returns this bucket as it will be at {@code time} if nothing happens until then: the level
   * relaxed toward the baseline, the scar and the evidence faded, and the tier re-evaluated
   * (a demotion held back by the minimum stay may now happen). This instance is immutable and
   * unaffected by this method call.
   *
   * @param time an instant not earlier than {@link #time()}
   * @return the bucket at that time; {@code this} when {@code time} equals {@link #time()}
   * @throws InvalidTrustInputException when {@code time} is earlier than {@link #time()}
   */
  public TrustBucket at(Instant time) {
    long at = EpochMicros.of(requireNonNull(time, "time"), "time");
    checkNotBefore(at, "time", time);
    return advance(at);
  }

  /**
   * Returns the level at a later instant, with no event in between.
   *
   * @param time an instant not earlier than {@link #time()}
   * @return the level in [0, 1]
   * @throws InvalidTrustInputException when {@code time} is earlier than {@link #time()}
   */
  public double levelAt(Instant time) {
    return at(time).level;
  }

  /**
   * Returns the tier at a later instant, with no event in between.
   *
   * @param time an instant not earlier than {@link #time()}
   * @return the tier
   * @throws InvalidTrustInputException when {@code time} is earlier than {@link #time()}
   */
  public AutonomyTier tierAt(Instant time) {
    return at(time).tier;
  }

  private TrustBucket advance(long at) {
    if (at == timeMicros) {
      return this;
    }
    return policy.dynamics().stepComputingDecay(
        tier, level, scar, timeMicros, promotedAtMicros, positiveEvidence, negativeEvidence,
        at, Dynamics.NONE, 0.0, 1.0, false, Dynamics.BUCKET);
  }

  void checkNotBefore(long at, String field, Instant value) {
    if (at < timeMicros) {
      throw new InvalidTrustInputException(
          field,
          field + " must not be before the bucket's time " + time() + " (events come in time order) but was " + value);
    }
  }

  /**
   * How full the bucket is: 0 is no trust at all, 1 is complete trust.
   *
   * @return the level in [0, 1], never NaN
   */
  public double level() {
    return level;
  }

  /**
   * How deep the bucket's scar is: the part of the bucket that past breaches keep out of reach.
   * Drops can refill the bucket only up to {@link #ceiling()}.
   *
   * @return the scar in [0, policy.breachRules().maxScar()]
   */
  public double scar() {
    return scar;
  }

  /**
   * The highest level drops can refill the bucket to while the scar lasts: {@code 1 - scar()}.
   *
   * @return the ceiling in [1 - maxScar, 1]
   */
  public double ceiling() {
    return 1.0 - scar;
  }

  /**
   * The autonomy tier the relationship has earned, with hysteresis and minimum stay applied.
   *
   * @return the tier
   */
  public AutonomyTier tier() {
    return tier;
  }

  /**
   * The instant this state describes: the last event's time, or the time it was advanced to.
   *
   * @return the instant, at microsecond precision
   */
  public Instant time() {
    return EpochMicros.toInstant(timeMicros);
  }

  /** The instant of the state in epoch microseconds, the engine's clock unit; {@link #time()} is the API. */
  long timeMicros() {
    return timeMicros;
  }

  /**
   * When the current tier was reached by a promotion, while that promotion still matters for the
   * minimum stay; empty after a demotion or when the tier was never reached by promotion. A
   * promotion earned while time passed with no event (the level relaxing up toward the baseline)
   * is dated at the instant the level reached the tier's threshold, so it is the same however
   * often the bucket was looked at in between.
   *
   * @return the promotion instant, if any
   */
  public Optional<Instant> promotedAt() {
    return promotedAtMicros == AutonomyLadder.NO_PROMOTION
        ? Optional.empty()
        : Optional.of(EpochMicros.toInstant(promotedAtMicros));
  }

  long promotedAtMicrosRaw() {
    return promotedAtMicros;
  }

  /**
   * The faded sum of drop weights so far: the "r" of the beta reputation system (Jøsang &amp;
   * Ismail 2002), fading by the same rule as the level.
   *
   * @return positive evidence, {@code >= 0}
   */
  public double positiveEvidence() {
    return positiveEvidence;
  }

  /**
   * The faded sum of drain weights (times their multipliers) so far: the "s" of the beta
   * reputation system, fading by the same rule as the level.
   *
   * @return negative evidence, {@code >= 0}
   */
  public double negativeEvidence() {
    return negativeEvidence;
  }

  /**
   * How much evidence backs the level: the beta-reputation view of the faded drop and drain
   * weights. A new relationship at 0.5 has uncertainty 1; a long one at 0.5 has little.
   *
   * @return the confidence
   */
  public Confidence confidence() {
    return new Confidence(positiveEvidence, negativeEvidence);
  }

  /**
   * The rules this bucket follows.
   *
   * @return the policy
   */
  public TrustPolicy policy() {
    return policy;
  }

  /**
   * Two buckets are equal when every part of their state is identical, bit for bit, under equal
   * policies.
   */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TrustBucket)) {
      return false;
    }
    TrustBucket b = (TrustBucket) o;
    return Double.compare(level, b.level) == 0
        && Double.compare(scar, b.scar) == 0
        && timeMicros == b.timeMicros
        && promotedAtMicros == b.promotedAtMicros
        && tier == b.tier
        && Float.compare(positiveEvidence, b.positiveEvidence) == 0
        && Float.compare(negativeEvidence, b.negativeEvidence) == 0
        && policy.equals(b.policy);
  }

  @Override
  @SuppressWarnings("EnumOrdinal") // unlike Enum.hashCode(), stable from one JVM run to the next
  public int hashCode() {
    int h = Double.hashCode(level);
    h = 31 * h + Double.hashCode(scar);
    h = 31 * h + Long.hashCode(timeMicros);
    h = 31 * h + tier.ordinal();
    return h;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "TrustBucket[level=%.4f, tier=%s, scar=%.4f, time=%s, policy=%s]",
        level, tier, scar, time(), policy.name());
  }
}
