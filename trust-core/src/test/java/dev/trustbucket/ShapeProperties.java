package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.testing.TrustGenerators.TrustEventTemplate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import dev.trustbucket.testing.TrustGenerators;

/**
 * Law 6 · shape: a drop adds less the fuller the bucket (it scales with the room left below the
 * ceiling); a drain removes more the fuller it is (it scales with what is there). Both buckets
 * get the same event at the same instant as their own state, so no decay is involved.
 */
@Label("Law 6 · shape")
class ShapeProperties {

  @Property
  @Label("Law 6 · shape: a drop adds less the fuller the bucket, every preset")
  void dropAddsLessWhenFuller(
      @ForAll(supplier = TrustGenerators.Presets.class) TrustPolicy policy,
      @ForAll(supplier = TrustGenerators.Levels.class) double a,
      @ForAll(supplier = TrustGenerators.Levels.class) double b,
      @ForAll(supplier = TrustGenerators.DropTemplates.class) TrustEventTemplate drop) {
    double emptier = Math.min(a, b);
    double fuller = Math.max(a, b);
    TrustEvent e = drop.at(TrustGenerators.T0);
    double gainEmptier = TrustBucket.of(policy, TrustGenerators.T0, emptier).plus(e).level() - emptier;
    double gainFuller = TrustBucket.of(policy, TrustGenerators.T0, fuller).plus(e).level() - fuller;
    // 1e-15: the two gains are differences of rounded levels.
    assertThat(gainFuller).isLessThanOrEqualTo(gainEmptier + 1e-15);
  }

  @Property
  @Label("Law 6 · shape: a drain removes more the fuller the bucket, every preset")
  void drainRemovesMoreWhenFuller(
      @ForAll(supplier = TrustGenerators.Presets.class) TrustPolicy policy,
      @ForAll(supplier = TrustGenerators.Levels.class) double a,
      @ForAll(supplier = TrustGenerators.Levels.class) double b,
      @ForAll(supplier = TrustGenerators.DrainTemplates.class) TrustEventTemplate drain) {
    double emptier = Math.min(a, b);
    double fuller = Math.max(a, b);
    TrustEvent e = drain.at(TrustGenerators.T0);
    double lossEmptier = emptier - TrustBucket.of(policy, TrustGenerators.T0, emptier).plus(e).level();
    double lossFuller = fuller - TrustBucket.of(policy, TrustGenerators.T0, fuller).plus(e).level();
    assertThat(lossFuller).isGreaterThanOrEqualTo(lossEmptier - 1e-15);
  }

  @Property
  @Label("Law 6 · shape: a drop fills a fixed fraction of the room left below the ceiling, scarred or not")
  void dropIsProportionalToRoomLeft(
      @ForAll(supplier = TrustGenerators.Buckets.class) TrustBucket bucket,
      @ForAll(supplier = TrustGenerators.DropTemplates.class) TrustEventTemplate drop) {
    TrustPolicy p = bucket.policy();
    TrustEvent e = drop.at(bucket.time());
    double room = Math.max(0.0, bucket.ceiling() - bucket.level());
    double gain = bucket.plus(e).level() - bucket.level();
    assertThat(gain).isCloseTo(Math.min(1.0, p.rates().gainRate() * e.weight()) * room, within(1e-12));
  }

  @Property
  @Label("Law 6 · shape: a drain removes a fixed fraction of the level")
  void drainIsProportionalToLevel(
      @ForAll(supplier = TrustGenerators.Buckets.class) TrustBucket bucket,
      @ForAll(supplier = TrustGenerators.DrainTemplates.class) TrustEventTemplate drain) {
    TrustEvent e = drain.at(bucket.time());
    TrustPolicy p = bucket.policy();
    double loss = bucket.level() - bucket.plus(e).level();
    double fraction = Math.min(1.0, p.rates().lossRate() * e.weight() * p.drainMultipliers().multiplier(e.behaviour(), e.disclosure()));
    assertThat(loss).isCloseTo(fraction * bucket.level(), within(1e-12));
  }
}
