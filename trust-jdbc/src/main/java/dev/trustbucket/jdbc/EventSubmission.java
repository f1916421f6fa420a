package dev.trustbucket.jdbc;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustEvent;
import java.util.Optional;

/**
 * An event handed to a {@link TrustStore}, with an optional id chosen by the caller.
 *
 * <p>The id makes a write idempotent: producers deliver at least once, so the same request may
 * arrive twice. An event whose id the relationship already holds is not recorded again; it
 * counts as a {@linkplain Recorded#duplicates() duplicate}. The same id with a different event
 * is refused with {@link EventIdConflictException}. Ids are unique per relationship. An event
 * without an id is always recorded.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param id the caller's id: 1 to 200 characters on one line, without tabs; empty for none
 * @param event the event
 */
public record EventSubmission(Optional<String> id, TrustEvent event) {
  /** The longest id accepted, in characters. */
  public static final int MAX_ID_LENGTH = 200;

  /**
   * Validates the id.
   *
   * @param id the caller's id: 1 to 200 characters on one line, without tabs; empty for none
   * @param event the event
   * @throws InvalidTrustInputException when the id is blank, too long or spans lines
   */
  public EventSubmission {
    requireNonNull(id, "id");
    requireNonNull(event, "event");
    id.ifPresent(EventSubmission::checkId);
  }

  /**
   * An event without an id: recorded every time it is submitted.
   *
   * @param event the event
   * @return the submission
   */
  public static EventSubmission of(TrustEvent event) {
    return new EventSubmission(Optional.empty(), event);
  }

  /**
   * An event with an idempotency id: recorded once however often it is submitted.
   *
   * @param id 1 to 200 characters on one line, without tabs, unique within the relationship
   * @param event the event
   * @return the submission
   * @throws InvalidTrustInputException when the id is blank, too long or spans lines
   */
  public static EventSubmission of(String id, TrustEvent event) {
    return new EventSubmission(Optional.of(requireNonNull(id, "id")), event);
  }

  private static void checkId(String id) {
    InvalidTrustInputException.check(
        !id.isBlank()
            && id.length() <= MAX_ID_LENGTH
            && id.chars().noneMatch(c -> c == '\t' || c == '\n' || c == '\r'),
        "eventId",
        "eventId must be 1 to %s characters on one line without tabs but was \"%s\"",
        MAX_ID_LENGTH,
        id);
  }
}
