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
import java.util.Locale;
import java.util.Optional;

/**
 * How many drops of one behaviour, at a steady cadence, bring the bucket to a target level or
 * tier, and when; or why they never will.
 *
 * <p>The forecast simulates the drops under the bucket's policy, decay and scars included, for
 * at most {@link #HORIZON} (or {@link #MAX_DROPS} drops), and never past the end of the supported
 * range of instants (the year 290,000), which a state near it reaches first. A target can be out of reach for two
 * reasons, which {@link #reason()} names: a scar keeps the ceiling below it, or at this cadence
 * decay takes back what the drops add before the level gets there. With a cadence under about 53
 * minutes the drop limit comes before the horizon, so the forecast looks less far ahead, and a
 * scar's reason says how far.
 *
 * @param from the bucket the forecast starts from
 * @param behaviour the drop repeated
 * @param cadence the time between two drops
 * @param targetLevel the level to reach (for a tier target, the tier's threshold)
 * @param targetTier the tier to reach, if the target is a tier
 * @param drops how many drops it takes (0 when already there); meaningless when unreachable
 * @param reachedAt when the target is reached, if it is within the horizon
 * @param finalLevel the level after the last simulated drop
 * @param reason why the target is out of reach; empty when reachable
 */
public record RecoveryForecast(
    TrustBucket from,
    Behaviour behaviour,
    Duration cadence,
    double targetLevel,
    Optional<AutonomyTier> targetTier,
    int drops,
    Optional<Instant> reachedAt,
    double finalLevel,
    Optional<String> reason) {

  /** The longest the simulation looks ahead: ten years. */
  public static final Duration HORIZON = Duration.ofDays(3_653);

  /** The most drops the simulation tries. */
  public static final int MAX_DROPS = 100_000;

  /**
   * Checks that no part is null.
   *
   * @param from the bucket the forecast starts from
   * @param behaviour the drop repeated
   * @param cadence the time between two drops
   * @param targetLevel the level to reach (for a tier target, the tier's threshold)
   * @param targetTier the tier to reach, if the target is a tier
   * @param drops how many drops it takes (0 when already there); meaningless when unreachable
   * @param reachedAt when the target is reached, if it is within the horizon
   * @param finalLevel the level after the last simulated drop
   * @param reason why the target is out of reach; empty when reachable
   */
  public RecoveryForecast {
    requireNonNull(from, "from");
    requireNonNull(behaviour, "behaviour");
    requireNonNull(cadence, "cadence");
    requireNonNull(targetTier, "targetTier");
    requireNonNull(reachedAt, "reachedAt");
    requireNonNull(reason, "reason");
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
  public static RecoveryForecast toLevel(
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
  public static RecoveryForecast toTier(
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
  public static Optional<RecoveryForecast> backToBeforeLastBreach(
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
        : Optional.of(toLevel(ledger.state(), drop, cadence, last.levelBefore()));
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
    String span = drops == MAX_DROPS
        ? String.format(Locale.ROOT, "for all %,d drops simulated (%d days)",
            MAX_DROPS, Duration.between(from.time(), t).toDays())
        : rangeEnds
            ? String.format(Locale.ROOT, "for the %d days left before the end of the supported range, %s",
                Duration.between(from.time(), end).toDays(), EpochMicros.MAX)
            : String.format(Locale.ROOT, "for longer than %d years", HORIZON.toDays() / 365);
    String why =
        target > b.ceiling()
            ? String.format(Locale.ROOT,
                "a scar keeps the ceiling at %.2f, below the target %.2f, %s", b.ceiling(), target, span)
            : String.format(Locale.ROOT,
                "at one \"%s\" every %s the level levels off near %.2f, below the target %.2f: "
                    + "decay takes back what the drops add",
                drop.id(), describe(cadence), b.level(), target);
    return new RecoveryForecast(from, drop, cadence, target, tier, drops, Optional.empty(), b.level(),
        Optional.of(why));
  }

  private static boolean reached(TrustBucket b, double target, Optional<AutonomyTier> tier) {
    return tier.isPresent() ? b.tier().compareTo(tier.get()) >= 0 : b.level() >= target;
  }

  private static String describe(Duration d) {
    if (d.toDays() >= 1 && d.toHours() % 24 == 0) {
      return d.toDays() == 1 ? "day" : d.toDays() + " days";
    }
    return d.toString();
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
}
