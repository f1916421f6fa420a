package dev.trustbucket.jdbc;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.behaviour.Direction;
import java.util.Optional;

/**
 * One event as the store holds it: the event, its caller-supplied id, its place in the
 * relationship's history and the bucket just after it.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param relationship whose history holds it
 * @param sequence its place in that history, from 1
 * @param id the caller's idempotency id, if it had one
 * @param event the event
 * @param stateAfter the bucket just after it
 */
public record StoredEvent(
    Relationship relationship, int sequence, Optional<String> id, TrustEvent event, TrustBucket stateAfter) {
  /**
   * Checks the parts.
   *
   * @param relationship whose history holds it
   * @param sequence its place in that history, from 1
   * @param id the caller's idempotency id, if it had one
   * @param event the event
   * @param stateAfter the bucket just after it
   */
  public StoredEvent {
    requireNonNull(relationship, "relationship");
    requireNonNull(id, "id");
    requireNonNull(event, "event");
    requireNonNull(stateAfter, "stateAfter");
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be >= 1 but was " + sequence);
    }
  }

  /**
   * The facet of trust the event's behaviour speaks to: a low-cardinality metric tag.
   *
   * @return the dimension
   */
  public Dimension dimension() {
    return event.behaviour().dimension();
  }

  /**
   * Whether the event added to the bucket or drained it: a low-cardinality metric tag.
   *
   * @return the direction
   */
  public Direction direction() {
    return event.behaviour().direction();
  }

  /**
   * Whether the policy counts the event as a breach.
   *
   * @return {@code true} for a breach
   */
  public boolean breach() {
    return stateAfter.policy().isBreach(event);
  }
}
