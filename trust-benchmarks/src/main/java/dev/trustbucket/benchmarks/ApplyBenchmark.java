package dev.trustbucket.benchmarks;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 1: one event applied to a bucket, side by side with Bucket4j's {@code tryConsume(1)}
 * on a local bucket and with a raw primitive update.
 *
 * <ul>
 *   <li>{@code trustBucketApply}: {@code bucket = bucket.plus(event)} with the default policy, on
 *       a pre-generated mix of drops and drains with increasing times (so each call decays the
 *       level, the scar and the evidence since the previous event). Each call validates the event
 *       and allocates the new immutable bucket. After the last of {@value #EVENTS} events the
 *       bucket starts over from its initial state (one branch per call).
 *   <li>{@code bucket4jTryConsume}: Bucket4j's default local bucket (lock-free, millisecond clock)
 *       with one greedy-refilled bandwidth of {@value #BUCKET4J_CAPACITY} tokens per second and
 *       the same capacity: far more than a thread can consume, so every call succeeds and the
 *       measured path is the ordinary "allowed" path a rate limiter takes.
 *   <li>{@code rawApply}: the same asymmetric update with decay on two primitive fields: the
 *       practical limit for one event.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ApplyBenchmark {
  static final int EVENTS = 4096;
  static final long BUCKET4J_CAPACITY = 1_000_000_000L;

  private TrustEvent[] events;
  private TrustBucket initial;
  private TrustBucket bucket;
  private int next;

  private Workload.Columns columns;
  private Workload.RawModel raw;
  private int rawNext;

  private Bucket limiter;

  @Setup(Level.Trial)
  public void setUp() {
    events = Workload.events(EVENTS, 42);
    initial = TrustBucket.of(Workload.POLICY, Workload.START);
    bucket = initial;
    columns = new Workload.Columns(events);
    raw = new Workload.RawModel(columns.startMicros);
    limiter =
        Bucket.builder()
            .addLimit(
                limit ->
                    limit
                        .capacity(BUCKET4J_CAPACITY)
                        .refillGreedy(BUCKET4J_CAPACITY, Duration.ofSeconds(1)))
            .build();
  }

  @TearDown(Level.Iteration)
  public void checkLimiterNeverRanDry() {
    if (limiter.getAvailableTokens() < BUCKET4J_CAPACITY / 2) {
      throw new IllegalStateException(
          "Bucket4j bucket ran low (" + limiter.getAvailableTokens() + " tokens): raise its capacity");
    }
  }

  @Benchmark
  public TrustBucket trustBucketApply() {
    int i = next;
    if (i == EVENTS) {
      i = 0;
      bucket = initial;
    }
    TrustBucket b = bucket.plus(events[i]);
    bucket = b;
    next = i + 1;
    return b;
  }

  @Benchmark
  public boolean bucket4jTryConsume() {
    return limiter.tryConsume(1);
  }

  @Benchmark
  public double rawApply() {
    int i = rawNext;
    if (i == EVENTS) {
      i = 0;
      raw.reset(columns.startMicros);
    }
    raw.step(columns.micros[i], columns.weights[i], columns.multipliers[i], columns.drops[i]);
    rawNext = i + 1;
    return raw.level;
  }
}
