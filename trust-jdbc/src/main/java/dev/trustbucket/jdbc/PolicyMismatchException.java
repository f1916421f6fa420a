package dev.trustbucket.jdbc;

import dev.trustbucket.account.Relationship;

/**
 * A relationship's history was kept under another policy than the store was opened with. The
 * store never replays a history under other rules silently: open a store with the stored policy
 * (its written form is in the {@code trust_policy} table) to read or extend it. Policies are told
 * apart by their {@linkplain dev.trustbucket.TrustPolicy#fingerprint() fingerprints}. Nothing was
 * written.
 */
public final class PolicyMismatchException extends TrustStoreException {
  private static final long serialVersionUID = 1L;

  /** The key of the policy the history was kept under: its fingerprint. */
  private final String storedPolicy;
  /** The key of the policy the store was opened with: its fingerprint. */
  private final String storePolicy;

  /**
   * Creates the exception.
   *
   * @param relationship whose history is under another policy
   * @param storedPolicy the fingerprint of the policy the history was kept under
   * @param storePolicy the fingerprint of the policy the store was opened with
   */
  public PolicyMismatchException(Relationship relationship, String storedPolicy, String storePolicy) {
    super(relationship, "relationship " + relationship + " was kept under the policy with fingerprint "
        + storedPolicy + " but this store was opened with the policy with fingerprint " + storePolicy
        + "; open a store with the stored policy (its written form is in trust_policy) to read or extend it", null);
    this.storedPolicy = storedPolicy;
    this.storePolicy = storePolicy;
  }

  /**
   * The policy the history was kept under.
   *
   * @return its fingerprint, the key of its row in the {@code trust_policy} table
   */
  public String storedPolicy() {
    return storedPolicy;
  }

  /**
   * The policy the store was opened with.
   *
   * @return its fingerprint
   */
  public String storePolicy() {
    return storePolicy;
  }
}
