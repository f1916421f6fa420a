package dev.trustbucket.benchmarks;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustLedger;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmark 3: "what was the bucket at instant t?" on ledgers of 1k, 100k and 1M events, for
 * instants drawn uniformly from the ledger's whole history (pre-generated, so no {@link Instant}
 * is allocated by the benchmark itself). A binary search finds the events up to t, then at most
 * 63 events are replayed from the nearest checkpoint: the time should grow with log n (plus
 * cache misses on the larger ledgers), not with n.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StateAtBenchmark {
  private static final int PROBES = 4096;

  @Param({"1000", "100000", "1000000"})
  public int events;

  private TrustLedger ledger;
  private Instant[] probes;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    ledger = Workload.ledger(events, 11);
    long from = ledger.start().getEpochSecond();
    long to = ledger.state().time().getEpochSecond();
    SplittableRandom random = new SplittableRandom(3);
    probes = new Instant[PROBES];
    for (int i = 0; i < PROBES; i++) {
      probes[i] = Instant.ofEpochSecond(random.nextLong(from, to + 1));
    }
  }

  @Benchmark
  public TrustBucket stateAt() {
    Instant t = probes[next];
    next = (next + 1) & (PROBES - 1);
    return ledger.stateAt(t);
  }
}
