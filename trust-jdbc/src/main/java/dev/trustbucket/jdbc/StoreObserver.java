package dev.trustbucket.jdbc;

import dev.trustbucket.account.BreachNotice;
import dev.trustbucket.account.TierChange;

/**
 * Hears what a {@link TrustStore} wrote, for metrics and alerts.
 *
 * <p>Calls come after the transaction committed, on the writing thread, in the order the events
 * were recorded: a write that rolled back is reported only through {@link #onWrite} with its
 * failure, never as recorded events. Every notice carries what a low-cardinality metric needs
 * (the behaviour's dimension and direction, tiers, the write mode, time taken, retries); the
 * relationship is there for alerts, not for metric tags. An exception thrown by an observer is
 * logged and does not undo or fail the write. Keep observers short.
 */
public interface StoreObserver {
  /** An observer that ignores everything. */
  StoreObserver NONE = new StoreObserver() {};

  /**
   * Called once for every event a write recorded (never for duplicates).
   *
   * @param event the event, its relationship and the state after it
   */
  default void onEventRecorded(StoredEvent event) {}

  /**
   * Called when a recorded event is a breach, after {@link #onEventRecorded}.
   *
   * @param breach what happened
   */
  default void onBreach(BreachNotice breach) {}

  /**
   * Called when a recorded event moved the relationship to another tier, after {@link
   * #onEventRecorded}.
   *
   * @param change what changed
   */
  default void onTierChange(TierChange change) {}

  /**
   * Called once per write call, after it committed or finally failed.
   *
   * @param report what the write did, how long it took and how often it was retried
   */
  default void onWrite(WriteReport report) {}
}
