package dev.trustbucket;

import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import java.util.Arrays;

/**
 * A policy's drain multipliers, looked up by behaviour and disclosure, for every disclosure but a
 * discovery (whose multiplier depends on its delay): what a ledger's replay reads instead of
 * storing a multiplier with every event.
 *
 * <p>Each value is {@link TrustPolicy#drainMultiplier} itself, computed once, so a replay that
 * looks it up gets the very double an apply computes. Immutable.
 */
final class DrainMultipliers {
  // byKey[behaviourIndex << 2 | kind ordinal]; NaN for DISCOVERED, which is never looked up here.
  private final double[] byKey;

  private DrainMultipliers(double[] byKey) {
    this.byKey = byKey;
  }

  /** Tabulates the multipliers of every behaviour of the policy's catalogue. */
  static DrainMultipliers of(TrustPolicy policy) {
    BehaviourCatalogue catalogue = policy.catalogue();
    double[] byKey = new double[catalogue.size() << 2];
    Arrays.fill(byKey, Double.NaN);
    for (int b = 0; b < catalogue.size(); b++) {
      Behaviour behaviour = catalogue.get(b);
      byKey[key(b, Disclosure.Kind.NOT_RECORDED)] = policy.drainMultiplier(behaviour, Disclosure.notRecorded());
      byKey[key(b, Disclosure.Kind.SELF_REPORTED)] = policy.drainMultiplier(behaviour, Disclosure.selfReported());
    }
    return new DrainMultipliers(byKey);
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
