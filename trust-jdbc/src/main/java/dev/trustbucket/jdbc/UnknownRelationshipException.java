package dev.trustbucket.jdbc;

import dev.trustbucket.account.Relationship;

/** A read asked about a relationship the store holds no history for. Nothing was changed. */
public final class UnknownRelationshipException extends TrustStoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param relationship the relationship asked about
   */
  public UnknownRelationshipException(Relationship relationship) {
    super(relationship, "the store holds no relationship " + relationship
        + ": record an event for it or start it first", null);
  }
}
