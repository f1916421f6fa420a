package dev.trustbucket.jdbc;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.io.TrustCodec;
import java.time.Instant;

/**
 * The state lines a store writes in its rows (schema version 2): the codec's format 3 state
 * lines, except that a custom policy's written form, which the codec puts in every line, is
 * replaced by {@value #REFERENCE}: a reference to the policy kept once in {@code trust_policy}
 * (the row's relationship names it by {@code policy_id}, and the line keeps the policy's
 * fingerprint). Reading puts the written form back, so the codec reads, and checks, exactly the
 * line it wrote: its CRC-32C covers the written form, and its fingerprint must match it.
 *
 * <p>Lines under a released preset ({@code default@1}) already name their policy by id and are
 * stored as the codec writes them; so are rows written by schema version 1, which hold the whole
 * written form and still read as they are. This class is immutable and thread-safe.
 */
final class StateLines {
  /** The policy field of a stored line whose policy is the one in {@code trust_policy}. */
  static final String REFERENCE = "@trust_policy";

  /** The index of the policy field in a format 3 state line (the eleventh of thirteen). */
  private static final int POLICY_FIELD = 10;

  /** The policy field the codec writes for the store's policy: its preset id or its written form. */
  private final String policyField;
  private final boolean preset;

  private StateLines(String policyField, boolean preset) {
    this.policyField = policyField;
    this.preset = preset;
  }

  /**
   * The lines of a store kept under a policy.
   *
   * @throws dev.trustbucket.InvalidTrustInputException when the policy has no written form
   */
  static StateLines of(TrustPolicy policy) {
    String line = TrustCodec.formatState(TrustBucket.of(policy, Instant.EPOCH));
    int[] at = policyField(line);
    return new StateLines(line.substring(at[0], at[1]), policy.presetId().isPresent());
  }

  /** The line to store for a state: the codec's, with the store's written form referred to. */
  String format(TrustBucket state) {
    String line = TrustCodec.formatState(state);
    if (preset) {
      return line;
    }
    int[] at = policyField(line);
    if (at.length == 0 || !line.regionMatches(at[0], policyField, 0, policyField.length())
        || at[1] - at[0] != policyField.length()) {
      return line; // another policy's state (only a damaged row gives one): kept whole
    }
    return line.substring(0, at[0]) + REFERENCE + line.substring(at[1]);
  }

  /** The codec's line for a stored one: the reference replaced by the store's policy field. */
  String expand(String stored) {
    int[] at = policyField(stored);
    if (at.length == 0 || at[1] - at[0] != REFERENCE.length()
        || !stored.regionMatches(at[0], REFERENCE, 0, REFERENCE.length())) {
      return stored;
    }
    return stored.substring(0, at[0]) + policyField + stored.substring(at[1]);
  }

  /** Where the policy field of a line starts and ends, or an empty array when it has none. */
  private static int[] policyField(String line) {
    int start = 0;
    for (int i = 0; i < POLICY_FIELD; i++) {
      int tab = line.indexOf('\t', start);
      if (tab < 0) {
        return new int[0];
      }
      start = tab + 1;
    }
    int end = line.indexOf('\t', start);
    return end < 0 ? new int[0] : new int[] {start, end};
  }
}
