package dev.trustbucket.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviours;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Several "servers" write the same relationships at once: each thread opens its own store on its
 * own single-connection pool, records events with ids (and delivers a third of them twice, as an
 * at-least-once producer does), and keeps what the store answered. Afterwards every relationship's
 * history must hold exactly the events whose write returned, each once, and replay to the state
 * the store holds.
 */
class ConcurrentWritersTest {
  static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");

  @ParameterizedTest(name = "{0} {1}: {2} servers x {3} events on {4} relationships, {5}")
  @CsvSource({
    "H2, OPTIMISTIC, 6, 40, 2, TRANSACTION_READ_COMMITTED",
    "H2, PESSIMISTIC, 6, 40, 2, TRANSACTION_READ_COMMITTED",
    "POSTGRESQL, OPTIMISTIC, 8, 40, 3, TRANSACTION_READ_COMMITTED",
    "POSTGRESQL, PESSIMISTIC, 8, 40, 3, TRANSACTION_READ_COMMITTED",
    // Serializable transactions: PostgreSQL aborts some with serialization failures (40001), retried.
    "POSTGRESQL, OPTIMISTIC, 4, 25, 2, TRANSACTION_SERIALIZABLE",
    "SQLITE, OPTIMISTIC, 3, 20, 2, TRANSACTION_SERIALIZABLE",
  })
  void concurrentServersRecordEveryAcceptedEventExactlyOnce(Dialect dialect, WriteMode mode, int servers,
      int eventsEach, int relationshipCount, String isolation) throws Exception {
    DataSource shared = Databases.migrated(dialect);
    List<Relationship> relationships = new ArrayList<>();
    for (int i = 0; i < relationshipCount; i++) {
      relationships.add(Relationship.of("employee-" + i, "manager"));
    }
    AtomicLong clock = new AtomicLong();
    Map<Relationship, Set<String>> accepted = new ConcurrentHashMap<>();
    Map<String, TrustEvent> submitted = new ConcurrentHashMap<>();
    AtomicInteger rejected = new AtomicInteger();
    AtomicInteger retries = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(servers);
    List<Future<?>> done = new ArrayList<>();
    List<HikariDataSource> connections = new ArrayList<>();
    for (int s = 0; s < servers; s++) {
      HikariDataSource own = singleConnection(shared, isolation);
      connections.add(own);
      TrustStore store = TrustStore.open(own, TrustPolicy.defaults(),
          StoreOptions.builder().writeMode(mode).maxRetries(200).build());
      int server = s;
      done.add(pool.submit(() -> {
        go.await();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < eventsEach; i++) {
          Relationship r = relationships.get(random.nextInt(relationships.size()));
          String id = "s" + server + "-e" + i;
          TrustEvent e = TrustEvent.of(i % 4 == 3 ? Behaviours.MISSED_DEADLINE : Behaviours.DELIVERED_ON_COMMITMENT,
              T0.plusSeconds(clock.incrementAndGet()));
          submitted.put(id, e);
          int deliveries = i % 3 == 0 ? 2 : 1;
          for (int d = 0; d < deliveries; d++) {
            try {
              Recorded result = store.record(r, EventSubmission.of(id, e));
              retries.addAndGet(result.retries());
              accepted.computeIfAbsent(r, k -> ConcurrentHashMap.newKeySet()).add(id);
            } catch (InvalidTrustInputException late) {
              // Another server recorded a later event first: this one is out of time order.
              rejected.incrementAndGet();
            }
          }
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    connections.forEach(HikariDataSource::close);

    TrustStore reader = TrustStore.open(shared, TrustPolicy.defaults());
    int total = 0;
    for (Relationship r : relationships) {
      Set<String> expected = accepted.getOrDefault(r, Set.of());
      if (expected.isEmpty()) {
        assertThat(reader.state(r)).isEmpty();
        continue;
      }
      List<StoredEvent> history = reader.events(r); // checks checksums, sequence and replay
      List<String> ids = new ArrayList<>();
      Map<String, Integer> counts = new HashMap<>();
      for (StoredEvent e : history) {
        String id = e.id().orElseThrow();
        ids.add(id);
        counts.merge(id, 1, Integer::sum);
        assertThat(e.event()).isEqualTo(submitted.get(id));
      }
      assertThat(counts.values()).as("each event once").allMatch(c -> c == 1);
      assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
      TrustLedger replay = TrustLedger.of(TrustPolicy.defaults(), history.get(0).event().time());
      for (StoredEvent e : history) {
        replay = replay.plus(e.event());
      }
      assertThat(reader.state(r)).contains(replay.state());
      total += history.size();
    }
    assertThat(total).isPositive();
    System.out.printf("%s %s %s: %d servers recorded %d events, %d rejected as late, %d retries%n",
        dialect, mode, isolation, servers, total, rejected.get(), retries.get());
  }

  /** One server's own connection to the shared database. */
  static HikariDataSource singleConnection(DataSource shared, String isolation) {
    HikariConfig config = new HikariConfig();
    config.setTransactionIsolation(isolation);
    config.setDataSource(shared instanceof HikariDataSource ? ((HikariDataSource) shared).getDataSource() : shared);
    config.setMaximumPoolSize(1);
    config.setMinimumIdle(1);
    return new HikariDataSource(config);
  }
}
