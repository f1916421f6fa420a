package dev.trustbucket.testing;

import dev.trustbucket.AutonomyLadder;
import dev.trustbucket.Disclosure;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.decay.DecayRule;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Dimension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.DoubleArbitrary;

/**
 * jqwik generators for the model's values, for stating your own properties over it: policies,
 * levels, autonomy ladders, behaviours, weights, disclosures, gaps and instants, events and whole
 * time-ordered scenarios, and buckets in any reachable state. trust-core's own law tests draw
 * their inputs from here.
 *
 * <p>Use the static methods in {@code @Provide} methods or with {@code Combinators}, or the nested
 * {@link ArbitrarySupplier}s directly: {@code @ForAll(supplier = TrustGenerators.Presets.class)
 * TrustPolicy policy}. Every value generated is valid: a policy builds, an event is accepted by a
 * bucket of its policy, a scenario's events are in time order. Histories with notes and custom
 * catalogues are in {@link HistoryGenerators}; random custom policies in {@link PolicyGenerators}.
 *
 * <p>Gaps between events are {@link Duration}s of whole microseconds, the model's resolution of
 * time: lay one on an instant with {@link Instant#plus(java.time.temporal.TemporalAmount)}.
 */
public final class TrustGenerators {
  private TrustGenerators() {}

  /** A Monday morning in 2025, {@code 2025-01-06T09:00:00Z}: the start of most hand-written scenarios. */
  public static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");

  // Gaps are whole microseconds, the model's resolution; sampleScenario draws them as longs.
  static final long MICROS_PER_SECOND = 1_000_000L;
  static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
  private static final long MICROS_PER_YEAR = 36_525L * MICROS_PER_DAY / 100;
  private static final long MICROS_PER_CENTURY = 100 * MICROS_PER_YEAR;
  private static final Duration MICROSECOND = Duration.of(1, ChronoUnit.MICROS);
  /** A Julian year of 365.25 days. */
  private static final Duration YEAR = ofMicros(MICROS_PER_YEAR);
  private static final Duration CENTURY = ofMicros(MICROS_PER_CENTURY);
  /** The longest gap a {@code long} of microseconds holds, about 292,000 years. */
  private static final Duration LONGEST_GAP = ofMicros(Long.MAX_VALUE);

  /** Scenario times never go past this; gaps that would are replaced by zero. */
  public static final Instant LATEST_SCENARIO_TIME = Instant.parse("+200000-01-01T00:00:00Z");

  /** The four named presets. */
  public static final List<TrustPolicy> PRESETS =
      List.of(TrustPolicy.defaults(), TrustPolicy.symmetric(), TrustPolicy.strict(), TrustPolicy.forgiving());

  /** The presets whose drains weigh more than drops: all but the symmetric one. */
  public static final List<TrustPolicy> ASYMMETRIC_PRESETS =
      List.of(TrustPolicy.defaults(), TrustPolicy.strict(), TrustPolicy.forgiving());

  // ---------------------------------------------------------------- policies and levels

  /**
   * The four named presets: {@code defaults}, {@code symmetric}, {@code strict} and {@code
   * forgiving}.
   *
   * @return the presets, each equally likely
   */
  public static Arbitrary<TrustPolicy> presets() {
    return Arbitraries.of(PRESETS);
  }

  /**
   * Any valid policy: the named presets, and random custom policies over every setting with custom
   * behaviour catalogues ({@link PolicyGenerators#policies()}), one in three a preset.
   *
   * @return valid policies
   */
  public static Arbitrary<TrustPolicy> policies() {
    return Arbitraries.frequencyOf(Tuple.of(1, presets()), Tuple.of(2, PolicyGenerators.policies()));
  }

  /**
   * The presets whose drains weigh more than drops: all but {@code symmetric}.
   *
   * @return the asymmetric presets
   */
  public static Arbitrary<TrustPolicy> asymmetricPolicies() {
    return Arbitraries.of(ASYMMETRIC_PRESETS);
  }

  /**
   * Levels in [0, 1], with 0, 1 and the default baseline 0.5 as edge cases.
   *
   * @return levels
   */
  public static DoubleArbitrary levels() {
    return Arbitraries.doubles().between(0.0, 1.0).withSpecialValue(0.5);
  }

  /**
   * Autonomy ladders: the presets' and random valid ones (strictly increasing thresholds in (0, 1],
   * a band below the lowest threshold, a minimum stay from zero to 60 days).
   *
   * @return ladders, one in three a preset's
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

  /**
   * The stock behaviours of the essay (the default catalogue).
   *
   * @return stock drops and drains
   */
  public static Arbitrary<Behaviour> behaviours() {
    return Arbitraries.of(BehaviourCatalogue.defaults().all());
  }

  /**
   * The stock drops.
   *
   * @return stock drops
   */
  public static Arbitrary<Behaviour> drops() {
    return Arbitraries.of(BehaviourCatalogue.defaults().all().stream().filter(Behaviour::isDrop).collect(Collectors.toList()));
  }

  /**
   * The stock drains.
   *
   * @return stock drains
   */
  public static Arbitrary<Behaviour> drains() {
    return Arbitraries.of(BehaviourCatalogue.defaults().all().stream().filter(b -> !b.isDrop()).collect(Collectors.toList()));
  }

  /**
   * The stock drains of one dimension.
   *
   * @param dimension the dimension
   * @return its stock drains
   */
  public static Arbitrary<Behaviour> drains(Dimension dimension) {
    return Arbitraries.of(
        BehaviourCatalogue.defaults().all().stream()
            .filter(b -> !b.isDrop() && b.dimension() == dimension)
            .collect(Collectors.toList()));
  }

  /**
   * The drops that count as "ordinary" in the laws: any stock drop, taken at weight 1.
   *
   * @return ordinary drops, without their time
   */
  public static Arbitrary<TrustEventTemplate> ordinaryDrops() {
    return drops().map(b -> new TrustEventTemplate(b, 1.0, Disclosure.notRecorded()));
  }

  /**
   * The drains that count as "ordinary" in the laws: a competence (ability) or communication
   * drain of weight 1 with no disclosure recorded, hence not a breach.
   *
   * @return ordinary drains, without their time
   */
  public static Arbitrary<TrustEventTemplate> ordinaryDrains() {
    return Arbitraries.of(
            BehaviourCatalogue.defaults().all().stream()
                .filter(b -> !b.isDrop() && b.dimension() != Dimension.INTEGRITY)
                .collect(Collectors.toList()))
        .map(b -> new TrustEventTemplate(b, 1.0, Disclosure.notRecorded()));
  }

  /**
   * Weights in [0, 100]: mostly everyday sizes, with 0, ordinary, major and huge ones.
   *
   * @return weights
   */
  public static Arbitrary<Double> weights() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(0.0, 0.25, 0.5, 0.75, 1.0, 2.0, 100.0)),
        Tuple.of(5, Arbitraries.doubles().between(0.0, 3.0)),
        Tuple.of(2, Arbitraries.doubles().between(0.0, 100.0)));
  }

  // ---------------------------------------------------------------- disclosure and time

  /**
   * Concealment delays from zero to the hundred-year limit, mostly days to months.
   *
   * @return delays before a hidden drain was discovered
   */
  public static Arbitrary<Duration> delays() {
    return Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.just(0L)),
            Tuple.of(2, Arbitraries.longs().between(0, 3_600L)),
            Tuple.of(5, Arbitraries.longs().between(0, 365L * 86_400L)),
            Tuple.of(1, Arbitraries.longs().between(0, Disclosure.MAX_DELAY.toSeconds())))
        .map(Duration::ofSeconds);
  }

  /**
   * Disclosures of a drain: mostly none recorded, else self-reported or discovered after any
   * {@link #delays() delay}.
   *
   * @return disclosures
   */
  public static Arbitrary<Disclosure> disclosures() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(Disclosure.notRecorded())),
        Tuple.of(2, Arbitraries.just(Disclosure.selfReported())),
        Tuple.of(2, delays().map(Disclosure::discovered)));
  }

  /**
   * Gaps between events: zero (simultaneous events), seconds, days, weeks, years and, rarely,
   * centuries (up to five). Each kind shrinks toward its shortest gap.
   *
   * @return gaps of whole microseconds, zero or positive
   */
  public static Arbitrary<Duration> gaps() {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just(Duration.ZERO)),
        Tuple.of(2, gapsBetween(MICROSECOND, Duration.ofSeconds(60))),
        Tuple.of(4, gapsBetween(MICROSECOND, Duration.ofDays(1))),
        Tuple.of(5, gapsBetween(Duration.ofDays(1), Duration.ofDays(28))),
        Tuple.of(1, gapsBetween(Duration.ofDays(28), YEAR.multipliedBy(3))),
        Tuple.of(1, gapsBetween(YEAR.multipliedBy(3), CENTURY.multipliedBy(5))));
  }

  /**
   * Strictly positive gaps, from a microsecond to centuries: {@link #gaps()} without zero.
   *
   * @return gaps of whole microseconds, positive
   */
  public static Arbitrary<Duration> positiveGaps() {
    return gaps().filter(g -> !g.isZero());
  }

  /**
   * Gaps of one to ten centuries (of Julian years, 365.25 days).
   *
   * @return gaps of whole microseconds, shrinking toward one century
   */
  public static Arbitrary<Duration> centuryGaps() {
    return gapsBetween(CENTURY, CENTURY.multipliedBy(10));
  }

  /**
   * Gaps in a range, for events spaced as a property needs ("up to a week apart"): whole
   * microseconds, the model's resolution, spread over the range with its ends as edge cases.
   *
   * @param min the shortest gap, zero or positive; a fraction of a microsecond is dropped
   * @param max the longest gap, at least {@code min} and at most about 292,000 years ({@code
   *     Long.MAX_VALUE} microseconds); a fraction of a microsecond is dropped
   * @return gaps from {@code min} to {@code max}, shrinking toward {@code min}
   * @throws IllegalArgumentException when {@code min} is negative, {@code max} is shorter than
   *     {@code min} or longer than about 292,000 years
   */
  public static Arbitrary<Duration> gapsBetween(Duration min, Duration max) {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (min.isNegative()) {
      throw new IllegalArgumentException("min must be zero or positive but was " + min);
    }
    if (max.compareTo(min) < 0 || max.compareTo(LONGEST_GAP) > 0) {
      throw new IllegalArgumentException(
          "max must be from min (" + min + ") to " + LONGEST_GAP + " but was " + max);
    }
    return Arbitraries.longs().between(wholeMicros(min), wholeMicros(max)).map(TrustGenerators::ofMicros);
  }

  /**
   * Start instants from the year 1 to 3000, with sub-microsecond noise that the model drops, and
   * {@link #T0} as an edge case.
   *
   * @return instants
   */
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

  /**
   * An event without its time, to lay at any instant.
   *
   * @param behaviour what happened
   * @param weight its weight, in [0, 100]
   * @param disclosure how a drain surfaced ({@link Disclosure#notRecorded()} for drops)
   */
  public record TrustEventTemplate(Behaviour behaviour, double weight, Disclosure disclosure) {
    /**
     * The event at an instant.
     *
     * @param time when it happened
     * @return the event, with an empty note
     */
    public TrustEvent at(Instant time) {
      return new TrustEvent(behaviour, time, weight, disclosure, "");
    }
  }

  /**
   * Any event of the stock catalogue, any weight, drains with any disclosure.
   *
   * @return event templates
   */
  public static Arbitrary<TrustEventTemplate> eventTemplates() {
    return Combinators.combine(behaviours(), weights(), disclosures())
        .as((b, w, d) -> new TrustEventTemplate(b, w, b.isDrop() ? Disclosure.notRecorded() : d));
  }

  /**
   * Any stock drop at any weight.
   *
   * @return drop templates
   */
  public static Arbitrary<TrustEventTemplate> dropTemplates() {
    return Combinators.combine(drops(), weights()).as((b, w) -> new TrustEventTemplate(b, w, Disclosure.notRecorded()));
  }

  /**
   * Any stock drain at any weight, with any disclosure.
   *
   * @return drain templates
   */
  public static Arbitrary<TrustEventTemplate> drainTemplates() {
    return Combinators.combine(drains(), weights(), disclosures()).as(TrustEventTemplate::new);
  }

  /**
   * An event template and the gap before it.
   *
   * @param event what happens
   * @param gap the time since the previous event (or the start), zero or positive
   */
  public record Step(TrustEventTemplate event, Duration gap) {
    /**
     * Validates the step.
     *
     * @param event what happens
     * @param gap the time since the previous event (or the start), zero or positive
     * @throws IllegalArgumentException when {@code gap} is negative
     */
    public Step {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(gap, "gap");
      if (gap.isNegative()) {
        throw new IllegalArgumentException("gap must be zero or positive but was " + gap);
      }
    }
  }

  /**
   * Steps of any {@link #eventTemplates() event} after a gap.
   *
   * @param gaps the gaps, zero or positive
   * @return steps
   */
  public static Arbitrary<Step> steps(Arbitrary<Duration> gaps) {
    return Combinators.combine(eventTemplates(), gaps).as(Step::new);
  }

  /**
   * A policy, a start instant and events in non-decreasing time order (simultaneous events
   * included), each event at least zero and at most centuries after the one before.
   *
   * @param policy the rules
   * @param start when the relationship starts, at the policy's baseline
   * @param events the events, in time order
   */
  public record Scenario(TrustPolicy policy, Instant start, List<TrustEvent> events) {
    /**
     * The new bucket the scenario starts from.
     *
     * @return a bucket at the baseline at {@code start}
     */
    public TrustBucket startBucket() {
      return TrustBucket.of(policy, start);
    }

    /**
     * Applies every event to the start bucket, one by one.
     *
     * @return the bucket after the last event
     */
    public TrustBucket run() {
      return HistoryGenerators.applyAll(startBucket(), events);
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

  /**
   * Scenarios under any preset with any stock events and {@link #gaps() gaps}.
   *
   * @param maxEvents the most events, {@code >= 0}; sizes are spread evenly up to it
   * @return scenarios
   */
  public static Arbitrary<Scenario> scenarios(int maxEvents) {
    return scenarios(presets(), gaps(), 0, maxEvents);
  }

  /**
   * Scenarios under the given policies, with any stock events after the given gaps.
   *
   * @param policies the policies; their catalogues must hold the stock behaviours
   * @param gaps the gaps between events, zero or positive
   * @param minEvents the fewest events
   * @param maxEvents the most events; sizes are spread evenly between the two
   * @return scenarios
   */
  public static Arbitrary<Scenario> scenarios(
      Arbitrary<TrustPolicy> policies, Arbitrary<Duration> gaps, int minEvents, int maxEvents) {
    return Combinators.combine(policies, instants(), steps(gaps).list().ofMinSize(minEvents).ofMaxSize(maxEvents)
                .withSizeDistribution(RandomDistribution.uniform()))
        .as(TrustGenerators::materialise);
  }

  /**
   * Long scenarios, up to {@code maxEvents}, drawn with the same mix of behaviours, weights,
   * disclosures and gaps as {@link #scenarios(int)} but straight from jqwik's random source:
   * composing thousands of shrinkable steps per try is too slow, and a 2,000-event sample would not
   * shrink usefully anyway. A failure reports the seed, which reproduces it.
   *
   * @param maxEvents the most events
   * @return scenarios under any preset, not shrinkable
   */
  public static Arbitrary<Scenario> longScenarios(int maxEvents) {
    return Arbitraries.randomValue(random -> sampleScenario(new SplittableRandom(random.nextLong()), maxEvents));
  }

  private static final double[] SPECIAL_WEIGHTS = {0.0, 0.25, 0.5, 0.75, 1.0, 2.0, 100.0};

  /**
   * A scenario drawn from a random source, with the mix of {@link #longScenarios(int)}.
   *
   * @param r the random source
   * @param maxEvents the most events
   * @return a scenario under a preset
   */
  public static Scenario sampleScenario(SplittableRandom r, int maxEvents) {
    TrustPolicy policy = PRESETS.get(r.nextInt(PRESETS.size()));
    Instant start = r.nextInt(5) == 0 ? T0 : Instant.ofEpochSecond(
        r.nextLong(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(), Instant.parse("3000-01-01T00:00:00Z").getEpochSecond()),
        r.nextInt(1_000_000_000));
    int size = r.nextInt(maxEvents + 1);
    List<Behaviour> all = BehaviourCatalogue.defaults().all();
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
      steps.add(new Step(new TrustEventTemplate(b, w, d), ofMicros(sampleGapMicros(r))));
    }
    return materialise(policy, start, steps);
  }

  private static long sampleDelaySeconds(SplittableRandom r) {
    int k = r.nextInt(10);
    return k < 2 ? 0 : k < 4 ? r.nextLong(3_601) : k < 9 ? r.nextLong(365L * 86_400L + 1) : r.nextLong(Disclosure.MAX_DELAY.toSeconds() + 1);
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

  /**
   * Lays steps one after the other from a start; a gap that would go past {@link
   * #LATEST_SCENARIO_TIME} is taken as zero.
   *
   * @param policy the rules
   * @param start the instant the first gap counts from
   * @param steps the steps
   * @return the scenario
   */
  public static Scenario materialise(TrustPolicy policy, Instant start, List<Step> steps) {
    List<TrustEvent> events = new ArrayList<>(steps.size());
    Instant t = start;
    for (Step s : steps) {
      Instant next = t.plus(s.gap());
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
   *
   * @return buckets
   */
  public static Arbitrary<TrustBucket> buckets() {
    return buckets(presets());
  }

  /**
   * Buckets in any reachable state under the given policies, as {@link #buckets()}.
   *
   * @param policies the policies; their catalogues must hold the stock behaviours
   * @return buckets
   */
  public static Arbitrary<TrustBucket> buckets(Arbitrary<TrustPolicy> policies) {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Combinators.combine(policies, instants(), levels()).as(TrustBucket::of)),
        Tuple.of(3, scenarios(policies, gaps(), 0, 60).map(Scenario::run)));
  }

  // ---------------------------------------------------------------- helpers

  /** A duration of whole microseconds. */
  static Duration ofMicros(long micros) {
    return Duration.of(micros, ChronoUnit.MICROS);
  }

  /** The whole microseconds of a duration from zero to {@link #LONGEST_GAP}. */
  static long wholeMicros(Duration d) {
    return d.getSeconds() * MICROS_PER_SECOND + d.getNano() / 1_000;
  }

  // ---------------------------------------------------------------- suppliers for @ForAll

  /** The named presets, as {@link #presets()}. */
  public static final class Presets implements ArbitrarySupplier<TrustPolicy> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public Presets() {}

    @Override
    public Arbitrary<TrustPolicy> get() {
      return presets();
    }
  }

  /** Any valid policy, presets and custom ones, as {@link #policies()}. */
  public static final class Policies implements ArbitrarySupplier<TrustPolicy> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public Policies() {}

    @Override
    public Arbitrary<TrustPolicy> get() {
      return policies();
    }
  }

  /** The asymmetric presets, as {@link #asymmetricPolicies()}. */
  public static final class AsymmetricPolicies implements ArbitrarySupplier<TrustPolicy> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public AsymmetricPolicies() {}

    @Override
    public Arbitrary<TrustPolicy> get() {
      return asymmetricPolicies();
    }
  }

  /** Autonomy ladders, as {@link #ladders()}. */
  public static final class Ladders implements ArbitrarySupplier<AutonomyLadder> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public Ladders() {}

    @Override
    public Arbitrary<AutonomyLadder> get() {
      return ladders();
    }
  }

  /** Levels in [0, 1], as {@link #levels()}. */
  public static final class Levels implements ArbitrarySupplier<Double> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public Levels() {}

    @Override
    public Arbitrary<Double> get() {
      return levels();
    }
  }

  /** Weights, as {@link #weights()}. */
  public static final class Weights implements ArbitrarySupplier<Double> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public Weights() {}

    @Override
    public Arbitrary<Double> get() {
      return weights();
    }
  }

  /** Stock behaviours, as {@link #behaviours()}. */
  public static final class AnyBehaviour implements ArbitrarySupplier<Behaviour> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public AnyBehaviour() {}

    @Override
    public Arbitrary<Behaviour> get() {
      return behaviours();
    }
  }

  /** Stock drops, as {@link #drops()}. */
  public static final class Drops implements ArbitrarySupplier<Behaviour> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public Drops() {}

    @Override
    public Arbitrary<Behaviour> get() {
      return drops();
    }
  }

  /** Stock drains, as {@link #drains()}. */
  public static final class Drains implements ArbitrarySupplier<Behaviour> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public Drains() {}

    @Override
    public Arbitrary<Behaviour> get() {
      return drains();
    }
  }

  /** Disclosures, as {@link #disclosures()}. */
  public static final class Disclosures implements ArbitrarySupplier<Disclosure> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public Disclosures() {}

    @Override
    public Arbitrary<Disclosure> get() {
      return disclosures();
    }
  }

  /** Concealment delays, as {@link #delays()}. */
  public static final class Delays implements ArbitrarySupplier<Duration> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public Delays() {}

    @Override
    public Arbitrary<Duration> get() {
      return delays();
    }
  }

  /** Instants, as {@link #instants()}. */
  public static final class Instants implements ArbitrarySupplier<Instant> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public Instants() {}

    @Override
    public Arbitrary<Instant> get() {
      return instants();
    }
  }

  /** Gaps between events, as {@link #gaps()}. */
  public static final class Gaps implements ArbitrarySupplier<Duration> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public Gaps() {}

    @Override
    public Arbitrary<Duration> get() {
      return gaps();
    }
  }

  /** Events without their time, as {@link #eventTemplates()}. */
  public static final class EventTemplates implements ArbitrarySupplier<TrustEventTemplate> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public EventTemplates() {}

    @Override
    public Arbitrary<TrustEventTemplate> get() {
      return eventTemplates();
    }
  }

  /** Drops without their time, as {@link #dropTemplates()}. */
  public static final class DropTemplates implements ArbitrarySupplier<TrustEventTemplate> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public DropTemplates() {}

    @Override
    public Arbitrary<TrustEventTemplate> get() {
      return dropTemplates();
    }
  }

  /** Drains without their time, as {@link #drainTemplates()}. */
  public static final class DrainTemplates implements ArbitrarySupplier<TrustEventTemplate> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public DrainTemplates() {}

    @Override
    public Arbitrary<TrustEventTemplate> get() {
      return drainTemplates();
    }
  }

  /** Ordinary drops, as {@link #ordinaryDrops()}. */
  public static final class OrdinaryDrops implements ArbitrarySupplier<TrustEventTemplate> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public OrdinaryDrops() {}

    @Override
    public Arbitrary<TrustEventTemplate> get() {
      return ordinaryDrops();
    }
  }

  /** Ordinary drains, as {@link #ordinaryDrains()}. */
  public static final class OrdinaryDrains implements ArbitrarySupplier<TrustEventTemplate> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public OrdinaryDrains() {}

    @Override
    public Arbitrary<TrustEventTemplate> get() {
      return ordinaryDrains();
    }
  }

  /** Buckets in any reachable state, as {@link #buckets()}. */
  public static final class Buckets implements ArbitrarySupplier<TrustBucket> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public Buckets() {}

    @Override
    public Arbitrary<TrustBucket> get() {
      return buckets();
    }
  }

  /** Scenarios of up to 200 events under any preset, as {@link #scenarios(int)}. */
  public static final class Scenarios implements ArbitrarySupplier<Scenario> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public Scenarios() {}

    @Override
    public Arbitrary<Scenario> get() {
      return scenarios(200);
    }
  }

  /** Scenarios of up to 2,000 events under any preset (not shrinkable; see {@link #longScenarios}). */
  public static final class LongScenarios implements ArbitrarySupplier<Scenario> {
    /** Creates the supplier (jqwik does, for {@code @ForAll(supplier = ...)}). */
    public LongScenarios() {}

    @Override
    public Arbitrary<Scenario> get() {
      return longScenarios(2_000);
    }
  }

  /**
   * An application's own decay rule, for tests of what the library does with rules it did not
   * write: {@code retained} is the given function, {@code toString} the given name, and the
   * half-life one hour (whatever the function does). Handy for tests of broken rules.
   *
   * @param name what {@code toString} returns
   * @param kept the fraction kept after an elapsed time (the library passes whole microseconds)
   * @return the rule
   */
  public static DecayRule decayRule(String name, ToDoubleFunction<Duration> kept) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kept, "kept");
    return new DecayRule() {
      @Override
      public double retained(Duration elapsed) {
        return kept.applyAsDouble(elapsed);
      }

      @Override
      public Duration halfLife() {
        return Duration.ofHours(1);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
