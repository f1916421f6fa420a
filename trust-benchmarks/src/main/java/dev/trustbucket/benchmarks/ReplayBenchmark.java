package dev.trustbucket.benchmarks;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustLedger;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmark 2: a replay of a 1,000,000-event ledger from its initial state, reported per event,
 * against a hand-written loop over the same events in primitive arrays.
 *
 * <ul>
 *   <li>{@code ledgerReplay}: {@link TrustLedger#replay()}: level, scar, evidence and tier,
 *       recomputed from the ledger's columns, equal bit for bit to the stored state.
 *   <li>{@code rawLoop}: only the asymmetric update with decay ({@code Math.exp} per event) on
 *       locals: the practical limit.
 * </ul>
 *
 * <p>Both are reported per event ({@code @OperationsPerInvocation(1_000_000)}), so the B/op of
 * {@code -prof gc} is the allocation per event: a few bytes per replay spread over a million
 * events shows as ~0.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ReplayBenchmark.EVENTS)
public class ReplayBenchmark {
  static final int EVENTS = 1_000_000;

  private TrustLedger ledger;
  private Workload.Columns columns;
  private Workload.RawModel model;

  @Setup(Level.Trial)
  public void setUp() {
    ledger = Workload.ledger(EVENTS, 7);
    if (!ledger.replay().equals(ledger.state())) {
      throw new IllegalStateException("replay differs from the appended state");
    }
    columns = new Workload.Columns(Workload.events(EVENTS, 7));
    model = new Workload.RawModel(columns.startMicros);
  }

  @Benchmark
  public TrustBucket ledgerReplay() {
    return ledger.replay();
  }

  @Benchmark
  public double rawLoop() {
    final long[] micros = columns.micros;
    final double[] weights = columns.weights;
    final double[] multipliers = columns.multipliers;
    final boolean[] drops = columns.drops;
    final double baseline = model.baseline;
    final double gainRate = model.gainRate;
    final double lossRate = model.lossRate;
    final double rate = model.ratePerMicro;
    double level = baseline;
    long time = columns.startMicros;
    for (int i = 0; i < micros.length; i++) {
      long at = micros[i];
      level = baseline + (level - baseline) * Math.exp(-rate * (at - time));
      time = at;
      if (drops[i]) {
        level += Math.min(1.0, gainRate * weights[i]) * (1.0 - level);
      } else {
        level *= 1.0 - Math.min(1.0, lossRate * weights[i] * multipliers[i]);
      }
    }
    return level;
  }
}
