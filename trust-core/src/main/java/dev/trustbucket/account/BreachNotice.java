package dev.trustbucket.account;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;

/**
 * A breach was recorded: a major drain, an integrity failure or a discovered concealment.
 *
 * @param relationship where it happened
 * @param event the breach
 * @param before the bucket just before it (decayed to its time)
 * @param after the bucket just after it
 */
public record BreachNotice(
    Relationship relationship, TrustEvent event, TrustBucket before, TrustBucket after) {
  /**
   * Checks that no part is null.
   *
   * @param relationship where it happened
   * @param event the breach
   * @param before the bucket just before it (decayed to its time)
   * @param after the bucket just after it
   */
  public BreachNotice {
    requireNonNull(relationship, "relationship");
    requireNonNull(event, "event");
    requireNonNull(before, "before");
    requireNonNull(after, "after");
  }

  /**
   * The level the breach cost.
   *
   * @return {@code before.level() - after.level()}, {@code >= 0}
   */
  public double cost() {
    return before.level() - after.level();
  }
}
