package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.HistoryGenerators.EventSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;

/**
 * The ledger's storage on histories long enough to fill several chunks of {@value
 * EventColumns#CHUNK_SIZE} events: every way an append can land (in place, growing the last
 * chunk, opening a chunk, forking inside or at the end of a chunk) gives the ledger a fresh build
 * gives.
 *
 * <p>PIT: three mutants of {@code EventColumns} survive and are equivalent: growing the last chunk
 * on every append instead of when it is full, and growing a chunk or the notes and delays by
 * twice instead of half as much again. Each only changes how much is copied or how much room is
 * spare, never what a ledger holds.
 */
@Label("TrustLedger storage: chunks, their growth and forks across them")
class LedgerStorageProperties {
  private static final int CHUNK = EventColumns.CHUNK_SIZE;

  @Provide
  Arbitrary<List<EventSpec>> longHistories() {
    return HistoryGenerators.eventSpecs(30)
        .list()
        .ofMaxSize(2 * CHUNK + 300)
        .withSizeDistribution(RandomDistribution.uniform());
  }

  @Provide
  Arbitrary<List<EventSpec>> branches() {
    return HistoryGenerators.specLists(80, 30);
  }

  @Provide
  Arbitrary<TrustPolicy> policies() {
    return HistoryGenerators.policies();
  }

  @Property(tries = 25)
  @Label("forks at chunk edges, growth steps and random points equal fresh ledgers; the chain they leave is unchanged")
  void forksAcrossChunksEqualFreshLedgers(
      @ForAll("policies") TrustPolicy policy,
      @ForAll("longHistories") List<EventSpec> specs,
      @ForAll("branches") List<EventSpec> branch,
      @ForAll("branches") List<EventSpec> other,
      @ForAll("branches") List<EventSpec> more) {
    TrustBucket initial = TrustBucket.start(policy, HistoryGenerators.EPOCH);
    List<TrustEvent> events = HistoryGenerators.lay(initial.time(), specs);
    int n = events.size();
    Statistics.label("chunks").collect(n == 0 ? 0 : (n - 1) / CHUNK + 1);

    List<TrustLedger> chain = new ArrayList<>(n + 1);
    TrustLedger ledger = TrustLedger.startingFrom(initial);
    chain.add(ledger);
    for (TrustEvent e : events) {
      ledger = ledger.append(e);
      chain.add(ledger);
    }

    SortedSet<Integer> points = new TreeSet<>();
    for (int edge : new int[] {0, 15, 16, 17, 32, 63, 64, 512, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, n}) {
      if (edge <= n) {
        points.add(edge);
      }
    }
    points.add(n / 2);
    points.add(n / 3);

    // Two forks from each point, each grown one event at a time (so each also writes in place).
    List<TrustLedger> forks = new ArrayList<>();
    List<List<TrustEvent>> forkEvents = new ArrayList<>();
    for (int k : points) {
      for (List<EventSpec> b : List.of(branch, other)) {
        List<TrustEvent> all = new ArrayList<>(events.subList(0, k));
        all.addAll(HistoryGenerators.lay(chain.get(k).state().time(), b));
        TrustLedger fork = chain.get(k);
        for (TrustEvent e : all.subList(k, all.size())) {
          fork = fork.append(e);
        }
        forks.add(fork);
        forkEvents.add(all);
      }
    }
    // The chain keeps growing after the forks were taken.
    List<TrustEvent> longer = new ArrayList<>(events);
    longer.addAll(HistoryGenerators.lay(ledger.state().time(), more));
    TrustLedger extended = ledger;
    for (TrustEvent e : longer.subList(n, longer.size())) {
      extended = extended.append(e);
    }

    for (int f = 0; f < forks.size(); f++) {
      assertSameAsFresh(forks.get(f), initial, forkEvents.get(f));
    }
    for (int k : points) {
      assertSameAsFresh(chain.get(k), initial, events.subList(0, k));
    }
    assertSameAsFresh(extended, initial, longer);
  }

  /** Equal to a fresh build: events, state, replay, and stateAt at checkpoints and chunk edges. */
  private static void assertSameAsFresh(TrustLedger ledger, TrustBucket initial, List<TrustEvent> events) {
    TrustLedger fresh = TrustLedger.startingFrom(initial).appendAll(events);
    assertThat(ledger).isEqualTo(fresh);
    assertThat(ledger.size()).isEqualTo(events.size());
    assertThat(ledger.events()).containsExactlyElementsOf(events);
    assertThat(ledger.replay()).isEqualTo(fresh.state()).isEqualTo(ledger.state());
    for (int i : new int[] {62, 63, 64, 127, CHUNK - 1, CHUNK, CHUNK + 63, events.size() / 2, events.size() - 1}) {
      if (i >= 0 && i < events.size()) {
        Instant t = events.get(i).time();
        assertThat(ledger.stateAt(t)).as("stateAt event %s of %s", i, events.size()).isEqualTo(fresh.stateAt(t));
        assertThat(ledger.stateAt(t))
            .isEqualTo(HistoryGenerators.applyAll(initial, prefixUpTo(events, t)).advanceTo(t));
      }
    }
  }

  /** The events at or before {@code t}. */
  private static List<TrustEvent> prefixUpTo(List<TrustEvent> events, Instant t) {
    int count = 0;
    while (count < events.size() && !events.get(count).time().isAfter(t)) {
      count++;
    }
    return events.subList(0, count);
  }
}
