package dev.trustbucket;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.behaviour.Behaviour;
import java.time.Instant;

/**
 * Something that happened between a person and their manager at an instant: a drop or a drain.
 *
 * <p>The {@code weight} is the nominal size of the event: {@code 1.0} is an ordinary occurrence
 * and {@linkplain BreachRules#majorSeverity() major} drains (by default from {@code 2.0}) are
 * breaches. {@link #of(Behaviour, Instant)} takes the behaviour's default weight; {@code
 * withWeight} overrides it. A drain may carry a {@link Disclosure}: how it came to light. Drops
 * always have {@link Disclosure#notRecorded()}.
 *
 * <pre>{@code
 * TrustEvent bug = TrustEvent.of(Behaviours.HID_PROBLEM, Instant.parse("2025-03-03T10:00:00Z"))
 *     .withDisclosure(Disclosure.discovered(Duration.ofDays(9)))
 *     .withNote("critical bug in the billing export");
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; the {@code with} methods return new events.
 *
 * @param behaviour what happened
 * @param time when it happened
 * @param weight how much it counts, finite and in {@code [0, 100]}
 * @param disclosure how a drain came to light; {@link Disclosure#notRecorded()} for drops
 * @param note free text for people (may be empty, at most 1,000 characters, following the {@link TextRule})
 */
public record TrustEvent(
    Behaviour behaviour, Instant time, double weight, Disclosure disclosure, String note) {

  /** The longest note accepted, in characters. */
  public static final int MAX_NOTE_LENGTH = 1_000;

  /**
   * Validates every field.
   *
   * @param behaviour what happened
   * @param time when it happened
   * @param weight how much it counts, finite and in {@code [0, 100]}
   * @param disclosure how a drain came to light; {@link Disclosure#notRecorded()} for drops
   * @param note free text for people (may be empty, at most 1,000 characters, following the {@link TextRule})
   * @throws InvalidTrustInputException when the weight is NaN, infinite, negative or above 100,
   *     the note is too long or breaks the {@link TextRule}, or a drop carries a disclosure
   * @throws NullPointerException when a field is null (the message names it)
   */
  public TrustEvent {
    requireNonNull(behaviour, "behaviour");
    requireNonNull(time, "time");
    requireNonNull(disclosure, "disclosure");
    requireNonNull(note, "note");
    InvalidTrustInputException.checkRange(weight, "weight", 0.0, Behaviour.MAX_WEIGHT);
    TextRule.check("note", note, MAX_NOTE_LENGTH);
    InvalidTrustInputException.check(
        !behaviour.isDrop() || disclosure.kind() == Disclosure.Kind.NOT_RECORDED,
        "disclosure",
        "disclosure applies to drains only, but drop \"%s\" had disclosure %s",
        behaviour.id(),
        disclosure);
    // -0.0 passes the range check but would keep its sign: stores that normalise signed zero
    // (SQLite REAL columns, some JSON libraries) then reload 0.0 and the ledger no longer equals
    // itself after a round trip. A weight of -0.0 is the weight 0.0.
    weight = weight + 0.0;
  }

  /**
   * Returns an event of the behaviour at its default weight, with no disclosure and no note.
   *
   * @param behaviour what happened
   * @param time when it happened
   * @return the event
   */
  public static TrustEvent of(Behaviour behaviour, Instant time) {
    requireNonNull(behaviour, "behaviour");
    return new TrustEvent(behaviour, time, behaviour.defaultWeight(), Disclosure.notRecorded(), "");
  }

  /**
   * Returns a copy with another weight. This instance is immutable and unaffected.
   *
   * @param newWeight finite, in {@code [0, 100]}; {@code 1.0} is ordinary
   * @return the new event
   * @throws InvalidTrustInputException when the weight is out of range or NaN
   */
  public TrustEvent withWeight(double newWeight) {
    return new TrustEvent(behaviour, time, newWeight, disclosure, note);
  }

  /**
   * Returns a copy with another disclosure. This instance is immutable and unaffected.
   *
   * @param newDisclosure how the drain came to light
   * @return the new event
   * @throws InvalidTrustInputException when this event is a drop and the disclosure is recorded
   */
  public TrustEvent withDisclosure(Disclosure newDisclosure) {
    return new TrustEvent(behaviour, time, weight, newDisclosure, note);
  }

  /**
   * Returns a copy with another note. This instance is immutable and unaffected.
   *
   * @param newNote free text, at most 1,000 characters, following the {@link TextRule}
   * @return the new event
   * @throws InvalidTrustInputException when the note is too long or breaks the {@link TextRule}
   */
  public TrustEvent withNote(String newNote) {
    return new TrustEvent(behaviour, time, weight, disclosure, newNote);
  }

  /**
   * Returns a copy at another instant. This instance is immutable and unaffected.
   *
   * @param newTime when it happened
   * @return the new event
   */
  public TrustEvent withTime(Instant newTime) {
    return new TrustEvent(behaviour, newTime, weight, disclosure, note);
  }

  /**
   * Returns whether this event adds to the bucket.
   *
   * @return {@code true} for a drop, {@code false} for a drain
   */
  public boolean isDrop() {
    return behaviour.isDrop();
  }
}
