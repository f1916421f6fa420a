/**
 * Trust Bucket: the trust between a person and their manager as a bucket, built in drops and lost
 * in buckets.
 *
 * <p>Start with {@link dev.trustbucket.TrustBucket} for one relationship's current state, {@link
 * dev.trustbucket.TrustLedger} for its history, and {@link dev.trustbucket.TrustPolicy} for the
 * rules. Every exported package is API and follows the compatibility rules in
 * {@code docs/compatibility.md}; the package {@code dev.trustbucket.internal} is not exported and
 * may change in any release.
 */
// value-annotations is an automatic module (it has only an Automatic-Module-Name); it is needed only
// at compile time, so its name can never be missing at run time.
@SuppressWarnings("requires-automatic")
module dev.trustbucket {
  // Guava's immutable collections appear in public signatures (for example
  // TrustLedger.steps() returns an ImmutableList), so a module that reads this one reads Guava too.
  requires transitive com.google.common;
  // The JSpecify annotations (@NullMarked, @Nullable) are part of the API, and a compile-scope
  // dependency on purpose (CONTRIBUTING.md, "Why JSpecify is an ordinary dependency"): not static, so
  // that on the module path too they are resolved and visible to tools that read them reflectively.
  requires transitive org.jspecify;
  // Immutables' annotations are only needed while compiling TrustPolicy (provided scope).
  requires static org.immutables.value.annotations;

  exports dev.trustbucket;
  exports dev.trustbucket.account;
  exports dev.trustbucket.behaviour;
  exports dev.trustbucket.commitment;
  exports dev.trustbucket.decay;
  exports dev.trustbucket.explain;
  exports dev.trustbucket.forecast;
  exports dev.trustbucket.history;
  exports dev.trustbucket.io;
  exports dev.trustbucket.text;
  // dev.trustbucket.internal is deliberately not exported.
}
