/**
 * Reusable contracts and generators for testing code built on Trust Bucket: add {@code
 * trust-testing} with {@code <scope>test</scope>}, then check your own {@link
 * dev.trustbucket.decay.DecayRule} with {@link dev.trustbucket.testing.DecayRuleContract}, and state
 * your own properties over policies, behaviours, events and histories with {@link
 * dev.trustbucket.testing.TrustGenerators}, {@link dev.trustbucket.testing.HistoryGenerators} and
 * {@link dev.trustbucket.testing.PolicyGenerators} (jqwik {@code Arbitrary}s). trust-core's own
 * law tests use the same contract and generators.
 */
@NullMarked
package dev.trustbucket.testing;

import org.jspecify.annotations.NullMarked;
