package dev.trustbucket;

import static dev.trustbucket.InvalidTrustInputException.check;
import static java.util.Objects.requireNonNull;

import dev.trustbucket.internal.EpochMicros;
import java.time.Instant;
import java.util.Optional;

/**
 * A history moved onto another policy on purpose, and what that changed.
 *
 * <p>Stored histories replay under the policy they were kept under (see {@code
 * dev.trustbucket.io.TrustCodec}); a new preset version or a recalibrated team policy never
 * changes anyone's level by itself. Moving a ledger onto another policy is this explicit call. It
 * replays the same events, as recorded (their weights, disclosures and notes unchanged; a
 * commitment's events keep the weights the old policy gave them when they were resolved), under
 * the new rules, and reports the level and tier before and after at the last event and now.
 *
 * <p>The new ledger starts where the old one did: a ledger that began as a new relationship (the
 * old policy's {@link TrustBucket#of start}) begins at the new policy's baseline; one {@link
 * TrustBucket#of started at a known level} starts at that level; one that began from any
 * other restored state keeps its level and evidence, its scar capped at the new {@link
 * TrustPolicy#maxScar()}, and its tier if the new ladder allows it, else the tier its level earns
 * there. Rebasing onto the same policy changes nothing. Immutable.
 *
 * @param ledger the history under the new policy
 * @param from the policy it was kept under before
 * @param atLastEvent the level and tier before and after, at the last event (at the start when
 *     there is none)
 * @param now the level and tier before and after, at the instant given as now
 */
public record PolicyRebase(TrustLedger ledger, TrustPolicy from, Change atLastEvent, Change now) {

  /**
   * Validates the parts.
   *
   * @param ledger the history under the new policy
   * @param from the policy it was kept under before
   * @param atLastEvent the level and tier before and after, at the last event
   * @param now the level and tier before and after, at the instant given as now
   */
  public PolicyRebase {
    requireNonNull(ledger, "ledger");
    requireNonNull(from, "from");
    requireNonNull(atLastEvent, "atLastEvent");
    requireNonNull(now, "now");
  }

  /**
   * The level and tier of one relationship at one instant, under the old policy and the new one.
   *
   * @param at the instant
   * @param levelBefore the level under the old policy, in [0, 1]
   * @param levelAfter the level under the new policy, in [0, 1]
   * @param tierBefore the tier under the old policy
   * @param tierAfter the tier under the new policy
   */
  public record Change(
      Instant at, double levelBefore, double levelAfter, AutonomyTier tierBefore, AutonomyTier tierAfter) {

    /**
     * Validates the parts.
     *
     * @param at the instant
     * @param levelBefore the level under the old policy, in [0, 1]
     * @param levelAfter the level under the new policy, in [0, 1]
     * @param tierBefore the tier under the old policy
     * @param tierAfter the tier under the new policy
     */
    public Change {
      requireNonNull(at, "at");
      requireNonNull(tierBefore, "tierBefore");
      requireNonNull(tierAfter, "tierAfter");
    }

    /**
     * Returns whether the level or the tier differs (a level compared bit for bit).
     *
     * @return {@code true} when the rebase changed something at this instant
     */
    public boolean changed() {
      return Double.compare(levelBefore, levelAfter) != 0 || tierBefore != tierAfter;
    }

    /**
     * Returns how far the level moved: after minus before.
     *
     * @return the difference, in [-1, 1]
     */
    public double levelDelta() {
      return levelAfter - levelBefore;
    }

    static Change between(Instant at, TrustBucket before, TrustBucket after) {
      return new Change(at, before.level(), after.level(), before.tier(), after.tier());
    }
  }

  /**
   * Moves a ledger onto another policy.
   *
   * @param ledger the history, under the policy it was kept under
   * @param target the policy to move it onto
   * @param now the instant to compare at besides the last event; not before the last event
   * @return the new ledger and what changed
   * @throws InvalidTrustInputException when {@code now} is before the last event (field {@code
   *     now}), or an event's behaviour is not in {@code target}'s catalogue (field {@code
   *     behaviour}, naming the event); nothing is returned
   */
  public static PolicyRebase of(TrustLedger ledger, TrustPolicy target, Instant now) {
    requireNonNull(ledger, "ledger");
    requireNonNull(target, "target");
    requireNonNull(now, "now");
    TrustBucket last = ledger.state();
    EpochMicros.of(now, "now");
    check(!now.isBefore(last.time()), "now", "now must not be before the last event (%s) but was %s",
        last.time(), now);
    TrustLedger moved = target.equals(ledger.policy())
        ? ledger
        : TrustLedger.from(initial(ledger, target)).plusAll(ledger.events());
    Instant lastTime = last.time();
    return new PolicyRebase(moved, ledger.policy(),
        Change.between(lastTime, last, moved.state()),
        Change.between(now, ledger.stateAt(now), moved.stateAt(now)));
  }

  /** The old ledger's initial state, under the target policy. */
  private static TrustBucket initial(TrustLedger ledger, TrustPolicy target) {
    TrustBucket initial = ledger.initial();
    if (initial.equals(TrustBucket.of(ledger.policy(), initial.time()))) {
      return TrustBucket.of(target, initial.time());
    }
    if (initial.equals(TrustBucket.of(ledger.policy(), initial.time(), initial.level()))) {
      return TrustBucket.of(target, initial.time(), initial.level());
    }
    AutonomyLadder ladder = target.ladder();
    double level = initial.level();
    Optional<Instant> promoted = initial.promotedAt();
    long promotedMicros = promoted.map(p -> EpochMicros.of(p, "promotedAt")).orElse(AutonomyLadder.NO_PROMOTION);
    AutonomyTier tier = initial.tier();
    boolean allowed = !ladder.tierFor(level).isHigherThan(tier)
        && (ladder.protects(initial.timeMicros(), promotedMicros) || level >= ladder.demotionLine(tier));
    if (!allowed) {
      tier = ladder.tierFor(level);
      promoted = Optional.empty();
    }
    return TrustBucket.ofState(target, initial.time(), level, Math.min(initial.scar(), target.maxScar()), tier,
        promoted, initial.positiveEvidence(), initial.negativeEvidence());
  }

  /**
   * Returns whether the rebase changed the level or the tier at the last event or now.
   *
   * @return {@code true} when anything changed
   */
  public boolean changesAnything() {
    return atLastEvent.changed() || now.changed();
  }
}
