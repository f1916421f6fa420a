package dev.trustbucket;

import dev.trustbucket.behaviour.Behaviour;
import java.util.Arrays;
import java.util.List;

/**
 * A policy's {@link DrainMultipliers}, tabulated by behaviour index and disclosure, for every disclosure but a
 * discovery (whose multiplier depends on its delay): what a ledger's replay reads instead of
 * storing a multiplier with every event.
 *
 * <p>Each value is {@link DrainMultipliers#multiplier} itself, computed once, so a replay that
 * looks it up gets the very double an apply computes. Immutable.
 */
final class DrainMultiplierTable {
  // byKey[behaviourIndex << 2 | kind ordinal]; NaN for DISCOVERED, which is never looked up here.
  private final double[] byKey;

  private DrainMultiplierTable(double[] byKey) {
    this.byKey = byKey;
  }

  /** Tabulates the multipliers of every behaviour of the policy's catalogue. */
  static DrainMultiplierTable of(TrustPolicy policy) {
    List<Behaviour> behaviours = policy.catalogue().all();
    DrainMultipliers multipliers = policy.drainMultipliers();
    double[] byKey = new double[behaviours.size() << 2];
    Arrays.fill(byKey, Double.NaN);
    for (int b = 0; b < behaviours.size(); b++) {
      Behaviour behaviour = behaviours.get(b);
      byKey[key(b, Disclosure.Kind.NOT_RECORDED)] = multipliers.multiplier(behaviour, Disclosure.notRecorded());
      byKey[key(b, Disclosure.Kind.SELF_REPORTED)] = multipliers.multiplier(behaviour, Disclosure.selfReported());
    }
    return new DrainMultiplierTable(byKey);
  }

  @SuppressWarnings("EnumOrdinal") // keys hold ordinals in memory only
  private static int key(int behaviour, Disclosure.Kind kind) {
    return behaviour << 2 | kind.ordinal();
  }

  /**
   * Returns the multiplier of a drain.
   *
   * @param key the behaviour's index shifted left by two, or'ed with the disclosure kind's ordinal
   *     (not {@link Disclosure.Kind#DISCOVERED})
   */
  double get(int key) {
    return byKey[key];
  }
}
