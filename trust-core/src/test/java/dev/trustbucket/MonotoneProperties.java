package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.testing.TrustGenerators.TrustEventTemplate;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import dev.trustbucket.testing.TrustGenerators;

/**
 * Law 3 · monotone: an event's own effect (apart from the decay over the time before it) never
 * lowers the level for a drop and never raises it for a drain; a heavier event moves it at least
 * as far. The event's own effect is {@code apply(e)} compared with {@code advanceTo(e.time())}.
 */
@Label("Law 3 · monotone")
class MonotoneProperties {

  @Property
  @Label("Law 3 · monotone: apply(e) is decay to e.time() then the event's own effect")
  void applyIsDecayThenEffect(
      @ForAll(supplier = TrustGenerators.Buckets.class) TrustBucket bucket,
      @ForAll(supplier = TrustGenerators.EventTemplates.class) TrustEventTemplate template,
      @ForAll(supplier = TrustGenerators.Gaps.class) Duration gap) {
    TrustEvent e = template.at(bucket.time().plus(gap));
    assertThat(bucket.at(e.time()).plus(e)).isEqualTo(bucket.plus(e));
  }

  @Property
  @Label("Law 3 · monotone: a drop never lowers the level, a drain never raises it, every preset")
  void dropsNeverLowerDrainsNeverRaise(
      @ForAll(supplier = TrustGenerators.Buckets.class) TrustBucket bucket,
      @ForAll(supplier = TrustGenerators.EventTemplates.class) TrustEventTemplate template,
      @ForAll(supplier = TrustGenerators.Gaps.class) Duration gap) {
    TrustEvent e = template.at(bucket.time().plus(gap));
    TrustBucket before = BucketInvariants.check(bucket.at(e.time()));
    TrustBucket after = BucketInvariants.check(bucket.plus(e));
    Statistics.collect(e.isDrop() ? "drop" : "drain", Double.compare(after.level(), before.level()));
    if (e.isDrop()) {
      assertThat(after.level()).isGreaterThanOrEqualTo(before.level());
      assertThat(after.scar()).as("a drop leaves the scar alone").isEqualTo(before.scar());
    } else {
      assertThat(after.level()).isLessThanOrEqualTo(before.level());
      assertThat(after.scar()).as("a drain never heals a scar").isGreaterThanOrEqualTo(before.scar());
    }
    Statistics.coverage(c -> {
      c.check("drop", 1).percentage(p -> p > 10);
      c.check("drain", -1).percentage(p -> p > 10);
    });
  }

  @Property
  @Label("Law 3 · monotone: a heavier event of the same behaviour moves the level at least as far")
  void heavierMovesAtLeastAsFar(
      @ForAll(supplier = TrustGenerators.Buckets.class) TrustBucket bucket,
      @ForAll(supplier = TrustGenerators.EventTemplates.class) TrustEventTemplate template,
      @ForAll(supplier = TrustGenerators.Weights.class) double w1,
      @ForAll(supplier = TrustGenerators.Weights.class) double w2,
      @ForAll(supplier = TrustGenerators.Gaps.class) Duration gap) {
    double lighter = Math.min(w1, w2);
    double heavier = Math.max(w1, w2);
    Instant t = bucket.time().plus(gap);
    TrustBucket before = bucket.at(t);
    TrustBucket light = bucket.plus(template.at(t).withWeight(lighter));
    TrustBucket heavy = bucket.plus(template.at(t).withWeight(heavier));
    assertThat(Math.abs(heavy.level() - before.level()))
        .as("%s weighing %s vs %s", template.behaviour(), heavier, lighter)
        .isGreaterThanOrEqualTo(Math.abs(light.level() - before.level()));
    if (!template.behaviour().isDrop()) {
      assertThat(heavy.scar()).as("a heavier breach scars at least as deep").isGreaterThanOrEqualTo(light.scar());
    }
  }
}
