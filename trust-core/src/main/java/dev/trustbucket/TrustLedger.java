package dev.trustbucket;

import static dev.trustbucket.InvalidTrustInputException.check;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.history.LedgerStep;
import dev.trustbucket.history.Sampling;
import dev.trustbucket.history.TimelinePoint;
import dev.trustbucket.internal.EpochMicros;
import dev.trustbucket.internal.LedgerSteps;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The append-only history of one relationship under one policy: every event since the
 * relationship started, and the bucket they produce.
 *
 * <p>A ledger answers the questions a review tool asks about the past:
 *
 * <ul>
 *   <li>{@link #state()}: the bucket after the last event, kept up to date on every append;
 *   <li>{@link #stateAt(Instant)}, {@link #levelAt(Instant)}, {@link #tierAt(Instant)}: the
 *       bucket as it was at any instant since the start, in {@code O(log n)} time: a binary search
 *       and a replay of at most 64 events from the nearest checkpoint;
 *   <li>{@link #steps()}: what each event did, for explanations;
 *   <li>{@link #timeline}: the level and tier sampled every event, day or week, for charts;
 *   <li>{@link #replay()}: the final state recomputed from the start, without allocating per
 *       event; it equals {@link #state()} bit for bit.
 * </ul>
 *
 * <p>{@link #plus(TrustEvent)} returns a new ledger and leaves this one as it was. Events are
 * stored in primitive columns, in chunks of 1,024 events: 36 bytes per event, with the level's
 * and the scar's decay factors over the gap before each event computed once on append, so a
 * replay never calls a decay rule. Notes and concealment delays are kept aside for the few
 * events that have them; spare capacity is at most one chunk. Appending to the newest ledger of
 * a chain writes in place, so building a ledger of {@code n} events one by one costs {@code
 * O(n)}; appending to an older ledger (a fork) copies at most one chunk of events, plus the list
 * of chunks and the notes and delays kept aside. Instances are immutable and thread-safe.
 */
public final class TrustLedger {
  /**
   * How many events lie between two stored checkpoints (the class comment quotes it). Package-private:
   * a storage detail, not API (docs/compatibility.md, "The public API").
   */
  static final int CHECKPOINT_INTERVAL = 64;

  /** The most samples a periodic {@linkplain #timeline timeline} takes: 100,000. */
  public static final int MAX_TIMELINE_POINTS = 100_000;

  private final TrustPolicy policy;
  private final TrustBucket initial;
  private final TrustBucket state;
  private final EventColumns events;

  private TrustLedger(
      TrustPolicy policy, TrustBucket initial, TrustBucket state, EventColumns events) {
    this.policy = policy;
    this.initial = initial;
    this.state = state;
    this.events = events;
  }

  /**
   * Returns an empty ledger for a relationship that starts at {@code start}, at the policy's
   * baseline.
   *
   * @param policy the rules every event is applied under
   * @param start when the relationship started
   * @return the empty ledger
   */
  public static TrustLedger of(TrustPolicy policy, Instant start) {
    return from(TrustBucket.of(policy, start));
  }

  /**
   * Returns an empty ledger whose history begins with a given bucket, e.g. one {@linkplain
   * TrustBucket#of started at a known level} or restored from storage.
   *
   * @param initial the state before the first event
   * @return the empty ledger
   */
  public static TrustLedger from(TrustBucket initial) {
    requireNonNull(initial, "initial");
    return new TrustLedger(initial.policy(), initial, initial, EventColumns.empty());
  }

  /**
   * Returns this ledger with {@code event} appended. This instance is immutable and unaffected by
   * this method call.
   *
   * @param event the next event; not earlier than the last one, nor than the start
   * @return the longer ledger
   * @throws InvalidTrustInputException when the event is out of time order or its behaviour is
   *     not in the policy's catalogue
   */
  public TrustLedger plus(TrustEvent event) {
    requireNonNull(event, "event");
    int behaviour = policy.catalogue().indexOf(event.behaviour());
    long at = EpochMicros.of(event.time(), "time");
    state.checkNotBefore(at, "time", event.time());
    // Computed once and stored (a drain's multiplier is the very value the policy tabulates, kept
    // aside only for a discovery), then fed to the one update step: a replay from the columns
    // runs the same step on the same numbers and reproduces the new state bit for bit.
    Dynamics dynamics = policy.dynamics();
    long elapsed = EpochMicros.elapsed(state.timeMicros(), at);
    double kept = dynamics.kept(elapsed);
    double scarKept = dynamics.scarKept(elapsed);
    double multiplier = dynamics.multiplier(event, behaviour);
    boolean breach = policy.isBreach(event);
    TrustBucket next = state.step(at, kept, scarKept, event, multiplier, breach);
    EventColumns longer =
        events.append(
            at,
            event.weight(),
            multiplier,
            kept,
            scarKept,
            behaviour,
            event.isDrop(),
            breach,
            event.disclosure(),
            event.note(),
            next);
    return new TrustLedger(policy, initial, next, longer);
  }

  /**
   * Returns this ledger with every event appended, or throws and appends none.
   *
   * @param events events in time order
   * @return the longer ledger
   * @throws InvalidTrustInputException when any event is invalid; the message says which
   *     (counting from 1) and nothing is appended
   */
  public TrustLedger plusAll(Iterable<TrustEvent> events) {
    requireNonNull(events, "events");
    TrustLedger ledger = this;
    int i = 0;
    for (TrustEvent e : events) {
      i++;
      try {
        ledger = ledger.plus(requireNonNull(e, "event"));
      } catch (InvalidTrustInputException ex) {
        throw new InvalidTrustInputException(
            ex.field(), "event " + i + ": " + ex.getMessage() + "; nothing was appended", ex);
      }
    }
    return ledger;
  }

  /**
   * The rules every event of this ledger is applied under.
   *
   * @return the policy
   */
  public TrustPolicy policy() {
    return policy;
  }

  /**
   * The state before the first event.
   *
   * @return the initial bucket
   */
  public TrustBucket initial() {
    return initial;
  }

  /**
   * When the relationship's history begins.
   *
   * @return the start instant
   */
  public Instant start() {
    return initial.time();
  }

  /**
   * The bucket after the last event (or the initial bucket for an empty ledger).
   *
   * @return the current state
   */
  public TrustBucket state() {
    return state;
  }

  /**
   * The number of events.
   *
   * @return the size, {@code >= 0}
   */
  public int size() {
    return events.size();
  }

  /**
   * Returns whether the ledger holds no events.
   *
   * @return {@code true} when empty
   */
  public boolean isEmpty() {
    return events.size() == 0;
  }

  /**
   * Returns the event at a position.
   *
   * @param index from 0 to {@code size() - 1}
   * @return the event, rebuilt from storage (equal to the one appended, time at microsecond
   *     precision)
   * @throws IndexOutOfBoundsException when {@code index} is out of range
   */
  public TrustEvent event(int index) {
    java.util.Objects.checkIndex(index, events.size());
    Behaviour behaviour = policy.catalogue().get(events.behaviour(index));
    Disclosure.Kind kind = events.disclosureKind(index);
    Disclosure disclosure =
        kind == Disclosure.Kind.DISCOVERED
            ? Disclosure.discovered(requireNonNull(events.delay(index), "delay"))
            : kind == Disclosure.Kind.SELF_REPORTED ? Disclosure.selfReported() : Disclosure.notRecorded();
    return new TrustEvent(
        behaviour,
        EpochMicros.toInstant(events.time(index)),
        events.weight(index),
        disclosure,
        events.note(index));
  }

  /**
   * The events, oldest first, as an unmodifiable view that rebuilds each event on access.
   *
   * @return the events
   */
  public List<TrustEvent> events() {
    return new AbstractList<>() {
      @Override
      public TrustEvent get(int index) {
        return event(index);
      }

      @Override
      public int size() {
        return events.size();
      }
    };
  }

  /**
   * Recomputes the final state from the initial one, event by event, without allocating per
   * event. The result equals {@link #state()} bit for bit; this method exists to prove it and to
   * measure the cost of a replay.
   *
   * @return the state after the last event
   */
  public TrustBucket replay() {
    BucketMachine machine = new BucketMachine(policy).load(initial);
    events.replay(machine, 0, events.size());
    return machine.toBucket();
  }

  /**
   * Returns the bucket as it was at {@code time}: after every event at or before it, decayed to
   * it. For instants after the last event this is {@code state().at(time)}.
   *
   * @param time an instant not before {@link #start()}
   * @return the bucket then
   * @throws InvalidTrustInputException when {@code time} is before the start
   */
  public TrustBucket stateAt(Instant time) {
    long at = EpochMicros.of(requireNonNull(time, "time"), "time");
    check(at >= initial.timeMicros(), "time",
        "time must not be before the ledger's start %s but was %s", initial.time(), time);
    int count = events.countUpTo(at);
    if (count == events.size()) {
      return state.at(time);
    }
    int k = count / CHECKPOINT_INTERVAL;
    BucketMachine machine = new BucketMachine(policy).load(k == 0 ? initial : events.checkpoint(k));
    events.replay(machine, k * CHECKPOINT_INTERVAL, count);
    machine.advance(at);
    return machine.toBucket();
  }

  /**
   * Returns the level at {@code time}; see {@link #stateAt(Instant)}.
   *
   * @param time an instant not before {@link #start()}
   * @return the level then, in [0, 1]
   */
  public double levelAt(Instant time) {
    return stateAt(time).level();
  }

  /**
   * Returns the tier at {@code time}; see {@link #stateAt(Instant)}.
   *
   * @param time an instant not before {@link #start()}
   * @return the tier then
   */
  public AutonomyTier tierAt(Instant time) {
    return stateAt(time).tier();
  }

  /**
   * Returns what each event did, oldest first.
   *
   * @return one step per event
   */
  public ImmutableList<LedgerStep> steps() {
    int size = events.size();
    ImmutableList.Builder<LedgerStep> out = ImmutableList.builderWithExpectedSize(size);
    LedgerSteps.Access steps = LedgerSteps.access();
    BucketMachine machine = new BucketMachine(policy).load(initial);
    for (int i = 0; i < size; i++) {
      double start = machine.level;
      events.advanceTo(machine, i); // by the stored factors; the replay below then applies the event alone
      double before = machine.level;
      double scarBefore = machine.scar;
      AutonomyTier tierBefore = machine.tier;
      events.replay(machine, i, i + 1);
      out.add(
          steps.create(
              i,
              event(i),
              start,
              events.kept(i),
              events.scarKept(i),
              before,
              machine.level,
              scarBefore,
              machine.scar,
              tierBefore,
              machine.tier,
              events.isBreach(i)));
    }
    return out.build();
  }

  /**
   * Samples the level, tier and scar from the start until {@code end}, for charts.
   *
   * <p>The number of samples is bounded: sampling after every event takes at most one more sample
   * than there are events up to {@code end}, plus one at {@code end}; periodic sampling takes one
   * at the start, one every period and one at {@code end}, at most {@value #MAX_TIMELINE_POINTS}
   * in all. A period and a span that would take more (every second for a year, every day for
   * 300 years) are rejected before any work is done.
   *
   * @param sampling after every event, or at a fixed period from the start
   * @param end the last instant to sample, not before the start; periodic sampling also samples
   *     {@code end} itself
   * @return the samples, in time order
   * @throws InvalidTrustInputException when {@code end} is before the start ({@code end}), or a
   *     periodic sampling would take more than {@value #MAX_TIMELINE_POINTS} samples ({@code
   *     sampling})
   */
  public ImmutableList<TimelinePoint> timeline(Sampling sampling, Instant end) {
    requireNonNull(sampling, "sampling");
    long until = EpochMicros.of(requireNonNull(end, "end"), "end");
    check(until >= initial.timeMicros(), "end",
        "end must not be before the ledger's start %s but was %s", initial.time(), end);
    List<TimelinePoint> points = new ArrayList<>();
    BucketMachine machine = new BucketMachine(policy).load(initial);
    BucketMachine probe = new BucketMachine(policy);
    if (sampling.period().isEmpty()) {
      points.add(point(machine, 0));
      int i = 0;
      int size = events.size();
      while (i < size && events.time(i) <= until) {
        int j = i;
        while (j < size && events.time(j) == events.time(i)) {
          j++;
        }
        events.replay(machine, i, j);
        points.add(point(machine, j));
        i = j;
      }
      if (machine.timeMicros < until) {
        probe.copyFrom(machine);
        probe.advance(until);
        points.add(point(probe, i));
      }
    } else {
      // The supported range spans ~580,000 years: more microseconds than a signed long holds. So
      // the period and the distance left, until - t (never negative), are unsigned longs. A
      // period too long even for that (over ~585,000 years) saturates to 2^64 - 1, which is
      // longer than any span. While until - t > period, t + period is below until: the addition
      // wraps back into range exactly.
      long seconds = sampling.period().get().toSeconds();
      long period =
          Long.compareUnsigned(seconds, Long.divideUnsigned(-1L, 1_000_000L)) <= 0 ? seconds * 1_000_000L : -1L;
      long span = until - initial.timeMicros();
      long samples = Long.divideUnsigned(span, period) + (Long.remainderUnsigned(span, period) == 0 ? 1 : 2);
      check(Long.compareUnsigned(samples, MAX_TIMELINE_POINTS) <= 0, "sampling",
          "sampling %s from %s to %s would take %s samples but a timeline holds at most %,d:"
              + " sample less often or end sooner",
          sampling, initial.time(), end, Long.toUnsignedString(samples), MAX_TIMELINE_POINTS);
      int i = 0;
      for (long t = initial.timeMicros(); ; t = Long.compareUnsigned(until - t, period) <= 0 ? until : t + period) {
        int j = events.countUpTo(t);
        events.replay(machine, i, j);
        i = j;
        probe.copyFrom(machine);
        probe.advance(t);
        points.add(point(probe, j));
        if (t == until) {
          break;
        }
      }
    }
    return ImmutableList.copyOf(points);
  }

  private static TimelinePoint point(BucketMachine m, int events) {
    return new TimelinePoint(EpochMicros.toInstant(m.timeMicros), m.level, m.tier, m.scar, events);
  }

  /**
   * Two ledgers are equal when they hold equal events from equal initial states under equal
   * policies.
   */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TrustLedger)) {
      return false;
    }
    TrustLedger l = (TrustLedger) o;
    return initial.equals(l.initial) && events.sameEvents(l.events);
  }

  @Override
  public int hashCode() {
    return 31 * initial.hashCode() + state.hashCode();
  }

  @Override
  public String toString() {
    return "TrustLedger[events=" + events.size() + ", start=" + start() + ", state=" + state + "]";
  }
}
