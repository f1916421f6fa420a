package dev.trustbucket.io;

/**
 * What {@link TrustCodec} does when a record of format version 3 was kept under another policy
 * than the one the caller supplies.
 *
 * <p>Either way the history is never silently replayed under the caller's policy: moving a ledger
 * onto another policy is an explicit {@link dev.trustbucket.PolicyRebase}, which reports what
 * changed.
 */
public enum PolicyMismatch {
  /**
   * The stored policy wins: the record reads under the policy it was written with, and the
   * returned value's {@code policy()} is that policy, not the one supplied. The default.
   */
  STORED_WINS,
  /**
   * The record is rejected with a {@link MalformedRecordException} whose field is {@code policy},
   * naming both policies and their short fingerprints.
   */
  REJECT
}
