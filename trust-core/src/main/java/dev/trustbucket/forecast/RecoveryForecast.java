package dev.trustbucket.forecast;

import static dev.trustbucket.InvalidTrustInputException.check;
import static dev.trustbucket.InvalidTrustInputException.checkRange;
import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Confidence;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.history.LedgerStep;
import dev.trustbucket.internal.EpochMicros;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How many drops of one behaviour, at a steady cadence, bring the bucket to a target level or
 * tier, and when; or why they never will.
 *
 * <p>The forecast simulates the drops under the bucket's policy, decay and scars included, for
 * at most {@link #HORIZON} (or {@link #MAX_DROPS} drops), and never past the end of the supported
 * range of instants (the year 290,000), which a state near it reaches first. A target can be out
 * of reach for two reasons, which {@link #outOfReach()} names with the numbers behind them: a scar
 * keeps the ceiling below it, or at this cadence decay takes back what the drops add before the
 * level gets there. With a cadence under about 53 minutes the drop limit comes before the horizon,
 * so the forecast looks less far ahead. {@code dev.trustbucket.text.ForecastFormat} writes a
 * forecast in words.
 *
 * <p>Only the factories create forecasts, so their numbers always agree with the simulation.
 * Instances are immutable and thread-safe.
 */
public final class RecoveryForecast {

  /** The longest the simulation looks ahead: ten years. */
  public static final Duration HORIZON = Duration.ofDays(3_653);

  /** The most drops the simulation tries. */
  public static final int MAX_DROPS = 100_000;

  private final TrustBucket from;
  private final Behaviour behaviour;
  private final Duration cadence;
  private final double targetLevel;
  private final Optional<AutonomyTier> targetTier;
  private final int drops;
  private final Optional<Instant> reachedAt;
  private final double finalLevel;
  private final Optional<OutOfReach> outOfReach;

  private RecoveryForecast(
      TrustBucket from,
      Behaviour behaviour,
      Duration cadence,
      double targetLevel,
      Optional<AutonomyTier> targetTier,
      int drops,
      Optional<Instant> reachedAt,
      double finalLevel,
      Optional<OutOfReach> outOfReach) {
    this.from = from;
    this.behaviour = behaviour;
    this.cadence = cadence;
    this.targetLevel = targetLevel;
    this.targetTier = targetTier;
    this.drops = drops;
    this.reachedAt = reachedAt;
    this.finalLevel = finalLevel;
    this.outOfReach = outOfReach;
  }

  /**
   * Forecasts the drops needed to reach a level.
   *
   * @param from where to start; the first drop comes one cadence after its time
   * @param drop a drop behaviour, at its default weight
   * @param cadence the time between drops, at least one minute
   * @param targetLevel the level to reach, in [0, 1]
   * @return the forecast
   * @throws dev.trustbucket.InvalidTrustInputException when the behaviour is a drain, the
   *     cadence is too short or the target is out of range
   */
  public static RecoveryForecast untilLevel(
      TrustBucket from, Behaviour drop, Duration cadence, double targetLevel) {
    checkRange(targetLevel, "targetLevel", 0.0, 1.0);
    return simulate(from, drop, cadence, targetLevel, Optional.empty());
  }

  /**
   * Forecasts the drops needed to reach a tier (with the ladder's rules: promotion happens at the
   * tier's threshold).
   *
   * @param from where to start; the first drop comes one cadence after its time
   * @param drop a drop behaviour, at its default weight
   * @param cadence the time between drops, at least one minute
   * @param tier the tier to reach
   * @return the forecast
   * @throws dev.trustbucket.InvalidTrustInputException when the behaviour is a drain or the
   *     cadence is too short
   */
  public static RecoveryForecast untilTier(
      TrustBucket from, Behaviour drop, Duration cadence, AutonomyTier tier) {
    requireNonNull(tier, "tier");
    requireNonNull(from, "from");
    return simulate(from, drop, cadence, from.policy().ladder().threshold(tier), Optional.of(tier));
  }

  /**
   * Forecasts when the level returns to where it was just before the ledger's last breach.
   *
   * @param ledger the history; its current state is the starting point
   * @param drop a drop behaviour, at its default weight
   * @param cadence the time between drops, at least one minute
   * @return the forecast, or empty when the ledger has no breach
   */
  public static Optional<RecoveryForecast> untilBeforeLastBreach(
      TrustLedger ledger, Behaviour drop, Duration cadence) {
    requireNonNull(ledger, "ledger");
    LedgerStep last = null;
    for (LedgerStep step : ledger.steps()) {
      if (step.breach()) {
        last = step;
      }
    }
    return last == null
        ? Optional.empty()
        : Optional.of(untilLevel(ledger.state(), drop, cadence, last.levelBefore()));
  }

  private static RecoveryForecast simulate(
      TrustBucket from, Behaviour drop, Duration cadence, double target, Optional<AutonomyTier> tier) {
    requireNonNull(from, "from");
    requireNonNull(drop, "drop");
    requireNonNull(cadence, "cadence");
    check(drop.isDrop(), "behaviour", "behaviour must be a drop but was the drain \"%s\"", drop.id());
    check(cadence.toMinutes() >= 1 && cadence.compareTo(HORIZON) <= 0, "cadence",
        "cadence must be between one minute and %s but was %s", HORIZON, cadence);
    if (reached(from, target, tier)) {
      return new RecoveryForecast(from, drop, cadence, target, tier, 0, Optional.of(from.time()),
          from.level(), Optional.empty());
    }
    // The horizon, or the end of the supported range if that comes first: no drop is simulated
    // at an instant the library cannot hold.
    Instant horizon = from.time().plus(HORIZON);
    boolean rangeEnds = horizon.isAfter(EpochMicros.MAX);
    Instant end = rangeEnds ? EpochMicros.MAX : horizon;
    TrustBucket b = from;
    Instant t = from.time();
    int drops = 0;
    while (drops < MAX_DROPS) {
      t = t.plus(cadence);
      if (t.isAfter(end)) {
        break;
      }
      b = b.plus(TrustEvent.of(drop, t));
      drops++;
      if (reached(b, target, tier)) {
        return new RecoveryForecast(from, drop, cadence, target, tier, drops, Optional.of(t),
            b.level(), Optional.empty());
      }
    }
    // The loop ends at the horizon or, for cadences under about 53 minutes, after MAX_DROPS drops.
    OutOfReach why =
        new OutOfReach(
            target > b.ceiling() ? OutOfReach.Cause.SCAR_CEILING : OutOfReach.Cause.DECAY,
            drops == MAX_DROPS
                ? OutOfReach.Limit.MAX_DROPS
                : rangeEnds ? OutOfReach.Limit.END_OF_RANGE : OutOfReach.Limit.HORIZON,
            b.ceiling(),
            b.level(),
            drops == MAX_DROPS
                ? Duration.between(from.time(), t)
                : rangeEnds ? Duration.between(from.time(), end) : HORIZON);
    return new RecoveryForecast(from, drop, cadence, target, tier, drops, Optional.empty(), b.level(),
        Optional.of(why));
  }

  private static boolean reached(TrustBucket b, double target, Optional<AutonomyTier> tier) {
    return tier.isPresent() ? b.tier().compareTo(tier.get()) >= 0 : b.level() >= target;
  }

  /**
   * Returns whether the target is reached within the horizon.
   *
   * @return {@code true} when reachable
   */
  public boolean isReachable() {
    return reachedAt.isPresent();
  }

  /**
   * How much evidence backs the starting level: a forecast from a new relationship rests on the
   * benefit of the doubt, one from a long history on evidence.
   *
   * @return the starting bucket's confidence
   */
  public Confidence confidence() {
    return from.confidence();
  }

  /**
   * The bucket the forecast starts from; the first drop comes one cadence after its time.
   *
   * @return the starting bucket
   */
  public TrustBucket from() {
    return from;
  }

  /**
   * The drop repeated, at its default weight.
   *
   * @return the behaviour
   */
  public Behaviour behaviour() {
    return behaviour;
  }

  /**
   * The time between two drops.
   *
   * @return the cadence, from one minute to {@link #HORIZON}
   */
  public Duration cadence() {
    return cadence;
  }

  /**
   * The level to reach; for a tier target, the tier's threshold.
   *
   * @return the target in [0, 1]
   */
  public double targetLevel() {
    return targetLevel;
  }

  /**
   * The tier to reach, if the target is a tier.
   *
   * @return the tier, or empty for a level target
   */
  public Optional<AutonomyTier> targetTier() {
    return targetTier;
  }

  /**
   * How many drops it takes: 0 when already there; when out of reach, how many were simulated.
   *
   * @return the number of drops, from 0 to {@link #MAX_DROPS}
   */
  public int drops() {
    return drops;
  }

  /**
   * When the target is reached.
   *
   * @return the instant of the drop that reaches it (the start when already there), or empty when
   *     out of reach
   */
  public Optional<Instant> reachedAt() {
    return reachedAt;
  }

  /**
   * The level after the last simulated drop.
   *
   * @return the level in [0, 1]
   */
  public double finalLevel() {
    return finalLevel;
  }

  /**
   * Why the target is out of reach, in kinds and numbers.
   *
   * @return the reason, or empty when the target is reachable
   */
  public Optional<OutOfReach> outOfReach() {
    return outOfReach;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RecoveryForecast f
        && from.equals(f.from)
        && behaviour.equals(f.behaviour)
        && cadence.equals(f.cadence)
        && Double.compare(targetLevel, f.targetLevel) == 0
        && targetTier.equals(f.targetTier)
        && drops == f.drops
        && reachedAt.equals(f.reachedAt)
        && Double.compare(finalLevel, f.finalLevel) == 0
        && outOfReach.equals(f.outOfReach);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, behaviour, cadence, targetLevel, targetTier, drops, reachedAt, finalLevel, outOfReach);
  }

  @Override
  public String toString() {
    return "RecoveryForecast[behaviour=" + behaviour.id() + ", cadence=" + cadence + ", targetLevel=" + targetLevel
        + ", targetTier=" + targetTier + ", drops=" + drops + ", reachedAt=" + reachedAt + ", finalLevel="
        + finalLevel + ", outOfReach=" + outOfReach + "]";
  }
}
