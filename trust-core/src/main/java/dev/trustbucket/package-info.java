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
 *       research-grounded presets; its parts are {@link dev.trustbucket.Rates}, {@link
 *       dev.trustbucket.DrainMultipliers}, {@link dev.trustbucket.BreachRules}, {@link
 *       dev.trustbucket.CommitmentRules}, the {@link dev.trustbucket.AutonomyLadder} and the
 *       behaviour catalogue.
 *   <li>{@link dev.trustbucket.AutonomyTier} and {@link dev.trustbucket.AutonomyLadder}: what a
 *       level earns.
 * </ul>
 *
 * <p>Sub-packages: {@code behaviour} (the catalogue of drops and drains), {@code decay} (how
 * memory fades). Time is always passed in; nothing in the model reads the clock.
 *
 * <p><b>Package dependencies.</b> The sub-packages build on this one; this package depends on a
 * sub-package only where its own types are made of them. These cycles between packages remain, each
 * kept on purpose, and {@code PackageCyclesTest} fails on any other, or on one of them reaching
 * for more types than it does now:
 *
 * <ul>
 *   <li>{@code behaviour} and {@code decay} use {@link dev.trustbucket.InvalidTrustInputException}
 *       (and {@code behaviour} the {@link dev.trustbucket.TextRule}) from here, while the policy
 *       here is made of behaviours and decay rules. The exception and the text rule are the
 *       library's one error type and one rule for text, which every package shares and users meet
 *       first; they depend on nothing else here, so the cycle is between packages, not types.
 *   <li>{@code internal} throws the same exception and applies the same text rule for the engine
 *       here; it is not exported, so this cycle is not part of the API. (It also lends the ledger
 *       {@code LedgerStep}'s hidden constructor, so that users cannot make a step with inconsistent
 *       numbers, but with the types as parameters: it names no event, tier or step, and closes no
 *       cycle with {@code history}.)
 *   <li>{@code history}'s values ({@code LedgerStep}, {@code TimelinePoint}) hold events and tiers
 *       from here, and {@link dev.trustbucket.TrustLedger} returns them: the history is the
 *       ledger's output, kept in its own package so that the root package stays the model's
 *       vocabulary.
 * </ul>
 */
@NullMarked
// allowedClasspathAnnotations: keep Immutables' own @Generated out of the class files, so users
// compiling against trust-core (without the provided annotations jar) get no warnings.
@Value.Style(
    jdkOnly = true,
    allowedClasspathAnnotations = {Override.class},
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    // TrustPolicy.Builder is written by hand and delegates to the generated builder, so that its
    // javadoc shows only public types. Immutables would otherwise take a nested class named
    // "Builder" as one to extend (or to be extended by); this name matches no class. The generated
    // builder is made with its constructor, so no generated builder() hides TrustPolicy.builder().
    typeInnerBuilder = "NoInnerBuilder",
    builder = "new",
    defaults = @Value.Immutable(copy = false))
package dev.trustbucket;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
