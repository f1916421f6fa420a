package dev.trustbucket.jdbc;

import dev.trustbucket.account.Relationship;

/**
 * A relationship's history was kept under another policy than the store was opened with. The
 * store never replays a history under other rules silently: open a store with the stored policy
 * to read or extend it. Nothing was written.
 */
public final class PolicyMismatchException extends TrustStoreException {
  private static final long serialVersionUID = 1L;

  /** The key of the policy the history was kept under. */
  private final String storedPolicy;
  /** The key of the policy the store was opened with. */
  private final String storePolicy;

  /**
   * Creates the exception.
   *
   * @param relationship whose history is under another policy
   * @param storedPolicy the key of the policy the history was kept under
   * @param storePolicy the key of the policy the store was opened with
   */
  public PolicyMismatchException(Relationship relationship, String storedPolicy, String storePolicy) {
    super(relationship, "relationship " + relationship + " was kept under policy \"" + storedPolicy
        + "\" but this store was opened with policy \"" + storePolicy
        + "\"; open a store with the stored policy to read or extend it", null);
    this.storedPolicy = storedPolicy;
    this.storePolicy = storePolicy;
  }

  /**
   * The policy the history was kept under.
   *
   * @return its key, as in the {@code trust_policy} table
   */
  public String storedPolicy() {
    return storedPolicy;
  }

  /**
   * The policy the store was opened with.
   *
   * @return its key
   */
  public String storePolicy() {
    return storePolicy;
  }
}
