package dev.trustbucket.jdbc;

import dev.trustbucket.account.Relationship;
import org.jspecify.annotations.Nullable;

/**
 * The connection failed while the database was committing a write, so the write may or may not
 * have been recorded, and the store cannot retry it without risking counting it twice: some of
 * its events had no {@linkplain EventSubmission id}. Writes whose events all carry ids are
 * retried instead, and the ids make the retry safe. Read the relationship to find out, or
 * submit events with ids.
 */
public final class CommitOutcomeUnknownException extends TrustStoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param relationship the relationship, or null for an import of several
   * @param cause the failure of the commit
   */
  public CommitOutcomeUnknownException(@Nullable Relationship relationship, Throwable cause) {
    super(relationship, "the connection failed during commit"
        + (relationship == null ? "" : " of relationship " + relationship)
        + ": the write may or may not be recorded, and events without ids cannot be retried safely ("
        + cause.getMessage() + ")", cause);
  }
}
