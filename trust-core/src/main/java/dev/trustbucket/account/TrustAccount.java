package dev.trustbucket.account;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

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
 * order, after the lock is released: a listener may record into this account or any other
 * without deadlock. {@link TrustListener} says what happens when one throws, an {@link Error}
 * included. This class is thread-safe.
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
  /** Notices waiting for delivery, in the ledger's order (queued under {@link #lock}). */
  private final Queue<Notices> pending = new ConcurrentLinkedQueue<>();
  /** Whether a thread is delivering notices; at most one does at a time. */
  private final AtomicBoolean delivering = new AtomicBoolean();
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
  public static TrustAccount of(Relationship relationship, TrustPolicy policy, Instant start) {
    return of(relationship, TrustLedger.of(policy, start));
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
   * @param listenerErrors receives every exception a listener throws: a {@link RuntimeException}
   *     as thrown, an {@link Error} (other than a {@link VirtualMachineError}) or a checked
   *     exception wrapped in a {@link ListenerFailureException}; what it throws in turn is logged
   *     through {@link System.Logger} at WARNING and goes no further
   * @return the account
   */
  public static TrustAccount of(
      Relationship relationship, TrustLedger ledger, Consumer<RuntimeException> listenerErrors) {
    return new TrustAccount(relationship, ledger, listenerErrors);
  }

  /**
   * Records one event and returns the new state.
   *
   * <p>The event is appended under the account's lock; the notices it causes are delivered to the
   * listeners after the lock is released (see {@link TrustListener}). Nothing a listener or the
   * error handler throws reaches the caller: the result is the state the event was recorded in.
   *
   * @param event the event; not earlier than the last recorded one
   * @return the bucket after the event
   * @throws InvalidTrustInputException when the event is out of time order or unknown to the
   *     policy; nothing is recorded
   */
  public TrustBucket record(TrustEvent event) {
    requireNonNull(event, "event");
    TrustBucket result;
    synchronized (lock) {
      TrustLedger before = ledger;
      TrustLedger after = before.plus(event);
      ledger = after;
      queueNotices(before.state(), after.state(), event);
      result = after.state();
    }
    deliverNotices();
    return result;
  }

  /**
   * Records several events atomically: all of them, or none.
   *
   * <p>Listeners hear the notices of every event, in order, after the lock is released, as for
   * {@link #record(TrustEvent)}.
   *
   * @param events events in time order
   * @return the bucket after the last one
   * @throws InvalidTrustInputException when any event is invalid; nothing is recorded
   */
  public TrustBucket recordAll(Iterable<TrustEvent> events) {
    requireNonNull(events, "events");
    TrustBucket result;
    synchronized (lock) {
      TrustLedger before = ledger;
      TrustLedger after = before.plusAll(events);
      ledger = after;
      TrustBucket previous = before.state();
      // Listeners need each intermediate state; without listeners there is nothing to replay.
      for (int i = before.size(); !listeners.isEmpty() && i < after.size(); i++) {
        TrustEvent event = after.event(i);
        TrustBucket next = previous.plus(event);
        queueNotices(previous, next, event);
        previous = next;
      }
      result = after.state();
    }
    deliverNotices();
    return result;
  }

  /** Queues the notices of one event, under the lock, so that the queue's order is the ledger's. */
  private void queueNotices(TrustBucket previous, TrustBucket next, TrustEvent event) {
    if (listeners.isEmpty()) {
      return;
    }
    boolean breach = next.policy().isBreach(event);
    boolean tierChanged = next.tier() != previous.tier();
    if (!breach && !tierChanged) {
      return;
    }
    List<TrustListener> to = List.copyOf(listeners);
    BreachNotice breachNotice = breach
        ? new BreachNotice(relationship, event, previous.at(event.time()), next) : null;
    TierChange change = tierChanged
        ? new TierChange(relationship, event, previous.tier(), next.tier(), next) : null;
    pending.add(new Notices(to, breachNotice, change));
  }

  /**
   * Delivers the queued notices unless another thread is delivering them, in which case that
   * thread delivers ours too before it stops. At most one thread delivers at a time, so listeners
   * hear the notices one at a time and in the ledger's order.
   */
  private void deliverNotices() {
    while (!pending.isEmpty() && delivering.compareAndSet(false, true)) {
      try {
        Notices n;
        while ((n = pending.poll()) != null) {
          n.deliver(this);
        }
      } finally {
        delivering.set(false);
      }
      // A notice queued after our last poll, by a thread that found us delivering, is ours to
      // deliver: the loop condition sees it.
    }
  }

  /** The notices of one event, and the listeners registered when it was recorded. */
  private record Notices(List<TrustListener> listeners, @Nullable BreachNotice breach, @Nullable TierChange change) {
    void deliver(TrustAccount account) {
      for (TrustListener l : listeners) {
        // One try per notice: a listener whose onBreach throws must still hear the tier change.
        BreachNotice b = breach;
        if (b != null) {
          try {
            l.onBreach(b);
          } catch (Throwable t) {
            account.listenerFailed(t);
          }
        }
        TierChange c = change;
        if (c != null) {
          try {
            l.onTierChange(c);
          } catch (Throwable t) {
            account.listenerFailed(t);
          }
        }
      }
    }
  }

  /**
   * Hands what a listener threw to the error handler: a {@link RuntimeException} as it is, an
   * {@link Error} or checked exception wrapped in a {@link ListenerFailureException}. A {@link
   * VirtualMachineError} (out of memory, stack overflow) is rethrown: the JVM may not be able to
   * go on. Whatever the handler throws in turn is logged and goes no further.
   */
  private void listenerFailed(Throwable t) {
    if (t instanceof VirtualMachineError) {
      throw (VirtualMachineError) t;
    }
    RuntimeException e = t instanceof RuntimeException ? (RuntimeException) t : new ListenerFailureException(t);
    try {
      listenerErrors.accept(e);
    } catch (Throwable handlerFailure) {
      if (handlerFailure instanceof VirtualMachineError) {
        throw (VirtualMachineError) handlerFailure;
      }
      if (handlerFailure != e) {
        handlerFailure.addSuppressed(e);
      }
      LOG.log(System.Logger.Level.WARNING, "the listener error handler of " + relationship + " failed", handlerFailure);
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
