package dev.trustbucket;

import dev.trustbucket.decay.DecayRule;

import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.behaviour.Dimension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.DoubleArbitrary;

/**
 * The one place where the law tests get their random inputs: policies, levels, weights,
 * disclosures, gaps, events and whole scenarios.
 *
 * <p>Use the static methods in {@code @Provide} methods or {@code Combinators}, or the nested
 * {@link ArbitrarySupplier}s directly: {@code @ForAll(supplier = Generators.Policies.class)}.
 */
public final class Generators {
  private Generators() {}

  /** A Monday morning in 2025: the start of most hand-written scenarios. */
  public static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");

  static final long MICROS_PER_SECOND = 1_000_000L;
  static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
  static final long MICROS_PER_YEAR = 36_525L * MICROS_PER_DAY / 100;
  static final long MICROS_PER_CENTURY = 100 * MICROS_PER_YEAR;

  /** Scenario times never go past this; gaps that would are replaced by zero. */
  static final Instant LATEST_SCENARIO_TIME = Instant.parse("+200000-01-01T00:00:00Z");

  /** The four named presets. */
  public static final List<TrustPolicy> PRESETS =
      List.of(TrustPolicy.defaults(), TrustPolicy.symmetric(), TrustPolicy.strict(), TrustPolicy.forgiving());

  /** The presets whose drains weigh more than drops: all but the symmetric one. */
  public static final List<TrustPolicy> ASYMMETRIC_PRESETS =
      List.of(TrustPolicy.defaults(), TrustPolicy.strict(), TrustPolicy.forgiving());

  // ---------------------------------------------------------------- policies and levels

  public static Arbitrary<TrustPolicy> policies() {
    return Arbitraries.of(PRESETS);
  }

  public static Arbitrary<TrustPolicy> asymmetricPolicies() {
    return Arbitraries.of(ASYMMETRIC_PRESETS);
  }

  /** Levels in [0, 1], with 0, 1 and the baseline as edge cases. */
  public static DoubleArbitrary levels() {
    return Arbitraries.doubles().between(0.0, 1.0).withSpecialValue(0.5);
  }

  /**
   * Autonomy ladders: the presets' and random valid ones (strictly increasing thresholds in (0, 1],
   * a band below the lowest threshold, a minimum stay from zero to 60 days).
   */
  public static Arbitrary<AutonomyLadder> ladders() {
    Arbitrary<AutonomyLadder> random =
        Combinators.combine(
                Arbitraries.doubles().between(0.01, 1.0).set().ofSize(3),
                Arbitraries.doubles().between(0.0, 0.99),
                Arbitraries.longs().between(0, 60 * 86_400L))
            .as((thresholds, bandFraction, staySeconds) -> {
              double[] t = thresholds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
              return new AutonomyLadder(t[0], t[1], t[2], t[0] * bandFraction, Duration.ofSeconds(staySeconds));
            });
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of(PRESETS.stream().map(TrustPolicy::ladder).distinct().collect(Collectors.toList()))),
        Tuple.of(2, random));
  }

  // ---------------------------------------------------------------- behaviours and weights

  public static Arbitrary<Behaviour> behaviours() {
    return Arbitraries.of(Behaviours.all());
  }

  public static Arbitrary<Behaviour> drops() {
    return Arbitraries.of(Behaviours.all().stream().filter(Behaviour::isDrop).collect(Collectors.toList()));
  }

  public static Arbitrary<Behaviour> drains() {
    return Arbitraries.of(Behaviours.all().stream().filter(b -> !b.isDrop()).collect(Collectors.toList()));
  }

  /** Drains of one dimension. */
  public static Arbitrary<Behaviour> drains(Dimension dimension) {
    return Arbitraries.of(
        Behaviours.all().stream()
            .filter(b -> !b.isDrop() && b.dimension() == dimension)
            .collect(Collectors.toList()));
  }

  /**
   * The drops that count as "ordinary" in the laws: any stock drop, taken at weight 1.
   */
  public static Arbitrary<TrustEventTemplate> ordinaryDrops() {
    return drops().map(b -> new TrustEventTemplate(b, 1.0, Disclosure.notRecorded()));
  }

  /**
   * The drains that count as "ordinary" in the laws: a competence (ability) or communication
   * drain of weight 1 with no disclosure recorded, hence not a breach.
   */
  public static Arbitrary<TrustEventTemplate> ordinaryDrains() {
    return Arbitraries.of(
            Behaviours.all().stream()
                .filter(b -> !b.isDrop() && b.dimension() != Dimension.INTEGRITY)
                .collect(Collectors.toList()))
        .map(b -> new TrustEventTemplate(b, 1.0, Disclosure.notRecorded()));
  }

  /** Weights in [0, 100]: mostly everyday sizes, with 0, ordinary, major and huge ones. */
  public static Arbitrary<Double> weights() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(0.0, 0.25, 0.5, 0.75, 1.0, 2.0, 100.0)),
        Tuple.of(5, Arbitraries.doubles().between(0.0, 3.0)),
        Tuple.of(2, Arbitraries.doubles().between(0.0, 100.0)));
  }

  // ---------------------------------------------------------------- disclosure and time

  /** Concealment delays from zero to the hundred-year limit, mostly days to months. */
  public static Arbitrary<Duration> delays() {
    return Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.just(0L)),
            Tuple.of(2, Arbitraries.longs().between(0, 3_600L)),
            Tuple.of(5, Arbitraries.longs().between(0, 365L * 86_400L)),
            Tuple.of(1, Arbitraries.longs().between(0, Disclosure.MAX_DELAY.getSeconds())))
        .map(Duration::ofSeconds);
  }

  public static Arbitrary<Disclosure> disclosures() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(Disclosure.notRecorded())),
        Tuple.of(2, Arbitraries.just(Disclosure.selfReported())),
        Tuple.of(2, delays().map(Disclosure::discovered)));
  }

  /**
   * Gaps between events in microseconds: zero (simultaneous events), seconds, days, weeks, years
   * and, rarely, centuries.
   */
  public static Arbitrary<Long> gapsMicros() {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just(0L)),
        Tuple.of(2, Arbitraries.longs().between(1, 60 * MICROS_PER_SECOND)),
        Tuple.of(4, Arbitraries.longs().between(1, MICROS_PER_DAY)),
        Tuple.of(5, Arbitraries.longs().between(MICROS_PER_DAY, 28 * MICROS_PER_DAY)),
        Tuple.of(1, Arbitraries.longs().between(28 * MICROS_PER_DAY, 3 * MICROS_PER_YEAR)),
        Tuple.of(1, Arbitraries.longs().between(3 * MICROS_PER_YEAR, 5 * MICROS_PER_CENTURY)));
  }

  /** Strictly positive gaps, from a microsecond to centuries. */
  public static Arbitrary<Long> positiveGapsMicros() {
    return gapsMicros().filter(g -> g > 0);
  }

  /** Gaps of whole centuries: one to ten. */
  public static Arbitrary<Long> centuryGapsMicros() {
    return Arbitraries.longs().between(MICROS_PER_CENTURY, 10 * MICROS_PER_CENTURY);
  }

  /** Start instants from the year 1 to 3000, with sub-microsecond noise that the model drops. */
  public static Arbitrary<Instant> instants() {
    long from = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("3000-01-01T00:00:00Z").getEpochSecond();
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(T0)),
        Tuple.of(4,
            Combinators.combine(Arbitraries.longs().between(from, to), Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::ofEpochSecond)));
  }

  // ---------------------------------------------------------------- events

  /** An event without its time. */
  public record TrustEventTemplate(Behaviour behaviour, double weight, Disclosure disclosure) {
    public TrustEvent at(Instant time) {
      return new TrustEvent(behaviour, time, weight, disclosure, "");
    }

    public TrustEvent at(Instant origin, long offsetMicros) {
      return at(plusMicros(origin, offsetMicros));
    }
  }

  /** Any event of the stock catalogue, any weight, drains with any disclosure. */
  public static Arbitrary<TrustEventTemplate> eventTemplates() {
    return Combinators.combine(behaviours(), weights(), disclosures())
        .as((b, w, d) -> new TrustEventTemplate(b, w, b.isDrop() ? Disclosure.notRecorded() : d));
  }

  /** Any stock drop at any weight. */
  public static Arbitrary<TrustEventTemplate> dropTemplates() {
    return Combinators.combine(drops(), weights()).as((b, w) -> new TrustEventTemplate(b, w, Disclosure.notRecorded()));
  }

  /** Any stock drain at any weight, with any disclosure. */
  public static Arbitrary<TrustEventTemplate> drainTemplates() {
    return Combinators.combine(drains(), weights(), disclosures()).as(TrustEventTemplate::new);
  }

  /** An event template followed by the gap before it. */
  public record Step(TrustEventTemplate event, long gapMicros) {}

  public static Arbitrary<Step> steps(Arbitrary<Long> gaps) {
    return Combinators.combine(eventTemplates(), gaps).as(Step::new);
  }

  /**
   * A policy, a start instant and events in non-decreasing time order (simultaneous events
   * included), each event at least zero and at most centuries after the one before.
   */
  public record Scenario(TrustPolicy policy, Instant start, List<TrustEvent> events) {
    public TrustBucket startBucket() {
      return TrustBucket.of(policy, start);
    }

    /** Applies every event, checking the bucket's invariants after each step. */
    public TrustBucket run() {
      return runAll(startBucket(), events);
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder("Scenario[policy=").append(policy.name()).append(", start=").append(start);
      for (TrustEvent e : events) {
        s.append("\n  ").append(e.time()).append(' ').append(e.behaviour().id()).append(" w=").append(e.weight());
        if (!e.isDrop()) {
          s.append(' ').append(e.disclosure());
        }
      }
      return s.append(']').toString();
    }
  }

  public static Arbitrary<Scenario> scenarios(int maxEvents) {
    return scenarios(policies(), gapsMicros(), 0, maxEvents);
  }

  public static Arbitrary<Scenario> scenarios(
      Arbitrary<TrustPolicy> policies, Arbitrary<Long> gaps, int minEvents, int maxEvents) {
    return Combinators.combine(policies, instants(), steps(gaps).list().ofMinSize(minEvents).ofMaxSize(maxEvents)
                .withSizeDistribution(RandomDistribution.uniform()))
        .as(Generators::materialise);
  }

  /**
   * Long scenarios, up to {@code maxEvents}, drawn with the same mix of behaviours, weights,
   * disclosures and gaps as {@link #scenarios(int)} but straight from jqwik's random source:
   * composing thousands of shrinkable steps per try is too slow, and a 2,000-event sample would not
   * shrink usefully anyway. A failure reports the seed, which reproduces it.
   */
  public static Arbitrary<Scenario> longScenarios(int maxEvents) {
    return Arbitraries.randomValue(random -> sampleScenario(new SplittableRandom(random.nextLong()), maxEvents));
  }

  private static final double[] SPECIAL_WEIGHTS = {0.0, 0.25, 0.5, 0.75, 1.0, 2.0, 100.0};

  static Scenario sampleScenario(SplittableRandom r, int maxEvents) {
    TrustPolicy policy = PRESETS.get(r.nextInt(PRESETS.size()));
    Instant start = r.nextInt(5) == 0 ? T0 : Instant.ofEpochSecond(
        r.nextLong(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(), Instant.parse("3000-01-01T00:00:00Z").getEpochSecond()),
        r.nextInt(1_000_000_000));
    int size = r.nextInt(maxEvents + 1);
    List<Behaviour> all = Behaviours.all();
    List<Step> steps = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Behaviour b = all.get(r.nextInt(all.size()));
      int wk = r.nextInt(10);
      double w = wk < 3 ? SPECIAL_WEIGHTS[r.nextInt(SPECIAL_WEIGHTS.length)] : wk < 8 ? r.nextDouble(3.0) : r.nextDouble(100.0);
      Disclosure d = Disclosure.notRecorded();
      int dk = r.nextInt(8);
      if (!b.isDrop() && dk >= 4) {
        d = dk < 6 ? Disclosure.selfReported() : Disclosure.discovered(Duration.ofSeconds(sampleDelaySeconds(r)));
      }
      steps.add(new Step(new TrustEventTemplate(b, w, d), sampleGapMicros(r)));
    }
    return materialise(policy, start, steps);
  }

  private static long sampleDelaySeconds(SplittableRandom r) {
    int k = r.nextInt(10);
    return k < 2 ? 0 : k < 4 ? r.nextLong(3_601) : k < 9 ? r.nextLong(365L * 86_400L + 1) : r.nextLong(Disclosure.MAX_DELAY.getSeconds() + 1);
  }

  private static long sampleGapMicros(SplittableRandom r) {
    int k = r.nextInt(15);
    if (k < 2) {
      return 0;
    } else if (k < 4) {
      return r.nextLong(1, 60 * MICROS_PER_SECOND + 1);
    } else if (k < 8) {
      return r.nextLong(1, MICROS_PER_DAY + 1);
    } else if (k < 13) {
      return r.nextLong(MICROS_PER_DAY, 28 * MICROS_PER_DAY + 1);
    } else if (k < 14) {
      return r.nextLong(28 * MICROS_PER_DAY, 3 * MICROS_PER_YEAR + 1);
    }
    return r.nextLong(3 * MICROS_PER_YEAR, 5 * MICROS_PER_CENTURY + 1);
  }

  static Scenario materialise(TrustPolicy policy, Instant start, List<Step> steps) {
    List<TrustEvent> events = new ArrayList<>(steps.size());
    Instant t = start;
    for (Step s : steps) {
      Instant next = plusMicros(t, s.gapMicros());
      if (!next.isAfter(LATEST_SCENARIO_TIME)) {
        t = next;
      }
      events.add(s.event().at(t));
    }
    return new Scenario(policy, start, List.copyOf(events));
  }

  // ---------------------------------------------------------------- buckets

  /**
   * Buckets in any reachable state: fresh ones at any level, and ones that went through up to 60
   * random events (so scarred, promoted, demoted, decayed ones too), under any preset.
   */
  public static Arbitrary<TrustBucket> buckets() {
    return buckets(policies());
  }

  public static Arbitrary<TrustBucket> buckets(Arbitrary<TrustPolicy> policies) {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Combinators.combine(policies, instants(), levels()).as(TrustBucket::of)),
        Tuple.of(3, scenarios(policies, gapsMicros(), 0, 60).map(Scenario::run)));
  }

  // ---------------------------------------------------------------- helpers

  public static Instant plusMicros(Instant t, long micros) {
    return t.plusSeconds(micros / MICROS_PER_SECOND).plusNanos((micros % MICROS_PER_SECOND) * 1_000L);
  }

  /** Applies events in order, checking the invariants after every step. */
  public static TrustBucket runAll(TrustBucket bucket, List<TrustEvent> events) {
    TrustBucket b = bucket;
    for (TrustEvent e : events) {
      b = b.plus(e);
      BucketInvariants.check(b);
    }
    return b;
  }

  // ---------------------------------------------------------------- suppliers for @ForAll

  public static final class Policies implements ArbitrarySupplier<TrustPolicy> {
    @Override
    public Arbitrary<TrustPolicy> get() {
      return policies();
    }
  }

  public static final class AsymmetricPolicies implements ArbitrarySupplier<TrustPolicy> {
    @Override
    public Arbitrary<TrustPolicy> get() {
      return asymmetricPolicies();
    }
  }

  public static final class Ladders implements ArbitrarySupplier<AutonomyLadder> {
    @Override
    public Arbitrary<AutonomyLadder> get() {
      return ladders();
    }
  }

  public static final class Levels implements ArbitrarySupplier<Double> {
    @Override
    public Arbitrary<Double> get() {
      return levels();
    }
  }

  public static final class Weights implements ArbitrarySupplier<Double> {
    @Override
    public Arbitrary<Double> get() {
      return weights();
    }
  }

  public static final class AnyBehaviour implements ArbitrarySupplier<Behaviour> {
    @Override
    public Arbitrary<Behaviour> get() {
      return behaviours();
    }
  }

  public static final class Drops implements ArbitrarySupplier<Behaviour> {
    @Override
    public Arbitrary<Behaviour> get() {
      return drops();
    }
  }

  public static final class Drains implements ArbitrarySupplier<Behaviour> {
    @Override
    public Arbitrary<Behaviour> get() {
      return drains();
    }
  }

  public static final class Disclosures implements ArbitrarySupplier<Disclosure> {
    @Override
    public Arbitrary<Disclosure> get() {
      return disclosures();
    }
  }

  public static final class Delays implements ArbitrarySupplier<Duration> {
    @Override
    public Arbitrary<Duration> get() {
      return delays();
    }
  }

  public static final class Instants implements ArbitrarySupplier<Instant> {
    @Override
    public Arbitrary<Instant> get() {
      return instants();
    }
  }

  public static final class Gaps implements ArbitrarySupplier<Long> {
    @Override
    public Arbitrary<Long> get() {
      return gapsMicros();
    }
  }

  public static final class EventTemplates implements ArbitrarySupplier<TrustEventTemplate> {
    @Override
    public Arbitrary<TrustEventTemplate> get() {
      return eventTemplates();
    }
  }

  public static final class DropTemplates implements ArbitrarySupplier<TrustEventTemplate> {
    @Override
    public Arbitrary<TrustEventTemplate> get() {
      return dropTemplates();
    }
  }

  public static final class DrainTemplates implements ArbitrarySupplier<TrustEventTemplate> {
    @Override
    public Arbitrary<TrustEventTemplate> get() {
      return drainTemplates();
    }
  }

  public static final class OrdinaryDrops implements ArbitrarySupplier<TrustEventTemplate> {
    @Override
    public Arbitrary<TrustEventTemplate> get() {
      return ordinaryDrops();
    }
  }

  public static final class OrdinaryDrains implements ArbitrarySupplier<TrustEventTemplate> {
    @Override
    public Arbitrary<TrustEventTemplate> get() {
      return ordinaryDrains();
    }
  }

  public static final class Buckets implements ArbitrarySupplier<TrustBucket> {
    @Override
    public Arbitrary<TrustBucket> get() {
      return buckets();
    }
  }

  /** Scenarios of up to 200 events under any preset. */
  public static final class Scenarios implements ArbitrarySupplier<Scenario> {
    @Override
    public Arbitrary<Scenario> get() {
      return scenarios(200);
    }
  }

  /** Scenarios of up to 2,000 events under any preset (not shrinkable; see {@link #longScenarios}). */
  public static final class LongScenarios implements ArbitrarySupplier<Scenario> {
    @Override
    public Arbitrary<Scenario> get() {
      return longScenarios(2_000);
    }
  }

  /**
   * An application's own decay rule, for tests of what the library does with rules it did not
   * write: {@code retained} is the given function, {@code toString} the given name.
   */
  public static DecayRule decayRule(String name, java.util.function.LongToDoubleFunction kept) {
    return new DecayRule() {
      @Override
      public double retained(java.time.Duration elapsed) {
        return kept.applyAsDouble(dev.trustbucket.internal.EpochMicros.ofDuration(elapsed));
      }

      @Override
      public java.time.Duration halfLife() {
        return java.time.Duration.ofHours(1);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
