package dev.trustbucket.account;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one mutable thing in the library: the live history of one relationship, shared by the
 * threads of an application.
 *
 * <p>{@link #record(TrustEvent)} appends under a lock, so concurrent calls never lose an event
 * and never expose a half-applied state; readers ({@link #ledger()}, {@link #state()}) see an
 * immutable snapshot without locking. The ledger's rules hold as they do for a single thread:
 * an event earlier than the last recorded one is rejected and changes nothing.
 *
 * <p>{@linkplain TrustListener Listeners} hear about tier changes and breaches once each, in
 * order. This class is thread-safe.
 */
public final class TrustAccount {
  private static final System.Logger LOG = System.getLogger(TrustAccount.class.getName());
  /** What accounts do with listener failures unless told otherwise: log them at WARNING. */
  static final Consumer<RuntimeException> LOG_LISTENER_ERRORS =
      e -> LOG.log(System.Logger.Level.WARNING, "trust listener failed", e);

  private final Relationship relationship;
  private final Object lock = new Object();
  private final List<TrustListener> listeners = new CopyOnWriteArrayList<>();
  private final Consumer<RuntimeException> listenerErrors;
  private volatile TrustLedger ledger;

  private TrustAccount(Relationship relationship, TrustLedger ledger, Consumer<RuntimeException> listenerErrors) {
    this.relationship = requireNonNull(relationship, "relationship");
    this.ledger = requireNonNull(ledger, "ledger");
    this.listenerErrors = requireNonNull(listenerErrors, "listenerErrors");
  }

  /**
   * Opens an account for a new relationship, starting at the policy's baseline.
   *
   * @param relationship who trusts whom
   * @param policy the rules
   * @param start when the relationship started
   * @return the account
   */
  public static TrustAccount open(Relationship relationship, TrustPolicy policy, Instant start) {
    return of(relationship, TrustLedger.start(policy, start));
  }

  /**
   * Opens an account on an existing history, e.g. one read back from storage. Listener failures
   * are logged through {@link System.Logger} at WARNING.
   *
   * @param relationship who trusts whom
   * @param ledger the history so far
   * @return the account
   */
  public static TrustAccount of(Relationship relationship, TrustLedger ledger) {
    return of(relationship, ledger, LOG_LISTENER_ERRORS);
  }

  /**
   * Opens an account on an existing history, with a handler for listener failures.
   *
   * @param relationship who trusts whom
   * @param ledger the history so far
   * @param listenerErrors receives every exception a listener throws
   * @return the account
   */
  public static TrustAccount of(
      Relationship relationship, TrustLedger ledger, Consumer<RuntimeException> listenerErrors) {
    return new TrustAccount(relationship, ledger, listenerErrors);
  }

  /**
   * Records one event and returns the new state.
   *
   * @param event the event; not earlier than the last recorded one
   * @return the bucket after the event
   * @throws InvalidTrustInputException when the event is out of time order or unknown to the
   *     policy; nothing is recorded
   */
  public TrustBucket record(TrustEvent event) {
    requireNonNull(event, "event");
    synchronized (lock) {
      TrustLedger before = ledger;
      TrustLedger after = before.append(event);
      ledger = after;
      notifyChange(before.state(), after.state(), event);
      return after.state();
    }
  }

  /**
   * Records several events atomically: all of them, or none.
   *
   * @param events events in time order
   * @return the bucket after the last one
   * @throws InvalidTrustInputException when any event is invalid; nothing is recorded
   */
  public TrustBucket recordAll(Iterable<TrustEvent> events) {
    requireNonNull(events, "events");
    synchronized (lock) {
      TrustLedger before = ledger;
      TrustLedger after = before.appendAll(events);
      ledger = after;
      TrustBucket previous = before.state();
      // Listeners need each intermediate state; without listeners there is nothing to replay.
      for (int i = before.size(); !listeners.isEmpty() && i < after.size(); i++) {
        TrustEvent event = after.event(i);
        TrustBucket next = previous.apply(event);
        notifyChange(previous, next, event);
        previous = next;
      }
      return after.state();
    }
  }

  private void notifyChange(TrustBucket previous, TrustBucket next, TrustEvent event) {
    if (listeners.isEmpty()) {
      return;
    }
    boolean breach = next.policy().isBreach(event);
    boolean tierChanged = next.tier() != previous.tier();
    if (!breach && !tierChanged) {
      return;
    }
    TrustBucket before = previous.advanceTo(event.time());
    for (TrustListener l : listeners) {
      // One try per notice: a listener whose onBreach throws must still hear the tier change.
      if (breach) {
        try {
          l.onBreach(new BreachNotice(relationship, event, before, next));
        } catch (RuntimeException e) {
          listenerErrors.accept(e);
        }
      }
      if (tierChanged) {
        try {
          l.onTierChange(new TierChange(relationship, event, previous.tier(), next.tier(), next));
        } catch (RuntimeException e) {
          listenerErrors.accept(e);
        }
      }
    }
  }

  /**
   * Adds a listener.
   *
   * @param listener hears about tier changes and breaches from now on
   */
  public void addListener(TrustListener listener) {
    listeners.add(requireNonNull(listener, "listener"));
  }

  /**
   * Removes a listener.
   *
   * @param listener a listener added before
   * @return whether it was present
   */
  public boolean removeListener(TrustListener listener) {
    return listeners.remove(listener);
  }

  /**
   * Who trusts whom.
   *
   * @return the relationship
   */
  public Relationship relationship() {
    return relationship;
  }

  /**
   * An immutable snapshot of the history as of now.
   *
   * @return the ledger
   */
  public TrustLedger ledger() {
    return ledger;
  }

  /**
   * The bucket after the last recorded event.
   *
   * @return the current state
   */
  public TrustBucket state() {
    return ledger.state();
  }

  /**
   * The bucket at an instant; see {@link TrustLedger#stateAt(Instant)}.
   *
   * @param time an instant not before the start
   * @return the bucket then
   */
  public TrustBucket stateAt(Instant time) {
    return ledger.stateAt(time);
  }

  @Override
  public String toString() {
    return "TrustAccount[" + relationship + ", " + ledger.state() + "]";
  }
}
