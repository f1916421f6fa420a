package dev.trustbucket.kafka;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;

/**
 * What the topology's store keeps for one relationship: the recent part of its history and what
 * has already been reported from it.
 *
 * <p>{@link #ledger()} starts from a checkpoint (the bucket after every older event, which the
 * store no longer keeps) and holds, in time order, the last settled events kept for explanations
 * followed by the events still within the grace period. The first {@link #settled()} events are
 * settled: no later event can be placed before them any more, and their tier changes and breaches
 * have been published. {@link #reportedTier()} is the tier last published (or the baseline's tier
 * of a new relationship). Instances are immutable and thread-safe.
 */
public final class StoredRelationship {
  private final TrustLedger ledger;
  private final int settled;
  private final AutonomyTier reportedTier;

  /**
   * Creates an entry.
   *
   * @param ledger the checkpoint and the events after it
   * @param settled how many of the ledger's first events are settled, in [0, ledger size]
   * @param reportedTier the tier last published
   * @throws IllegalArgumentException when {@code settled} is out of range
   */
  public StoredRelationship(TrustLedger ledger, int settled, AutonomyTier reportedTier) {
    this.ledger = requireNonNull(ledger, "ledger");
    this.reportedTier = requireNonNull(reportedTier, "reportedTier");
    if (settled < 0 || settled > ledger.size()) {
      throw new IllegalArgumentException(
          "settled must be in [0, " + ledger.size() + "] (the events kept) but was " + settled);
    }
    this.settled = settled;
  }

  /**
   * The checkpoint and the events kept after it.
   *
   * @return the ledger
   */
  public TrustLedger ledger() {
    return ledger;
  }

  /**
   * How many of the ledger's first events are settled and published.
   *
   * @return the count, in [0, {@code ledger().size()}]
   */
  public int settled() {
    return settled;
  }

  /**
   * The tier last published on the tier-change topic, or the starting tier.
   *
   * @return the tier
   */
  public AutonomyTier reportedTier() {
    return reportedTier;
  }

  /**
   * The relationship's bucket after every event accepted so far, settled or not.
   *
   * @return the state
   */
  public TrustBucket state() {
    return ledger.state();
  }

  /**
   * The bucket after the settled events: the state that later events can no longer change.
   *
   * @return the settled state
   */
  TrustBucket settledState() {
    if (settled == ledger.size()) {
      return ledger.state();
    }
    TrustBucket s = ledger.initial();
    for (int i = 0; i < settled; i++) {
      TrustEvent e = ledger.event(i);
      s = s.plus(e);
    }
    return s;
  }

  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object o) {
    return o instanceof StoredRelationship
        && ((StoredRelationship) o).ledger.equals(ledger)
        && ((StoredRelationship) o).settled == settled
        && ((StoredRelationship) o).reportedTier == reportedTier;
  }

  @Override
  public int hashCode() {
    return (ledger.hashCode() * 31 + settled) * 31 + reportedTier.hashCode();
  }

  @Override
  public String toString() {
    return "StoredRelationship[" + ledger.size() + " events, " + settled + " settled, reported " + reportedTier
        + ", " + ledger.state() + "]";
  }
}
