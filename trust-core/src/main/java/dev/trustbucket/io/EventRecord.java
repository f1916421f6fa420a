package dev.trustbucket.io;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.Disclosure;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.internal.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * An event as plain strings and one number, ready for a database row, a CSV line or a JSON
 * object: the stable form that survives library upgrades.
 *
 * <ul>
 *   <li>{@code time}: ISO-8601 instant, e.g. {@code 2025-03-03T10:00:00Z};
 *   <li>{@code behaviour}: the stable behaviour id, e.g. {@code missed-deadline};
 *   <li>{@code weight}: the event weight as a {@code double} (written with {@link
 *       Double#toString}, which reads back exactly);
 *   <li>{@code disclosure}: {@code not-recorded}, {@code self-reported} or {@code discovered};
 *   <li>{@code delay}: ISO-8601 duration of the concealment, {@code PT0S} unless discovered;
 *   <li>{@code note}: free text, possibly empty.
 * </ul>
 *
 * @param time ISO-8601 instant
 * @param behaviour stable behaviour id
 * @param weight the weight
 * @param disclosure {@code not-recorded}, {@code self-reported} or {@code discovered}
 * @param delay ISO-8601 duration
 * @param note free text
 */
public record EventRecord(
    String time, String behaviour, double weight, String disclosure, String delay, String note) {

  /**
   * Checks that no part is null.
   *
   * @param time ISO-8601 instant
   * @param behaviour stable behaviour id
   * @param weight the weight
   * @param disclosure {@code not-recorded}, {@code self-reported} or {@code discovered}
   * @param delay ISO-8601 duration
   * @param note free text
   */
  public EventRecord {
    requireNonNull(time, "time");
    requireNonNull(behaviour, "behaviour");
    requireNonNull(disclosure, "disclosure");
    requireNonNull(delay, "delay");
    requireNonNull(note, "note");
  }

  /**
   * Writes an event as a record.
   *
   * @param event the event
   * @return the record
   */
  public static EventRecord from(TrustEvent event) {
    requireNonNull(event, "event");
    return new EventRecord(
        event.time().toString(),
        event.behaviour().id(),
        event.weight(),
        disclosureName(event.disclosure().kind()),
        event.disclosure().delay().toString(),
        event.note());
  }

  /**
   * Reads the record back as an event, validating every field.
   *
   * @param catalogue the behaviours the id is looked up in
   * @return the event
   * @throws InvalidTrustInputException when a field is malformed, out of range or names an
   *     unknown behaviour; the message names the field and quotes the value
   */
  public TrustEvent toEvent(BehaviourCatalogue catalogue) {
    requireNonNull(catalogue, "catalogue");
    Instant at = parseInstant(time, "time");
    Behaviour b = catalogue.byId(behaviour);
    Disclosure d;
    switch (disclosure) {
      case "not-recorded":
        d = Disclosure.notRecorded();
        break;
      case "self-reported":
        d = Disclosure.selfReported();
        break;
      case "discovered":
        d = Disclosure.discovered(parseDuration(delay, "delay"));
        break;
      default:
        throw new InvalidTrustInputException(
            "disclosure",
            "disclosure must be not-recorded, self-reported or discovered but was \"" + Texts.clip(disclosure) + "\"");
    }
    if (d.kind() != Disclosure.Kind.DISCOVERED && !parseDuration(delay, "delay").isZero()) {
      throw new InvalidTrustInputException(
          "delay", "delay must be PT0S unless discovered but was \"" + Texts.clip(delay) + "\"");
    }
    return new TrustEvent(b, at, weight, d, note);
  }

  static String disclosureName(Disclosure.Kind kind) {
    switch (kind) {
      case SELF_REPORTED:
        return "self-reported";
      case DISCOVERED:
        return "discovered";
      default:
        return "not-recorded";
    }
  }

  static Instant parseInstant(String text, String field) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidTrustInputException(
          field, field + " must be an ISO-8601 instant such as 2025-03-03T10:00:00Z but was \"" + Texts.clip(text) + "\"", e);
    }
  }

  static Duration parseDuration(String text, String field) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidTrustInputException(
          field, field + " must be an ISO-8601 duration such as P9D or PT0S but was \"" + Texts.clip(text) + "\"", e);
    }
  }
}
