package dev.trustbucket.forecast;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.Disclosure;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The same history with one event changed, and the difference it makes at an instant: the lesson
 * of the essay in one number.
 *
 * <pre>{@code
 * WhatIf lesson = WhatIf.selfReported(ledger, hiddenBugIndex, today);
 * lesson.difference();   // how much higher the level would be had the bug been reported early
 * }</pre>
 *
 * @param at the instant compared
 * @param original the event as it happened
 * @param replacement the event instead, or empty when it is removed
 * @param actual the bucket at {@code at} as things happened
 * @param alternative the bucket at {@code at} with the change
 */
public record WhatIf(
    Instant at,
    TrustEvent original,
    Optional<TrustEvent> replacement,
    TrustBucket actual,
    TrustBucket alternative) {

  /**
   * Checks that no part is null.
   *
   * @param at the instant compared
   * @param original the event as it happened
   * @param replacement the event instead, or empty when it is removed
   * @param actual the bucket at {@code at} as things happened
   * @param alternative the bucket at {@code at} with the change
   */
  public WhatIf {
    requireNonNull(at, "at");
    requireNonNull(original, "original");
    requireNonNull(replacement, "replacement");
    requireNonNull(actual, "actual");
    requireNonNull(alternative, "alternative");
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
  public static WhatIf replacing(TrustLedger ledger, int index, TrustEvent replacement, Instant at) {
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
  public static WhatIf without(TrustLedger ledger, int index, Instant at) {
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
  public static WhatIf selfReported(TrustLedger ledger, int index, Instant at) {
    requireNonNull(ledger, "ledger");
    return replacing(ledger, index, ledger.event(index).withDisclosure(Disclosure.selfReported()), at);
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
}
