package dev.trustbucket.account;

/**
 * Hears about the changes that matter in a {@link TrustAccount}: tier changes and breaches.
 *
 * <p><b>When and where.</b> Each change is reported exactly once to every listener registered
 * when its event was recorded, in the order the events were recorded, and <em>after</em> the
 * account's lock is released, so that a listener may read or record into any account without a
 * deadlock (two accounts whose listeners record into each other on two threads included). At most
 * one thread delivers an account's notices at a time: usually the thread that recorded the event,
 * before {@code record} returns; when another thread is delivering this account's notices at that
 * moment, that thread delivers them after its own, and {@code record} may return first. Keep
 * listeners short; hand slow work to an executor.
 *
 * <p><b>Re-entry.</b> A listener that records into the account it is hearing from does not
 * recurse: the nested call records its event and returns its state at once, and its notices are
 * delivered after the one being delivered, once every listener has heard that one. Recording into
 * another account works as from any thread.
 *
 * <p><b>Failures.</b> Whatever a listener throws, {@link Error}s such as {@link AssertionError}
 * included, undoes nothing and stops nothing: the event stays recorded, {@code record} and {@code
 * recordAll} return normally, every other listener and the same listener's other callback still
 * hear their notices, and later events work. The throwable goes to the account's error handler
 * ({@link TrustAccount#of(Relationship, dev.trustbucket.TrustLedger, java.util.function.Consumer)}),
 * an {@code Error} wrapped in a {@link ListenerFailureException}; if the handler throws too, that
 * is logged at WARNING and goes no further. The one exception is a {@link VirtualMachineError}
 * (out of memory, stack overflow): it leaves {@code record} at once, the event stays recorded,
 * the listeners after the failing one miss that one notice, and the notices of later events are
 * delivered by the account's next {@code record} call.
 *
 * <p>Code the model itself calls (a custom {@link dev.trustbucket.decay.DecayRule}) is different:
 * whatever it throws leaves {@code record} as thrown, nothing is recorded and nobody hears
 * anything.
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
