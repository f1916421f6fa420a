package dev.trustbucket.account;

/**
 * Hears about the changes that matter in a {@link TrustAccount}: tier changes and breaches.
 *
 * <p>Each change is reported exactly once, on the thread that recorded the event, while the
 * account is locked, in the order the changes happened. Keep listeners short; hand slow work to
 * an executor. An exception thrown by a listener is reported to the account's error handler and
 * does not undo or block the recorded event.
 */
public interface TrustListener {
  /**
   * Called when an event moves the relationship to another autonomy tier.
   *
   * @param change what changed
   */
  default void onTierChange(TierChange change) {}

  /**
   * Called when an event is a breach.
   *
   * @param breach what happened
   */
  default void onBreach(BreachNotice breach) {}
}
