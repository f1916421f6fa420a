package dev.trustbucket;

import static dev.trustbucket.testing.HistoryGenerators.applyAll;
import static dev.trustbucket.BucketInvariants.assertBitwise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.testing.HistoryGenerators.EventSpec;
import dev.trustbucket.testing.HistoryGenerators.LedgerCase;
import dev.trustbucket.history.LedgerStep;
import dev.trustbucket.history.Sampling;
import dev.trustbucket.history.TimelinePoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;
import dev.trustbucket.testing.TrustGenerators;
import dev.trustbucket.testing.HistoryGenerators;

@Label("TrustLedger: replay, history at an instant, forks, timeline and steps")
class TrustLedgerProperties {
  private static final int CHUNK = EventColumns.CHUNK_SIZE;

  @Provide
  Arbitrary<LedgerCase> histories() {
    return HistoryGenerators.ledgerCases(200, Duration.ofDays(3_650));
  }

  @Provide
  Arbitrary<LedgerCase> shortGaps() {
    return HistoryGenerators.ledgerCases(150, Duration.ofDays(30));
  }

  @Provide
  Arbitrary<List<EventSpec>> specs() {
    return HistoryGenerators.specLists(150, Duration.ofDays(400));
  }

  @Provide
  Arbitrary<List<Double>> forkPoints() {
    return Arbitraries.doubles().between(0.0, 1.0).list().ofMinSize(1).ofMaxSize(4);
  }

  @Property(tries = 150)
  @Label("law 13: replay() equals state() bit for bit, and so does applying the events one by one; events() round-trips")
  void replayEqualsState(@ForAll("histories") LedgerCase c) {
    TrustLedger ledger = c.ledger();
    Statistics.label("crosses a checkpoint").collect(ledger.size() >= TrustLedger.CHECKPOINT_INTERVAL);

    assertThat(ledger.size()).isEqualTo(c.events().size());
    assertThat(ledger.replay()).isEqualTo(ledger.state());
    assertThat(applyAll(c.initial(), c.events())).isEqualTo(ledger.state());
    assertThat(applyAll(c.initial(), ledger.events())).isEqualTo(ledger.state());
    assertThat(TrustLedger.from(c.initial()).plusAll(c.events())).isEqualTo(ledger);
    // events() and event(i) give back the events appended.
    assertThat(ledger.events()).containsExactlyElementsOf(c.events());
    for (int i = 0; i < c.events().size(); i++) {
      assertThat(ledger.event(i)).isEqualTo(c.events().get(i));
    }
  }

  @Property(tries = 150)
  @Label("law 13: stateAt(t) equals the events up to t added one by one, then at(t), bit for bit")
  void stateAtEqualsThePrefixAdvanced(@ForAll("histories") LedgerCase c, @ForAll("laterGaps") Duration after) {
    TrustLedger ledger = c.ledger();
    List<TrustBucket> prefix = prefixStates(c);
    List<Instant> probes = new ArrayList<>();
    probes.add(c.initial().time());
    for (int i = 0; i < c.events().size(); i++) {
      Instant t = c.events().get(i).time();
      probes.add(t);
      Instant previous = i == 0 ? c.initial().time() : c.events().get(i - 1).time();
      probes.add(previous.plus(Duration.between(previous, t).dividedBy(2)));
      probes.add(t.minusNanos(1_000).isBefore(c.initial().time()) ? t : t.minusNanos(1_000));
    }
    probes.add(c.end().plus(after));

    for (Instant t : probes) {
      int count = countUpTo(c.events(), t);
      TrustBucket expected = prefix.get(count).at(t);
      TrustBucket actual = ledger.stateAt(t);
      assertThat(actual).as("stateAt(%s) after %s of %s events", t, count, c.events().size()).isEqualTo(expected);
      assertBitwise(ledger.levelAt(t), expected.level());
      assertThat(ledger.tierAt(t)).isEqualTo(expected.tier());
    }
  }

  @Provide
  Arbitrary<Duration> laterGaps() {
    return HistoryGenerators.gaps(Duration.ofDays(36_500));
  }

  @Property(tries = 60)
  @Label("append is persistent: forks of older ledgers stay correct and independent of each other")
  void forksAreIndependent(
      @ForAll("histories") LedgerCase c,
      @ForAll("forkPoints") List<Double> forkPoints,
      @ForAll("specs") List<EventSpec> branch,
      @ForAll("specs") List<EventSpec> more) {
    List<TrustLedger> chain = new ArrayList<>();
    TrustLedger l = TrustLedger.from(c.initial());
    chain.add(l);
    for (TrustEvent e : c.events()) {
      l = l.plus(e);
      chain.add(l);
    }
    List<Fork> forks = new ArrayList<>();
    for (double p : forkPoints) {
      int k = (int) Math.floor(p * c.events().size());
      forks.add(Fork.grow(chain.get(k), c.events().subList(0, k), branch));
    }
    // The original chain keeps growing after the forks were taken.
    Fork extended = Fork.grow(chain.get(chain.size() - 1), c.events(), more);

    // Every ledger of the chain around checkpoints and fork points, and the last one.
    java.util.SortedSet<Integer> checked = new java.util.TreeSet<>(List.of(0, 1, 63, 64, 65, 127, 128, 129));
    for (double p : forkPoints) {
      int k = (int) Math.floor(p * c.events().size());
      checked.addAll(List.of(k - 1, k, k + 1));
    }
    checked.add(chain.size() - 1);
    for (int i : checked) {
      if (i >= 0 && i < chain.size()) {
        assertSameAsFresh(chain.get(i), c.initial(), c.events().subList(0, i));
      }
    }
    for (Fork f : forks) {
      assertSameAsFresh(f.ledger(), c.initial(), f.events());
    }
    assertSameAsFresh(extended.ledger(), c.initial(), extended.events());
  }

  /**
   * A ledger grown from another by appending a branch one event at a time (so that it writes in
   * place after its first append), with every event it holds.
   */
  private record Fork(TrustLedger ledger, List<TrustEvent> events) {
    static Fork grow(TrustLedger from, List<TrustEvent> before, List<EventSpec> branch) {
      List<TrustEvent> events = new ArrayList<>(before);
      TrustLedger ledger = from;
      for (TrustEvent e : HistoryGenerators.lay(from.state().time(), branch)) {
        ledger = ledger.plus(e);
        events.add(e);
      }
      return new Fork(ledger, events);
    }
  }

  @Provide
  Arbitrary<List<EventSpec>> severalChunks() {
    return HistoryGenerators.eventSpecs(Duration.ofDays(30))
        .list()
        .ofMaxSize(2 * CHUNK + 300)
        .withSizeDistribution(RandomDistribution.uniform());
  }

  /*
   * PIT: four mutants of EventColumns survive and are equivalent: growing the last chunk on every
   * append instead of when it is full, growing a chunk or the notes and delays by twice instead of
   * half as much again, and placing the replay's cursor again when it stands at 0 (the same search
   * finds the same entry). Each changes only how much is copied, left spare or searched, never
   * what a ledger holds or a replay computes.
   */
  @Property(tries = 25)
  @Label("storage: forks at chunk edges, growth steps and random points of histories of up to three chunks equal fresh ledgers")
  void forksAcrossChunksEqualFreshLedgers(
      @ForAll("policies") TrustPolicy policy,
      @ForAll("severalChunks") List<EventSpec> specs,
      @ForAll("specs") List<EventSpec> branch,
      @ForAll("specs") List<EventSpec> other,
      @ForAll("specs") List<EventSpec> more) {
    TrustBucket initial = TrustBucket.of(policy, HistoryGenerators.EPOCH);
    List<TrustEvent> events = HistoryGenerators.lay(initial.time(), specs);
    int n = events.size();
    Statistics.label("chunks").collect((n + CHUNK - 1) / CHUNK);

    List<TrustLedger> chain = new ArrayList<>(n + 1);
    TrustLedger ledger = TrustLedger.from(initial);
    chain.add(ledger);
    for (TrustEvent e : events) {
      ledger = ledger.plus(e);
      chain.add(ledger);
    }
    java.util.SortedSet<Integer> points = new java.util.TreeSet<>(List.of(n / 2, n / 3));
    for (int edge : new int[] {0, 15, 16, 17, 24, 63, 64, 512, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, n}) {
      if (edge <= n) {
        points.add(edge);
      }
    }
    // Two forks from each point, then the chain grows on.
    List<Fork> forks = new ArrayList<>();
    for (int k : points) {
      forks.add(Fork.grow(chain.get(k), events.subList(0, k), branch));
      forks.add(Fork.grow(chain.get(k), events.subList(0, k), other));
    }
    forks.add(Fork.grow(ledger, events, more));

    for (Fork f : forks) {
      assertSameAsFresh(f.ledger(), initial, f.events());
    }
    for (int k : points) {
      assertSameAsFresh(chain.get(k), initial, events.subList(0, k));
    }
  }

  @Provide
  Arbitrary<TrustPolicy> policies() {
    return HistoryGenerators.policies();
  }

  /** Equal to a fresh build: events, state, replay, and stateAt around checkpoints and chunk edges. */
  private static void assertSameAsFresh(TrustLedger ledger, TrustBucket initial, List<TrustEvent> events) {
    TrustLedger fresh = TrustLedger.from(initial).plusAll(events);
    assertThat(ledger).isEqualTo(fresh);
    assertThat(ledger.size()).isEqualTo(events.size());
    assertThat(ledger.events()).containsExactlyElementsOf(events);
    assertThat(ledger.state()).isEqualTo(fresh.state()).isEqualTo(ledger.replay());
    for (int i : new int[] {62, 63, 64, CHUNK - 1, CHUNK, CHUNK + 63, events.size() / 2, events.size() - 1}) {
      if (i >= 0 && i < events.size()) {
        Instant t = events.get(i).time();
        TrustBucket expected = applyAll(initial, events.subList(0, countUpTo(events, t))).at(t);
        assertThat(ledger.stateAt(t)).as("stateAt event %s of %s", i, events.size()).isEqualTo(expected);
      }
    }
  }


  @Property(tries = 100)
  @Label("timeline: every event, daily and weekly samples are taken at the right instants, with the levels of stateAt")
  void timelineSamplesStateAt(@ForAll("shortGaps") LedgerCase c, @ForAll("endGaps") Duration endAfter) {
    TrustLedger ledger = c.ledger();
    Instant end = c.end().plus(endAfter);

    List<TimelinePoint> everyEvent = ledger.timeline(Sampling.everyEvent(), end);
    List<Instant> expected = new ArrayList<>();
    expected.add(c.initial().time());
    Instant group = null;
    for (TrustEvent e : c.events()) {
      if (!e.time().equals(group)) {
        expected.add(e.time());
        group = e.time();
      }
    }
    if (end.isAfter(expected.get(expected.size() - 1))) {
      expected.add(end);
    }
    assertThat(everyEvent).extracting(TimelinePoint::time).containsExactlyElementsOf(expected);
    assertThat(everyEvent.get(0).events()).isZero();
    assertBitwise(everyEvent.get(0).level(), c.initial().level());
    for (TimelinePoint p : everyEvent.subList(1, everyEvent.size())) {
      assertMatchesStateAt(ledger, c, p);
    }

    for (Sampling s : List.of(Sampling.daily(), Sampling.weekly())) {
      Duration period = s.period().orElseThrow();
      List<TimelinePoint> points = ledger.timeline(s, end);
      List<Instant> instants = new ArrayList<>();
      for (Instant t = c.initial().time(); t.isBefore(end); t = t.plus(period)) {
        instants.add(t);
      }
      instants.add(end);
      assertThat(points).extracting(TimelinePoint::time).containsExactlyElementsOf(instants);
      for (TimelinePoint p : points) {
        assertMatchesStateAt(ledger, c, p);
      }
    }
  }

  @Provide
  Arbitrary<Duration> endGaps() {
    return TrustGenerators.gapsBetween(Duration.ZERO, Duration.ofDays(40));
  }

  private static void assertMatchesStateAt(TrustLedger ledger, LedgerCase c, TimelinePoint p) {
    TrustBucket then = ledger.stateAt(p.time());
    assertBitwise(p.level(), then.level());
    assertBitwise(p.scar(), then.scar());
    assertThat(p.tier()).isEqualTo(then.tier());
    assertThat(p.events()).isEqualTo(countUpTo(c.events(), p.time()));
  }

  @Property(tries = 150)
  @Label("steps: the start level plus every decayBefore and effect adds up to the level, step by step")
  void stepsAddUp(@ForAll("histories") LedgerCase c) {
    TrustLedger ledger = c.ledger();
    List<LedgerStep> steps = ledger.steps();
    assertThat(steps).hasSize(ledger.size());
    double level = c.initial().level();
    TrustBucket previous = c.initial();
    for (int i = 0; i < steps.size(); i++) {
      LedgerStep s = steps.get(i);
      TrustEvent e = c.events().get(i);
      assertThat(s.index()).isEqualTo(i);
      assertThat(s.event()).isEqualTo(e);
      TrustBucket decayed = previous.at(e.time());
      TrustBucket after = previous.plus(e);
      assertBitwise(s.levelBefore(), decayed.level());
      assertBitwise(s.levelAfter(), after.level());
      assertBitwise(s.scarBefore(), decayed.scar());
      assertBitwise(s.scarAfter(), after.scar());
      assertThat(s.tierBefore()).isEqualTo(decayed.tier());
      assertThat(s.tierAfter()).isEqualTo(after.tier());
      assertThat(s.breach()).isEqualTo(c.policy().isBreach(e));
      assertThat(s.decayBefore()).isCloseTo(decayed.level() - previous.level(), within(1e-15));
      if (e.isDrop()) {
        assertThat(s.effect()).isGreaterThanOrEqualTo(0.0);
      } else {
        assertThat(s.effect()).isLessThanOrEqualTo(0.0);
      }
      if (!s.breach()) {
        assertThat(s.scarAdded()).isZero();
      }
      level += s.decayBefore() + s.effect();
      previous = after;
    }
    assertThat(level).isCloseTo(ledger.state().level(), within(1e-9));
  }

  static List<TrustBucket> prefixStates(LedgerCase c) {
    List<TrustBucket> out = new ArrayList<>(c.events().size() + 1);
    TrustBucket b = c.initial();
    out.add(b);
    for (TrustEvent e : c.events()) {
      b = b.plus(e);
      out.add(b);
    }
    return out;
  }

  /** How many events happened at or before {@code t}, counted at microsecond precision. */
  static int countUpTo(List<TrustEvent> events, Instant t) {
    Instant truncated = t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    int n = 0;
    while (n < events.size() && !events.get(n).time().isAfter(truncated)) {
      n++;
    }
    return n;
  }
}
