package dev.trustbucket.jdbc;

import dev.trustbucket.account.Relationship;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A store operation failed; the database is as it was before the call (a write is rolled back
 * whole). The message names the relationship and what went wrong; the cause, when there is one,
 * is the database's {@link java.sql.SQLException}.
 *
 * <p>Subclasses say what kind of failure it was. Invalid events are not reported here but with
 * the core's {@link dev.trustbucket.InvalidTrustInputException}, as everywhere in the library.
 */
public class TrustStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The relationship at fault, or null when the failure concerns no single one. */
  private final @Nullable Relationship relationship;

  /**
   * Creates the exception.
   *
   * @param relationship the relationship at fault, or null when the failure concerns no single
   *     one
   * @param message what went wrong
   * @param cause the underlying failure, or null
   */
  public TrustStoreException(@Nullable Relationship relationship, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.relationship = relationship;
  }

  /**
   * The relationship at fault.
   *
   * @return the relationship, or empty when the failure concerns no single one (a schema
   *     check, a batch import that failed as a whole)
   */
  public Optional<Relationship> relationship() {
    return Optional.ofNullable(relationship);
  }
}
