/**
 * Trust Bucket's test support: the {@code DecayRule} contract and jqwik generators of the model's
 * values, for a user's tests ({@code <scope>test</scope>}). trust-core's own tests compile these
 * same sources as test sources (see {@code docs/testing.md}); this descriptor is left out there.
 */
module dev.trustbucket.testing {
  // The model's types and jqwik's appear in every public signature of this module.
  requires transitive dev.trustbucket;
  requires transitive net.jqwik.api;

  exports dev.trustbucket.testing;
}
