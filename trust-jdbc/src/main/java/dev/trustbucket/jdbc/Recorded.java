package dev.trustbucket.jdbc;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.account.Relationship;

/**
 * What a write did to one relationship, once it was committed.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param relationship the relationship written to
 * @param state the bucket after the relationship's last event, as committed
 * @param tierBefore the tier before this write (the start's tier for a new relationship)
 * @param recorded how many submitted events this write recorded, {@code >= 0}
 * @param duplicates how many submitted events were not recorded because the relationship already
 *     held their id (or an earlier submission of the same write did), {@code >= 0}
 * @param eventCount how many events the relationship holds now, {@code >= recorded}
 * @param retries how many times the transaction was rolled back and tried again before it
 *     committed (optimistic conflicts, deadlocks, lost connections), {@code >= 0}
 */
public record Recorded(
    Relationship relationship,
    TrustBucket state,
    AutonomyTier tierBefore,
    int recorded,
    int duplicates,
    int eventCount,
    int retries) {
  /**
   * Checks the parts.
   *
   * @param relationship the relationship written to
   * @param state the bucket after the relationship's last event
   * @param tierBefore the tier before this write
   * @param recorded how many submitted events this write recorded
   * @param duplicates how many submitted events were duplicates
   * @param eventCount how many events the relationship holds now
   * @param retries how many times the transaction was tried again
   */
  public Recorded {
    requireNonNull(relationship, "relationship");
    requireNonNull(state, "state");
    requireNonNull(tierBefore, "tierBefore");
    if (recorded < 0 || duplicates < 0 || retries < 0 || eventCount < recorded) {
      throw new IllegalArgumentException("counts must be >= 0 and eventCount >= recorded but were recorded="
          + recorded + ", duplicates=" + duplicates + ", eventCount=" + eventCount + ", retries=" + retries);
    }
  }

  /**
   * Whether this write moved the relationship to another tier.
   *
   * @return {@code true} when the tier after differs from {@link #tierBefore()}
   */
  public boolean changedTier() {
    return state.tier() != tierBefore;
  }
}
