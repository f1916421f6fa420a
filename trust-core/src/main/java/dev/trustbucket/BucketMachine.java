package dev.trustbucket;

import org.jspecify.annotations.Nullable;

/**
 * A bucket's state in mutable fields, for work over many events: a ledger's replay, its steps,
 * its timeline and {@code stateAt} run {@link Dynamics#step} on one machine without allocating per
 * event. It holds no dynamics of its own: each method hands its fields to the step, which writes
 * the next state back through {@link #state}. A replay's inner loop works on a machine of its own
 * that never leaves the loop, which the JIT turns into registers ({@code
 * EventColumns.runWhileTierHolds}). Not thread-safe: confine an instance to one thread.
 */
final class BucketMachine implements Dynamics.Sink<BucketMachine> {
  final Dynamics dynamics;

  double level;
  double scar;
  long timeMicros;
  long promotedAtMicros;
  AutonomyTier tier;
  float positiveEvidence;
  float negativeEvidence;
  // Whether the last stepIfTierHolds was declined.
  private boolean declined;

  BucketMachine(TrustPolicy policy) {
    this(policy.dynamics());
  }

  BucketMachine(Dynamics dynamics) {
    this.dynamics = dynamics;
    this.tier = AutonomyTier.MICROMANAGED; // a placeholder: load() or copyFrom() sets the state
  }

  BucketMachine load(TrustBucket b) {
    level = b.level();
    scar = b.scar();
    timeMicros = b.timeMicros();
    promotedAtMicros = b.promotedAtMicrosRaw();
    tier = b.tier();
    positiveEvidence = (float) b.positiveEvidence();
    negativeEvidence = (float) b.negativeEvidence();
    return this;
  }

  void copyFrom(BucketMachine other) {
    state(
        other.dynamics.policy(), other.tier, other.level, other.scar, other.timeMicros,
        other.promotedAtMicros, other.positiveEvidence, other.negativeEvidence);
  }

  TrustBucket toBucket() {
    return new TrustBucket(
        dynamics.policy(), tier, level, scar, timeMicros, promotedAtMicros, positiveEvidence,
        negativeEvidence);
  }

  @Override
  public BucketMachine state(
      TrustPolicy policy,
      AutonomyTier tier,
      double level,
      double scar,
      long timeMicros,
      long promotedAtMicros,
      float positiveEvidence,
      float negativeEvidence) {
    if (tier != this.tier) {
      this.tier = tier; // rarely: a reference store costs the garbage collector's write barrier
    }
    this.level = level;
    this.scar = scar;
    this.timeMicros = timeMicros;
    this.promotedAtMicros = promotedAtMicros;
    this.positiveEvidence = positiveEvidence;
    this.negativeEvidence = negativeEvidence;
    return this;
  }

  /** Lets time pass until {@code at} (not earlier than now), computing the decay factors. */
  void advance(long at) {
    dynamics.stepComputingDecay(
        tier, level, scar, timeMicros, promotedAtMicros, positiveEvidence, negativeEvidence,
        at, Dynamics.NONE, 0.0, 1.0, false, this);
  }

  /**
   * Runs {@link Dynamics#stepIfTierHolds} on this machine's state.
   *
   * @return whether the step was taken; {@code false}, with the state unchanged, when it could
   *     move the tier ({@link #step} takes it then)
   */
  boolean stepIfTierHolds(
      long at, double kept, double scarKept, int kind, double weight, double multiplier,
      boolean breach) {
    return took(dynamics.stepIfTierHolds(
        tier, level, scar, timeMicros, promotedAtMicros, positiveEvidence, negativeEvidence,
        at, kept, scarKept, kind, weight, multiplier, breach, this));
  }

  /** Says "declined" by itself, flagged, not by {@code null}: see {@link Dynamics.Sink#declined}. */
  @Override
  public BucketMachine declined() {
    declined = true;
    return this;
  }

  @Override
  public boolean took(@Nullable BucketMachine result) {
    boolean took = !declined;
    declined = false;
    return took;
  }

  /** Runs {@link Dynamics#settled} on this machine's state: the step {@link #stepIfTierHolds} declined. */
  void settle(
      long at, double kept, double scarKept, int kind, double weight, double multiplier,
      boolean breach) {
    dynamics.settled(
        tier, level, scar, timeMicros, promotedAtMicros, positiveEvidence, negativeEvidence,
        at, kept, scarKept, kind, weight, multiplier, breach, this);
  }

  /** Runs {@link Dynamics#step} on this machine's state. */
  void step(
      long at, double kept, double scarKept, int kind, double weight, double multiplier,
      boolean breach) {
    dynamics.step(
        tier, level, scar, timeMicros, promotedAtMicros, positiveEvidence, negativeEvidence,
        at, kept, scarKept, kind, weight, multiplier, breach, this);
  }
}
