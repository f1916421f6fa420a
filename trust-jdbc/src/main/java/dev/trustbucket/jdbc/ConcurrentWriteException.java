package dev.trustbucket.jdbc;

import dev.trustbucket.account.Relationship;
import org.jspecify.annotations.Nullable;

/**
 * A write lost every race it ran: other writers (or deadlocks, or lost connections) made each of
 * its {@code 1 + maxRetries} attempts roll back. Nothing of it was recorded; submitting it again
 * is safe. Raise {@link StoreOptions#maxRetries()} or use {@link WriteMode#PESSIMISTIC} for a hot
 * relationship.
 */
public final class ConcurrentWriteException extends TrustStoreException {
  private static final long serialVersionUID = 1L;

  /** How many attempts were made. */
  private final int attempts;

  /**
   * Creates the exception.
   *
   * @param relationship the relationship, or null for an import of several
   * @param attempts how many attempts were made
   * @param cause the last attempt's failure
   */
  public ConcurrentWriteException(@Nullable Relationship relationship, int attempts, Throwable cause) {
    super(relationship, "gave up after " + attempts + " attempts"
        + (relationship == null ? "" : " to write relationship " + relationship)
        + ", each rolled back by a concurrent writer or a database failure; nothing was recorded (last: "
        + cause.getMessage() + ")", cause);
    this.attempts = attempts;
  }

  /**
   * How many attempts were made.
   *
   * @return {@code 1 + maxRetries}
   */
  public int attempts() {
    return attempts;
  }
}
