package dev.trustbucket.jdbc;

import dev.trustbucket.account.Relationship;

/**
 * An event was submitted with an id that the relationship already holds for a different event
 * (or that an earlier submission of the same write used for a different event). A retried
 * request carries the same event; a different event under the same id is a bug in the producer.
 * Nothing of the write was recorded.
 */
public final class EventIdConflictException extends TrustStoreException {
  private static final long serialVersionUID = 1L;

  /** The id submitted twice. */
  private final String eventId;

  /**
   * Creates the exception.
   *
   * @param relationship the relationship
   * @param eventId the id
   * @param stored the event recorded under it, as text
   * @param submitted the event submitted under it, as text
   */
  public EventIdConflictException(Relationship relationship, String eventId, String stored, String submitted) {
    super(relationship, "eventId \"" + eventId + "\" of relationship " + relationship + " already names "
        + stored + " but was submitted with " + submitted + "; nothing was recorded", null);
    this.eventId = eventId;
  }

  /**
   * The id submitted twice.
   *
   * @return the id
   */
  public String eventId() {
    return eventId;
  }
}
