package dev.trustbucket.benchmarks;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.account.TrustAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Benchmark 5: {@link TrustAccount#record} from several threads at once on one account: the
 * lock, the append to the ledger (amortised array growth included) and the bucket update.
 *
 * <p>{@code record} rejects an event earlier than the last one, and threads cannot agree on an
 * order of timestamps taken outside the account's lock, so every event of an iteration carries
 * the same instant, one day after the start: the first event decays the level, the rest do not.
 * The account is opened afresh before each iteration, so the ledger (about 41 bytes an event)
 * stays bounded by one iteration's events. No listener is registered.
 *
 * <p>Scores are the total across threads. {@code Threads.MAX} is the number of available
 * processors: on a 2-core machine it equals {@code @Threads(2)}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AccountBenchmark {
  private static final int EVENTS = 4096;
  private static final Instant AT = Workload.START.plus(Duration.ofDays(1));
  private static final AtomicLong SEEDS = new AtomicLong(100);

  /** The one account every thread records into, reopened before each iteration. */
  @State(Scope.Benchmark)
  public static class Shared {
    TrustAccount account;

    @Setup(Level.Iteration)
    public void open() {
      account = TrustAccount.of(Relationship.of("ada", "grace"), Workload.POLICY, Workload.START);
    }
  }

  /** Each thread's own stream of events, all at {@link #AT}. */
  @State(Scope.Thread)
  public static class Feed {
    TrustEvent[] events;
    int next;

    @Setup(Level.Trial)
    public void generate() {
      events = Workload.eventsAt(EVENTS, SEEDS.getAndIncrement(), AT);
    }

    TrustEvent next() {
      TrustEvent e = events[next];
      next = (next + 1) & (EVENTS - 1);
      return e;
    }
  }

  @Benchmark
  @Threads(2)
  public TrustBucket record2Threads(Shared shared, Feed feed) {
    return shared.account.record(feed.next());
  }

  @Benchmark
  @Threads(Threads.MAX)
  public TrustBucket recordMaxThreads(Shared shared, Feed feed) {
    return shared.account.record(feed.next());
  }
}
