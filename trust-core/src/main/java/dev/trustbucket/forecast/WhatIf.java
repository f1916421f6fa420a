package dev.trustbucket.forecast;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.Disclosure;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The same history with one event changed, and the difference it makes at an instant: the lesson
 * of the essay in one number.
 *
 * <pre>{@code
 * WhatIf lesson = WhatIf.ofSelfReport(ledger, hiddenBugIndex, today);
 * lesson.difference();   // how much higher the level would be had the bug been reported early
 * }</pre>
 *
 * <p>Only the factories create comparisons, so both buckets always come from the ledger they name.
 * Instances are immutable and thread-safe.
 */
public final class WhatIf {
  private final Instant at;
  private final TrustEvent original;
  private final Optional<TrustEvent> replacement;
  private final TrustBucket actual;
  private final TrustBucket alternative;

  private WhatIf(
      Instant at,
      TrustEvent original,
      Optional<TrustEvent> replacement,
      TrustBucket actual,
      TrustBucket alternative) {
    this.at = at;
    this.original = original;
    this.replacement = replacement;
    this.actual = actual;
    this.alternative = alternative;
  }

  /**
   * Replays the ledger with the event at {@code index} replaced.
   *
   * @param ledger the history
   * @param index the event to replace, from 0
   * @param replacement what happens instead; its time must keep the ledger in time order
   * @param at the instant to compare, not before the ledger's start
   * @return the comparison
   * @throws dev.trustbucket.InvalidTrustInputException when the replacement breaks the time
   *     order or is otherwise invalid
   * @throws IndexOutOfBoundsException when {@code index} is out of range
   */
  public static WhatIf ofReplacement(TrustLedger ledger, int index, TrustEvent replacement, Instant at) {
    requireNonNull(replacement, "replacement");
    return compare(ledger, index, Optional.of(replacement), at);
  }

  /**
   * Replays the ledger without the event at {@code index}.
   *
   * @param ledger the history
   * @param index the event to remove, from 0
   * @param at the instant to compare
   * @return the comparison
   */
  public static WhatIf ofRemoval(TrustLedger ledger, int index, Instant at) {
    return compare(ledger, index, Optional.empty(), at);
  }

  /**
   * Replays the ledger as if the drain at {@code index} had been reported by the person, early,
   * instead of the way it surfaced.
   *
   * @param ledger the history
   * @param index a drain's position, from 0
   * @param at the instant to compare
   * @return the comparison
   * @throws dev.trustbucket.InvalidTrustInputException when the event is a drop
   */
  public static WhatIf ofSelfReport(TrustLedger ledger, int index, Instant at) {
    requireNonNull(ledger, "ledger");
    return ofReplacement(ledger, index, ledger.event(index).withDisclosure(Disclosure.selfReported()), at);
  }

  private static WhatIf compare(
      TrustLedger ledger, int index, Optional<TrustEvent> replacement, Instant at) {
    requireNonNull(ledger, "ledger");
    requireNonNull(at, "at");
    TrustEvent original = ledger.event(index);
    List<TrustEvent> events = new ArrayList<>(ledger.events());
    if (replacement.isPresent()) {
      events.set(index, replacement.get());
    } else {
      events.remove(index);
    }
    TrustLedger changed = TrustLedger.from(ledger.initial()).plusAll(events);
    return new WhatIf(at, original, replacement, ledger.stateAt(at), changed.stateAt(at));
  }

  /**
   * How much higher (positive) or lower (negative) the level would be with the change.
   *
   * @return {@code alternative.level() - actual.level()}
   */
  public double difference() {
    return alternative.level() - actual.level();
  }

  /**
   * The instant compared.
   *
   * @return the instant
   */
  public Instant at() {
    return at;
  }

  /**
   * The event as it happened.
   *
   * @return the original event
   */
  public TrustEvent original() {
    return original;
  }

  /**
   * The event instead.
   *
   * @return the replacement, or empty when the event is removed
   */
  public Optional<TrustEvent> replacement() {
    return replacement;
  }

  /**
   * The bucket at {@link #at()} as things happened.
   *
   * @return the actual state
   */
  public TrustBucket actual() {
    return actual;
  }

  /**
   * The bucket at {@link #at()} with the change.
   *
   * @return the alternative state
   */
  public TrustBucket alternative() {
    return alternative;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof WhatIf w
        && at.equals(w.at)
        && original.equals(w.original)
        && replacement.equals(w.replacement)
        && actual.equals(w.actual)
        && alternative.equals(w.alternative);
  }

  @Override
  public int hashCode() {
    return Objects.hash(at, original, replacement, actual, alternative);
  }

  @Override
  public String toString() {
    return "WhatIf[at=" + at + ", original=" + original + ", replacement=" + replacement + ", actual=" + actual
        + ", alternative=" + alternative + "]";
  }
}
