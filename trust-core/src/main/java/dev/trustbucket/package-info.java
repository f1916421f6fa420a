/**
 * Trust Bucket: the trust between a person and their manager, modelled as a bucket that starts
 * half-full, fills in drops and drains in buckets.
 *
 * <p>The types a user meets first:
 *
 * <ul>
 *   <li>{@link dev.trustbucket.TrustBucket}: the immutable state of one relationship: its level
 *       in [0, 1], its scar, its autonomy tier; {@code apply(event)} returns the next state.
 *   <li>{@link dev.trustbucket.TrustEvent}: something that happened: a behaviour at an instant,
 *       with a weight and, for drains, a {@link dev.trustbucket.Disclosure}.
 *   <li>{@link dev.trustbucket.TrustPolicy}: every rule and number, immutable and validated, with
 *       research-grounded presets.
 *   <li>{@link dev.trustbucket.AutonomyTier} and {@link dev.trustbucket.AutonomyLadder}: what a
 *       level earns.
 * </ul>
 *
 * <p>Sub-packages: {@code behaviour} (the catalogue of drops and drains), {@code decay} (how
 * memory fades). Time is always passed in; nothing in the model reads the clock.
 */
@NullMarked
// allowedClasspathAnnotations: keep Immutables' own @Generated out of the class files, so users
// compiling against trust-core (without the provided annotations jar) get no warnings.
@Value.Style(
    jdkOnly = true,
    allowedClasspathAnnotations = {Override.class},
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    defaults = @Value.Immutable(copy = false))
package dev.trustbucket;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
