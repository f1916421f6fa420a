package dev.trustbucket.testing;

import dev.trustbucket.Disclosure;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;

/**
 * jqwik generators of a relationship's history under a policy: events in time order with notes,
 * disclosures, equal timestamps and long gaps, laid after an initial bucket; for properties of
 * ledgers, codecs, explanations, forecasts and accounts, yours or trust-core's own.
 *
 * <p>Histories are made of {@link EventSpec}s (a gap since the previous event and what happened)
 * so that a test can lay the same kind of events after any instant, e.g. after a fork point. Use
 * {@link #histories(TrustPolicy, int, Duration)} for the histories of one policy (its own catalogue's
 * behaviours included) and {@link #ledgerCases(int, Duration)} for histories under several.
 */
public final class HistoryGenerators {
  private HistoryGenerators() {}

  /** A Monday morning from which generated histories start. */
  public static final Instant EPOCH = Instant.parse("2000-01-03T09:00:00Z");

  // Gaps are drawn as whole microseconds, the model's resolution, and handed out as Durations.
  private static final long MICROS_PER_SECOND = TrustGenerators.MICROS_PER_SECOND;
  private static final long MICROS_PER_DAY = TrustGenerators.MICROS_PER_DAY;

  /** Above this longest ordinary gap, {@link #gaps(Duration)} adds gaps of centuries. */
  private static final Duration CENTURIES_ABOVE = Duration.ofDays(365);

  /** A policy that never forgets: no decay of the level, and none of the scar. */
  public static final TrustPolicy NEVER_FORGETS =
      TrustPolicy.builder()
          .from(TrustPolicy.defaults())
          .name("never-forgets")
          .decay(DecayRule.none())
          .scarDecay(DecayRule.none())
          .build();

  /** The named presets and one policy without decay. */
  public static final List<TrustPolicy> POLICIES =
      List.of(
          TrustPolicy.defaults(),
          TrustPolicy.strict(),
          TrustPolicy.forgiving(),
          TrustPolicy.symmetric(),
          NEVER_FORGETS);

  /** Fragments notes are made of: tabs, backslashes, escapes that must stay literal, unicode. */
  private static final List<String> NOTE_FRAGMENTS =
      List.of(
          "bug", " ", "\\", "\\t", "\\\\", "\\n", "é", "日本語", "\uD83D\uDE00", "\"", ",", ";",
          "%s", "-", "trust-ledger", "1", "Ω");

  /**
   * What happened, and how long after the previous event (or the start).
   *
   * @param gap the time since the previous event (or the start), zero or positive
   * @param behaviour what happened
   * @param weight its weight
   * @param disclosure how a drain surfaced ({@link Disclosure#notRecorded()} for drops)
   * @param note the note
   */
  public record EventSpec(
      Duration gap, Behaviour behaviour, double weight, Disclosure disclosure, String note) {

    /**
     * Validates the gap; the event's own fields are validated by {@link TrustEvent} when it is laid.
     *
     * @param gap the time since the previous event (or the start), zero or positive
     * @param behaviour what happened
     * @param weight its weight
     * @param disclosure how a drain surfaced ({@link Disclosure#notRecorded()} for drops)
     * @param note the note
     * @throws IllegalArgumentException when {@code gap} is negative
     */
    public EventSpec {
      Objects.requireNonNull(gap, "gap");
      Objects.requireNonNull(behaviour, "behaviour");
      Objects.requireNonNull(disclosure, "disclosure");
      Objects.requireNonNull(note, "note");
      if (gap.isNegative()) {
        throw new IllegalArgumentException("gap must be zero or positive but was " + gap);
      }
    }

    /**
     * Lays the event at its gap after {@code previous}.
     *
     * @param previous the previous event's time
     * @return the event
     */
    public TrustEvent after(Instant previous) {
      return new TrustEvent(behaviour, previous.plus(gap), weight, disclosure, note);
    }
  }

  /**
   * A relationship's history as a test builds it: an initial bucket and events in time order.
   *
   * @param initial the bucket before the first event
   * @param events the events, oldest first
   */
  public record LedgerCase(TrustBucket initial, List<TrustEvent> events) {
    /**
     * The rules of the history.
     *
     * @return the initial bucket's policy
     */
    public TrustPolicy policy() {
      return initial.policy();
    }

    /**
     * Appends the events one by one to an empty ledger.
     *
     * @return the ledger
     */
    public TrustLedger ledger() {
      TrustLedger ledger = TrustLedger.from(initial);
      for (TrustEvent e : events) {
        ledger = ledger.plus(e);
      }
      return ledger;
    }

    /**
     * The time of the last event, or of the initial bucket.
     *
     * @return the instant
     */
    public Instant end() {
      return events.isEmpty() ? initial.time() : events.get(events.size() - 1).time();
    }

    @Override
    public String toString() {
      return "LedgerCase[" + initial + ", " + events.size() + " events: " + events + "]";
    }
  }

  /**
   * Lays specs one after the other from {@code start}.
   *
   * @param start the instant the first gap counts from
   * @param specs the specs
   * @return the events, in time order
   */
  public static List<TrustEvent> lay(Instant start, List<EventSpec> specs) {
    List<TrustEvent> out = new ArrayList<>(specs.size());
    Instant t = start;
    for (EventSpec s : specs) {
      TrustEvent e = s.after(t);
      out.add(e);
      t = e.time();
    }
    return out;
  }

  /**
   * Applies events one by one to a bucket with {@link TrustBucket#plus}.
   *
   * @param bucket the starting bucket
   * @param events events in time order
   * @return the bucket after the last one
   */
  public static TrustBucket applyAll(TrustBucket bucket, Iterable<TrustEvent> events) {
    TrustBucket b = bucket;
    for (TrustEvent e : events) {
      b = b.plus(e);
    }
    return b;
  }

  /**
   * Any of the named presets or the policy without decay.
   *
   * @return the arbitrary
   */
  public static Arbitrary<TrustPolicy> policies() {
    return Arbitraries.of(POLICIES);
  }

  /**
   * Gaps between events: often none (equal timestamps), mostly seconds to weeks, sometimes years
   * and, rarely, up to three centuries. Each kind shrinks toward its shortest gap.
   *
   * @param maxGap the longest ordinary gap, at least a second; gaps of one to 300 years (of 365
   *     days) come too when it is longer than 365 days
   * @return gaps of whole microseconds, zero or positive
   * @throws IllegalArgumentException when {@code maxGap} is shorter than a second
   */
  public static Arbitrary<Duration> gaps(Duration maxGap) {
    long maxMicros = maxGapMicros(maxGap);
    Arbitrary<Long> none = Arbitraries.just(0L);
    // whole seconds up to an hour, and any microsecond up to ten seconds, neither past maxGap
    Arbitrary<Long> seconds =
        Arbitraries.longs().between(1, Math.min(3_600, maxMicros / MICROS_PER_SECOND)).map(s -> s * MICROS_PER_SECOND);
    Arbitrary<Long> micros = Arbitraries.longs().between(1, Math.min(10 * MICROS_PER_SECOND, maxMicros));
    Arbitrary<Long> days = Arbitraries.longs().between(MICROS_PER_SECOND, maxMicros);
    Arbitrary<Long> gaps;
    if (maxGap.compareTo(CENTURIES_ABOVE) <= 0) {
      gaps = weighted(Tuple2s.of(3, none), Tuple2s.of(3, seconds), Tuple2s.of(1, micros), Tuple2s.of(10, days));
    } else {
      Arbitrary<Long> centuries =
          Arbitraries.longs().between(365 * MICROS_PER_DAY, 300L * 365 * MICROS_PER_DAY);
      gaps = weighted(
          Tuple2s.of(3, none),
          Tuple2s.of(3, seconds),
          Tuple2s.of(1, micros),
          Tuple2s.of(12, days),
          Tuple2s.of(1, centuries));
    }
    return gaps.map(TrustGenerators::ofMicros);
  }

  /** The longest ordinary gap in whole microseconds (at most {@code Long.MAX_VALUE}), checked. */
  private static long maxGapMicros(Duration maxGap) {
    Objects.requireNonNull(maxGap, "maxGap");
    if (maxGap.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("maxGap must be at least a second but was " + maxGap);
    }
    return maxGap.compareTo(TrustGenerators.ofMicros(Long.MAX_VALUE)) >= 0
        ? Long.MAX_VALUE
        : TrustGenerators.wholeMicros(maxGap);
  }

  /**
   * Notes: mostly empty, otherwise built from fragments with tabs, backslashes and unicode.
   *
   * @return notes
   */
  public static Arbitrary<String> notes() {
    Arbitrary<String> built =
        Arbitraries.of(NOTE_FRAGMENTS).list().ofMaxSize(8).map(l -> String.join("", l));
    return weighted(Tuple2s.of(3, Arbitraries.just("")), Tuple2s.of(2, built));
  }

  /**
   * Disclosures for a drain: not recorded, self-reported, or discovered after up to 100 years
   * (delays with sub-second parts included).
   *
   * @return disclosures
   */
  public static Arbitrary<Disclosure> drainDisclosures() {
    Arbitrary<Disclosure> discovered =
        Combinators.combine(
                Arbitraries.longs().between(0, Disclosure.MAX_DELAY.toSeconds() - 1),
                weighted(
                    Tuple2s.of(3, Arbitraries.just(0)),
                    Tuple2s.of(1, Arbitraries.integers().between(0, 999_999_999))))
            .as((s, n) -> Disclosure.discovered(Duration.ofSeconds(s, n)));
    Arbitrary<Disclosure> discoveredSoon =
        Arbitraries.integers().between(0, 60).map(d -> Disclosure.discovered(Duration.ofDays(d)));
    return weighted(
        Tuple2s.of(4, Arbitraries.just(Disclosure.notRecorded())),
        Tuple2s.of(2, Arbitraries.just(Disclosure.selfReported())),
        Tuple2s.of(2, discoveredSoon),
        Tuple2s.of(1, discovered));
  }

  /**
   * Event specs of any stock behaviour.
   *
   * @param maxGap the longest ordinary gap; see {@link #gaps(Duration)}
   * @return specs
   * @throws IllegalArgumentException when {@code maxGap} is shorter than a second
   */
  public static Arbitrary<EventSpec> eventSpecs(Duration maxGap) {
    return eventSpecs(BehaviourCatalogue.defaults().all(), maxGap);
  }

  /**
   * Event specs of the behaviours of a catalogue, a policy's own included: each behaviour equally
   * likely, at its default weight or any other, drains with any disclosure.
   *
   * @param catalogue the behaviours to draw from, at least one
   * @param maxGap the longest ordinary gap; see {@link #gaps(Duration)}
   * @return specs
   * @throws IllegalArgumentException when the catalogue is empty, or {@code maxGap} is shorter than
   *     a second
   */
  public static Arbitrary<EventSpec> eventSpecs(BehaviourCatalogue catalogue, Duration maxGap) {
    if (catalogue.size() == 0) {
      throw new IllegalArgumentException("catalogue must hold at least one behaviour but was empty");
    }
    return eventSpecs(catalogue.all(), maxGap);
  }

  private static Arbitrary<EventSpec> eventSpecs(List<Behaviour> behaviours, Duration maxGap) {
    // No flatMap: a negative weight stands for the behaviour's default, and drops drop the disclosure.
    Arbitrary<Double> weights =
        weighted(
            Tuple2s.of(6, Arbitraries.just(-1.0)),
            Tuple2s.of(3, Arbitraries.doubles().between(0.0, 3.0)),
            Tuple2s.of(1, Arbitraries.of(0.0, 2.0, 100.0)),
            Tuple2s.of(1, Arbitraries.doubles().between(0.0, Behaviour.MAX_WEIGHT)));
    return Combinators.combine(
            Arbitraries.of(behaviours), gaps(maxGap), weights, drainDisclosures(), notes())
        .as(
            (b, gap, w, d, note) ->
                new EventSpec(
                    gap, b, w < 0 ? b.defaultWeight() : w, b.isDrop() ? Disclosure.notRecorded() : d, note));
  }

  /**
   * Lists of event specs of the stock behaviours, with sizes spread evenly up to {@code maxEvents}
   * so that a ledger's internal checkpoints are crossed.
   *
   * @param maxEvents the most events
   * @param maxGap the longest ordinary gap; see {@link #gaps(Duration)}
   * @return lists of specs
   * @throws IllegalArgumentException when {@code maxGap} is shorter than a second
   */
  public static Arbitrary<List<EventSpec>> specLists(int maxEvents, Duration maxGap) {
    return eventSpecs(maxGap)
        .list()
        .ofMaxSize(maxEvents)
        .withSizeDistribution(RandomDistribution.uniform());
  }

  /**
   * Initial buckets: a new relationship at the baseline, or one started at a known level, at a
   * random instant around {@link #EPOCH}.
   *
   * @param policy the policy
   * @return initial buckets
   */
  public static Arbitrary<TrustBucket> initialBuckets(TrustPolicy policy) {
    Arbitrary<Instant> starts =
        Arbitraries.longs().between(-50L * 365 * 86_400, 50L * 365 * 86_400).map(EPOCH::plusSeconds);
    Arbitrary<TrustBucket> fresh = starts.map(t -> TrustBucket.of(policy, t));
    Arbitrary<TrustBucket> known =
        Combinators.combine(starts, Arbitraries.doubles().between(0.0, 1.0))
            .as((t, level) -> TrustBucket.of(policy, t, level));
    return weighted(Tuple2s.of(3, fresh), Tuple2s.of(1, known));
  }

  /**
   * Whole histories under any policy.
   *
   * @param maxEvents the most events
   * @param maxGap the longest ordinary gap; see {@link #gaps(Duration)}
   * @return ledger cases
   * @throws IllegalArgumentException when {@code maxGap} is shorter than a second
   */
  public static Arbitrary<LedgerCase> ledgerCases(int maxEvents, Duration maxGap) {
    return ledgerCases(policies(), maxEvents, maxGap);
  }

  /**
   * Whole histories under the given policies, each with events of its policy's own catalogue.
   *
   * @param policies the policies, e.g. {@link TrustGenerators#policies()} for custom ones too
   * @param maxEvents the most events
   * @param maxGap the longest ordinary gap; see {@link #gaps(Duration)}
   * @return ledger cases
   * @throws IllegalArgumentException when {@code maxGap} is shorter than a second
   */
  public static Arbitrary<LedgerCase> ledgerCases(Arbitrary<TrustPolicy> policies, int maxEvents, Duration maxGap) {
    maxGapMicros(maxGap); // checked now, not when the first value is drawn
    return policies.flatMap(p -> histories(p, maxEvents, maxGap));
  }

  /**
   * The histories of one policy: an {@link #initialBuckets initial bucket} and up to {@code
   * maxEvents} events in time order, drawn from the policy's own catalogue (custom behaviours
   * included), with notes, disclosures, equal timestamps and long gaps. A policy whose catalogue
   * is empty has only histories without events.
   *
   * @param policy the policy
   * @param maxEvents the most events; sizes are spread evenly up to it
   * @param maxGap the longest ordinary gap; see {@link #gaps(Duration)}
   * @return histories; every event is accepted by a bucket or ledger of {@code policy}
   * @throws IllegalArgumentException when {@code maxGap} is shorter than a second
   */
  public static Arbitrary<LedgerCase> histories(TrustPolicy policy, int maxEvents, Duration maxGap) {
    maxGapMicros(maxGap); // checked also for a policy whose histories have no events
    if (policy.catalogue().size() == 0) {
      // a catalogue of no behaviours is valid: its only history has no events
      return initialBuckets(policy).map(initial -> new LedgerCase(initial, List.of()));
    }
    Arbitrary<List<EventSpec>> specs =
        eventSpecs(policy.catalogue(), maxGap)
            .list()
            .ofMaxSize(maxEvents)
            .withSizeDistribution(RandomDistribution.uniform());
    return Combinators.combine(initialBuckets(policy), specs)
        .as((initial, s) -> new LedgerCase(initial, lay(initial.time(), s)));
  }

  /**
   * A deterministic history for example tests: {@code n} events of every stock behaviour, with
   * equal timestamps and gaps from a second to a few weeks.
   *
   * @param policy the policy
   * @param n how many events
   * @param seed the random seed
   * @return the case
   */
  public static LedgerCase seeded(TrustPolicy policy, int n, long seed) {
    Random random = new Random(seed);
    List<Behaviour> all = BehaviourCatalogue.defaults().all();
    TrustBucket initial = TrustBucket.of(policy, EPOCH);
    List<TrustEvent> events = new ArrayList<>(n);
    Instant t = EPOCH;
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(10);
      long gapSeconds = kind < 2 ? 0 : kind < 4 ? 1 + random.nextInt(3_600) : 1 + random.nextInt(21 * 86_400);
      t = t.plusSeconds(gapSeconds);
      Behaviour b = all.get(random.nextInt(all.size()));
      Disclosure d = Disclosure.notRecorded();
      if (!b.isDrop()) {
        int k = random.nextInt(4);
        d = k == 0 ? Disclosure.selfReported() : k == 1 ? Disclosure.discovered(Duration.ofDays(random.nextInt(40))) : d;
      }
      double w = random.nextInt(4) == 0 ? 2.0 * random.nextDouble() : b.defaultWeight();
      events.add(new TrustEvent(b, t, w, d, random.nextInt(5) == 0 ? "note " + i : ""));
    }
    return new LedgerCase(initial, events);
  }

  @SafeVarargs
  private static <T> Arbitrary<T> weighted(net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<T>>... choices) {
    List<net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<T>>> list = new ArrayList<>(choices.length);
    for (net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<T>> choice : choices) {
      list.add(choice);
    }
    return Arbitraries.frequencyOf(list);
  }

  /** Small helper so that frequency lists read as pairs. */
  private static final class Tuple2s {
    private Tuple2s() {}

    static <T> net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<T>> of(int weight, Arbitrary<T> a) {
      return net.jqwik.api.Tuple.of(weight, a);
    }
  }
}
