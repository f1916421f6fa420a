package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.behaviour.Dimension;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import dev.trustbucket.testing.TrustGenerators;

/**
 * Law 4 · asymmetric step: at level 0.5 an ordinary drain moves the level 2.25–5× as far as a
 * drop of the same nominal weight; the default exactly 3×. Ordinary here is weight 1, the ability
 * dimension and no disclosure recorded: no integrity premium, no concealment penalty.
 */
@Label("Law 4 · asymmetric step")
class AsymmetricStepProperties {

  @Provide
  Arbitrary<Behaviour> abilityDrops() {
    return Arbitraries.of(Behaviours.DELIVERED_ON_COMMITMENT, Behaviours.DELIVERED_EARLY);
  }

  @Provide
  Arbitrary<Behaviour> abilityDrains() {
    return TrustGenerators.drains(Dimension.ABILITY);
  }

  private static double[] steps(TrustPolicy policy, Instant t, Behaviour drop, Behaviour drain, double weight) {
    TrustBucket half = TrustBucket.of(policy, t, 0.5);
    double up = half.plus(TrustEvent.of(drop, t).withWeight(weight)).level() - 0.5;
    double down = 0.5 - half.plus(TrustEvent.of(drain, t).withWeight(weight)).level();
    return new double[] {up, down};
  }

  @Property
  @Label("Law 4 · asymmetric step: a drain moves 2.25–5× a drop at 0.5 (default, strict, forgiving)")
  void drainMovesBetweenLossAversionAndGottman(
      @ForAll(supplier = TrustGenerators.AsymmetricPolicies.class) TrustPolicy policy,
      @ForAll(supplier = TrustGenerators.Instants.class) Instant t,
      @ForAll("abilityDrops") Behaviour drop,
      @ForAll("abilityDrains") Behaviour drain) {
    double[] s = steps(policy, t, drop, drain, 1.0);
    assertThat(s[0]).isPositive();
    assertThat(s[1] / s[0]).as(policy.name()).isBetween(2.25 - 1e-12, 5.0 + 1e-12);
  }

  @Property
  @Label("Law 4 · asymmetric step: under the default a drain moves exactly 3× a drop at 0.5, for any unsaturated weight")
  void defaultDrainIsThreeDrops(
      @ForAll @DoubleRange(min = 0.01, max = 4.7) double weight,
      @ForAll("abilityDrops") Behaviour drop,
      @ForAll("abilityDrains") Behaviour drain) {
    // Unsaturated: lossRate * weight < 1, i.e. weight < 1 / 0.21 = 4.76.
    double[] s = steps(TrustPolicy.defaults(), TrustGenerators.T0, drop, drain, weight);
    assertThat(s[1]).isCloseTo(3.0 * s[0], within(1e-12));
  }

  @Example
  @Label("Law 4 · asymmetric step: ordinary drain vs drop at 0.5 is 3× default, 5× strict, 2.25× forgiving, 1× symmetric")
  void presetRatios() {
    Instant t = TrustGenerators.T0;
    Behaviour drop = Behaviours.DELIVERED_ON_COMMITMENT;
    Behaviour drain = Behaviours.MISSED_DEADLINE;
    double[] d = steps(TrustPolicy.defaults(), t, drop, drain, 1.0);
    assertThat(d[0]).isCloseTo(0.035, within(1e-12));
    assertThat(d[1]).isCloseTo(0.105, within(1e-12));
    assertThat(d[1] / d[0]).isCloseTo(3.0, within(1e-12));
    double[] strict = steps(TrustPolicy.strict(), t, drop, drain, 1.0);
    assertThat(strict[1] / strict[0]).isCloseTo(5.0, within(1e-12));
    double[] forgiving = steps(TrustPolicy.forgiving(), t, drop, drain, 1.0);
    assertThat(forgiving[1] / forgiving[0]).isCloseTo(2.25, within(1e-12));
    double[] symmetric = steps(TrustPolicy.symmetric(), t, drop, drain, 1.0);
    assertThat(symmetric[1] / symmetric[0]).isCloseTo(1.0, within(1e-12));
  }
}
