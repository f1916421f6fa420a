package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.testing.TrustGenerators.TrustEventTemplate;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import dev.trustbucket.testing.TrustGenerators;

/**
 * Law 14 · bad input: events earlier than the last one, NaN/infinite/negative weights, nulls and
 * unknown behaviours are rejected with a message naming the field and the value; the state is
 * unchanged (buckets are immutable: the bucket still equals a copy made before, and carrying on
 * from it works). Policy settings out of range are rejected when the policy is built.
 */
@Label("Law 14 · bad input")
class BadInputProperties {

  /** Checks that {@code bucket} still equals {@code copy} and that both carry on alike. */
  static void unchangedAndUsable(TrustBucket bucket, TrustBucket copy, TrustEventTemplate next) {
    assertThat(bucket).isEqualTo(copy);
    TrustEvent e = next.at(bucket.time().plusSeconds(60));
    assertThat(BucketInvariants.check(bucket.plus(e))).isEqualTo(copy.plus(e));
  }

  /** An independent copy of a bucket's state, through restore(). */
  static TrustBucket copyOf(TrustBucket b) {
    return TrustBucket.ofState(b.policy(), b.time(), b.level(), b.scar(), b.tier(), b.promotedAt(),
        b.positiveEvidence(), b.negativeEvidence());
  }

  @Property
  @Label("Law 14 · bad input: an event earlier than the bucket's time is rejected naming \"time\" and the value")
  void earlierEventsAreRejected(
      @ForAll(supplier = TrustGenerators.Buckets.class) TrustBucket bucket,
      @ForAll(supplier = TrustGenerators.EventTemplates.class) TrustEventTemplate template,
      @ForAll("backwards") Duration back,
      @ForAll(supplier = TrustGenerators.EventTemplates.class) TrustEventTemplate next) {
    TrustBucket copy = copyOf(bucket);
    Instant earlier = bucket.time().minus(back);
    TrustEvent late = template.at(earlier);
    InvalidTrustInputException e = catchThrowableOfType(InvalidTrustInputException.class, () -> bucket.plus(late));
    assertThat(e).isNotNull();
    assertThat(e.field()).isEqualTo("time");
    assertThat(e.getMessage()).contains("time").contains(earlier.toString());
    InvalidTrustInputException a = catchThrowableOfType(InvalidTrustInputException.class, () -> bucket.at(earlier));
    assertThat(a).isNotNull();
    assertThat(a.field()).isEqualTo("time");
    assertThat(a.getMessage()).contains("time").contains(earlier.toString());
    assertThatThrownBy(() -> bucket.levelAt(earlier)).isInstanceOf(InvalidTrustInputException.class);
    assertThatThrownBy(() -> bucket.tierAt(earlier)).isInstanceOf(InvalidTrustInputException.class);
    unchangedAndUsable(bucket, copy, next);
  }

  @Provide
  Arbitrary<Duration> backwards() {
    return Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(1L)),
            Tuple.of(3, Arbitraries.longs().between(1, 86_400_000_000L)),
            Tuple.of(1, Arbitraries.longs().between(1, 100 * 31_557_600_000_000L))) // 100 Julian years
        .map(m -> Duration.of(m, ChronoUnit.MICROS));
  }

  @Provide
  Arbitrary<Double> badWeights() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            -0.0 - Double.MIN_VALUE, -1.0, Math.nextUp(100.0), Double.MAX_VALUE, -Double.MAX_VALUE)),
        Tuple.of(2, Arbitraries.doubles().between(-1e9, -0.01)),
        Tuple.of(1, Arbitraries.doubles().greaterThan(100.0)));
  }

  @Property
  @Label("Law 14 · bad input: NaN, infinite, negative or > 100 weights are rejected naming \"weight\" and quoting the value")
  void badWeightsAreRejected(
      @ForAll(supplier = TrustGenerators.Buckets.class) TrustBucket bucket,
      @ForAll(supplier = TrustGenerators.AnyBehaviour.class) Behaviour behaviour,
      @ForAll("badWeights") double weight,
      @ForAll(supplier = TrustGenerators.EventTemplates.class) TrustEventTemplate next) {
    TrustBucket copy = copyOf(bucket);
    TrustEvent ok = TrustEvent.of(behaviour, bucket.time());
    for (Runnable attempt : List.<Runnable>of(
        () -> ok.withWeight(weight),
        () -> new TrustEvent(behaviour, bucket.time(), weight, Disclosure.notRecorded(), ""),
        () -> bucket.plus(ok.withWeight(weight)))) {
      InvalidTrustInputException e = catchThrowableOfType(InvalidTrustInputException.class, attempt::run);
      assertThat(e).isNotNull();
      assertThat(e.field()).isEqualTo("weight");
      assertThat(e.getMessage()).contains("weight").contains(String.valueOf(weight));
    }
    assertThatThrownBy(() -> Behaviour.drain("custom-drain", Dimension.ABILITY, weight, "Custom"))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("defaultWeight")
        .hasMessageContaining(String.valueOf(weight));
    unchangedAndUsable(bucket, copy, next);
  }

  @Property
  @Label("Law 14 · bad input: a behaviour outside the policy's catalogue is rejected naming \"behaviour\"")
  void unknownBehavioursAreRejected(
      @ForAll(supplier = TrustGenerators.Buckets.class) TrustBucket bucket,
      @ForAll("strangers") Behaviour stranger,
      @ForAll(supplier = TrustGenerators.EventTemplates.class) TrustEventTemplate next) {
    TrustBucket copy = copyOf(bucket);
    TrustEvent e = TrustEvent.of(stranger, bucket.time().plusSeconds(1));
    InvalidTrustInputException x = catchThrowableOfType(InvalidTrustInputException.class, () -> bucket.plus(e));
    assertThat(x).isNotNull();
    assertThat(x.field()).isEqualTo("behaviour");
    assertThat(x.getMessage()).contains("behaviour").contains(stranger.id());
    boolean knownId = bucket.policy().catalogue().all().stream().anyMatch(b -> b.id().equals(stranger.id()));
    Statistics.collect(knownId ? "known id, other settings" : "unknown id");
    unchangedAndUsable(bucket, copy, next);
  }

  /** Behaviours no preset knows: made-up ids, and stock ids with different settings. */
  @Provide
  Arbitrary<Behaviour> strangers() {
    Arbitrary<Behaviour> madeUp = Combinators.combine(
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12),
            Arbitraries.of(dev.trustbucket.behaviour.Direction.class),
            Arbitraries.of(Dimension.class),
            Arbitraries.doubles().between(0, 100))
        .as((id, direction, dimension, w) -> new Behaviour("made-up-" + id, direction, dimension, w, "Made up"))
        .filter(b -> !BehaviourCatalogue.defaults().all().stream().anyMatch(s -> s.id().equals(b.id())));
    Arbitrary<Behaviour> impostor = Combinators.combine(TrustGenerators.behaviours(), Arbitraries.doubles().between(0, 100))
        .as((b, w) -> new Behaviour(b.id(), b.direction(), b.dimension(), w, b.label()))
        .filter(b -> !BehaviourCatalogue.defaults().contains(b));
    return Arbitraries.oneOf(madeUp, impostor);
  }

  @Example
  @Label("Law 14 · bad input: nulls are rejected with a NullPointerException naming the field")
  void nullsAreRejected() {
    TrustBucket b = TrustBucket.of(TrustPolicy.defaults(), TrustGenerators.T0);
    TrustBucket copy = copyOf(b);
    Instant t = TrustGenerators.T0;
    assertThatThrownBy(() -> b.plus(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("event");
    assertThatThrownBy(() -> b.at(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("time");
    assertThatThrownBy(() -> TrustBucket.of(null, t)).isInstanceOf(NullPointerException.class).hasMessageContaining("policy");
    assertThatThrownBy(() -> TrustBucket.of(TrustPolicy.defaults(), null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("time");
    Behaviour d = Behaviours.DELIVERED_ON_COMMITMENT;
    assertThatThrownBy(() -> new TrustEvent(null, t, 1, Disclosure.notRecorded(), ""))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("behaviour");
    assertThatThrownBy(() -> new TrustEvent(d, null, 1, Disclosure.notRecorded(), ""))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("time");
    assertThatThrownBy(() -> new TrustEvent(d, t, 1, null, ""))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("disclosure");
    assertThatThrownBy(() -> new TrustEvent(d, t, 1, Disclosure.notRecorded(), null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("note");
    assertThatThrownBy(() -> TrustEvent.of(null, t)).isInstanceOf(NullPointerException.class).hasMessageContaining("behaviour");
    assertThatThrownBy(() -> TrustEvent.of(d, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("time");
    unchangedAndUsable(b, copy, new TrustEventTemplate(d, 1.0, Disclosure.notRecorded()));
  }

  // ---------------------------------------------------------------- policy settings

  /** One bad setting: the field it names, the value, and how to put it into a builder. */
  record BadSetting(String field, Object value, UnaryOperator<TrustPolicy.Builder> put) {
    @Override
    public String toString() {
      return field + " = " + value;
    }
  }

  static Arbitrary<BadSetting> badDouble(String field, Arbitrary<Double> values,
      java.util.function.BiFunction<TrustPolicy.Builder, Double, TrustPolicy.Builder> setter) {
    return values.map(v -> new BadSetting(field, v, b -> setter.apply(b, v)));
  }

  static Arbitrary<Double> outside(double min, double max) {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Math.nextDown(min), Math.nextUp(max))),
        Tuple.of(2, Arbitraries.doubles().between(-1e6, 1e6).filter(v -> v < min || v > max)));
  }

  @Provide
  Arbitrary<Tuple.Tuple2<TrustPolicy, BadSetting>> badSettings() {
    return TrustGenerators.presets().flatMap(base -> Arbitraries.oneOf(List.of(
        badDouble("baseline", outside(Double.MIN_VALUE, Math.nextDown(1.0)), TrustPolicy.Builder::baseline),
        badDouble("gainRate", outside(Double.MIN_VALUE, 1.0), (b, v) -> b.rates(base.rates().withGainRate(v))),
        badDouble("lossRate", outside(Double.MIN_VALUE, 1.0), (b, v) -> b.rates(base.rates().withLossRate(v))),
        badDouble("integrityMultiplier", outside(1.0, 10.0), (b, v) -> b.drainMultipliers(base.drainMultipliers().withIntegrityMultiplier(v))),
        badDouble("majorSeverity", outside(Double.MIN_VALUE, 100.0), (b, v) -> b.breachRules(base.breachRules().withMajorSeverity(v))),
        badDouble("scarRate", outside(0.0, 1.0), (b, v) -> b.breachRules(base.breachRules().withScarRate(v))),
        badDouble("maxScar", outside(0.0, 1.0 - base.baseline()), (b, v) -> b.breachRules(base.breachRules().withMaxScar(v))),
        badDouble("selfReportedMultiplier", outside(Double.MIN_VALUE, 1.0), (b, v) -> b.drainMultipliers(base.drainMultipliers().withSelfReportedMultiplier(v))),
        badDouble("discoveredMultiplier", outside(1.0, 10.0).filter(v -> !(v >= 1.0 && v <= base.drainMultipliers().discoveredMultiplierLimit())),
            (b, v) -> b.drainMultipliers(base.drainMultipliers().withDiscoveredMultiplier(v))),
        badDouble("discoveredMultiplierLimit", outside(base.drainMultipliers().discoveredMultiplier(), 10.0), (b, v) -> b.drainMultipliers(base.drainMultipliers().withDiscoveredMultiplierLimit(v))),
        Arbitraries.of(Duration.ZERO, Duration.ofSeconds(59), Duration.ofDays(-1), Duration.ofDays(36_526))
            .map(d -> new BadSetting("concealmentHalfTime", d, b -> b.drainMultipliers(base.drainMultipliers().withConcealmentHalfTime(d)))),
        Arbitraries.longs().between(1, 364)
            .map(days -> DecayRule.exponential(Duration.ofDays(days)))
            .map(r -> new BadSetting("scarDecay", r, b -> b.decay(DecayRule.exponential(Duration.ofDays(365))).scarDecay(r))),
        Arbitraries.of("", " ", "x".repeat(101))
            .map(n -> new BadSetting("name", "\"" + dev.trustbucket.internal.Texts.clip(n) + "\"", b -> b.name(n)))))
        .map(bad -> Tuple.of(base, bad)));
  }

  @Property
  @Label("Law 14 · bad input: the policy builder rejects out-of-range settings, naming the field and quoting the value")
  void badPolicySettingsAreRejected(@ForAll("badSettings") Tuple.Tuple2<TrustPolicy, BadSetting> baseAndBad) {
    TrustPolicy base = baseAndBad.get1();
    BadSetting bad = baseAndBad.get2();
    TrustPolicy.Builder builder = TrustPolicy.builder().from(base);
    InvalidTrustInputException e =
        catchThrowableOfType(InvalidTrustInputException.class, () -> bad.put().apply(builder).build());
    assertThat(e).as("building %s with %s", base.name(), bad).isNotNull();
    assertThat(e.field()).isEqualTo(bad.field());
    assertThat(e.getMessage()).contains(bad.field()).contains(String.valueOf(bad.value()));
    Statistics.collect(bad.field());
    // The base policy is untouched and still builds.
    assertThat(TrustPolicy.builder().from(base).build()).isEqualTo(base);
  }

  @Example
  @Label("Law 14 · bad input: a scar decay faster than the level decay is rejected naming \"scarDecay\"")
  void scarDecayFasterThanDecay() {
    assertThatThrownBy(() -> TrustPolicy.builder()
            .decay(DecayRule.exponential(Duration.ofDays(365)))
            .scarDecay(DecayRule.exponential(Duration.ofDays(100)))
            .build())
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("scarDecay")
        .hasMessageContaining("PT2400H");
    assertThatThrownBy(() -> TrustPolicy.builder().scarDecay(DecayRule.exponential(Duration.ofDays(30))).decay(DecayRule.none()).build())
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("scarDecay");
  }

  @Property
  @Label("Law 14 · bad input: events at or after the bucket's time are accepted, sub-microsecond earlier parts included")
  void sameMicrosecondIsNotEarlier(
      @ForAll(supplier = TrustGenerators.Buckets.class) TrustBucket bucket,
      @ForAll(supplier = TrustGenerators.EventTemplates.class) TrustEventTemplate template,
      @ForAll @LongRange(min = 0, max = 999) long nanos) {
    // The bucket's time has whole microseconds; adding nanoseconds stays in the same microsecond.
    TrustEvent e = template.at(bucket.time().plusNanos(nanos));
    assertThat(BucketInvariants.check(bucket.plus(e)).timeMicros()).isEqualTo(bucket.timeMicros());
  }
}
