package dev.trustbucket.jdbc;

import static dev.trustbucket.jdbc.TrustStoreTest.ANA;
import static dev.trustbucket.jdbc.TrustStoreTest.CAL;
import static dev.trustbucket.jdbc.TrustStoreTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Real faults on real databases: each write ends fully applied or not at all, with a clear
 * exception or a successful retry.
 */
class FaultsTest {
  static final TrustPolicy POLICY = TrustPolicy.defaults();

  @Test
  void aConnectionKilledInTheMiddleOfAWriteIsRetriedOnANewOne() {
    PGSimpleDataSource pg = Databases.postgresUnpooled();
    TrustSchema.migrate(pg);
    TrustStore.open(pg, POLICY).record(ANA, event(0));
    // Killed inside the transaction: after the relationship row was read, at the statement that
    // updates it and inserts the event row (on PostgreSQL one statement).
    KillingDataSource killing = new KillingDataSource(pg,
        (method, sql) -> method.equals("prepareStatement") && sql.startsWith("WITH moved"));
    Recorded r = TrustStore.open(killing, POLICY).record(ANA, event(1));
    assertThat(killing.fired()).isTrue();
    assertThat(r.retries()).isPositive();
    assertThat(r.eventCount()).isEqualTo(2);
    assertThat(TrustStore.open(pg, POLICY).events(ANA)).extracting(StoredEvent::event)
        .containsExactly(event(0), event(1));
  }

  @Test
  void aConnectionKilledAtCommitIsRetriedWhenEveryEventHasAnIdAndReportedWhenNot() {
    PGSimpleDataSource pg = Databases.postgresUnpooled();
    TrustSchema.migrate(pg);
    TrustStore.open(pg, POLICY).record(ANA, event(0));
    // Without an id the store cannot know whether the commit happened, and says so.
    KillingDataSource atCommit = new KillingDataSource(pg, (method, sql) -> method.equals("commit"));
    assertThatThrownBy(() -> TrustStore.open(atCommit, POLICY).record(ANA, event(1)))
        .isInstanceOf(CommitOutcomeUnknownException.class)
        .hasMessageContaining("ana");
    TrustStore store = TrustStore.open(pg, POLICY);
    assertThat(store.events(ANA)).hasSize(1); // the server never saw the commit: rolled back
    // With an id the retry is safe: the event is recorded once.
    KillingDataSource again = new KillingDataSource(pg, (method, sql) -> method.equals("commit"));
    Recorded r = TrustStore.open(again, POLICY).record(ANA, EventSubmission.of("req-7", event(1)));
    assertThat(again.fired()).isTrue();
    assertThat(r.retries()).isPositive();
    assertThat(store.events(ANA)).extracting(StoredEvent::event).containsExactly(event(0), event(1));
  }

  @Test
  void aSessionEndedByTheServerBeforeTheOneStatementOfAKnownRowRanIsRetriedWithOrWithoutAnId() {
    PGSimpleDataSource pg = Databases.postgresUnpooled();
    TrustSchema.migrate(pg);
    // The first write of a store reads the row; the second is the single autocommitted statement.
    // The server ends its session before it runs (57P01): it cannot have committed, and the row's
    // version, read again, shows it did not, so even an event without an id is safely retried.
    AtomicInteger statements = new AtomicInteger();
    KillingDataSource noId = new KillingDataSource(pg,
        (method, sql) -> sql.startsWith("WITH moved") && statements.incrementAndGet() == 2);
    TrustStore store = TrustStore.open(noId, POLICY);
    store.record(ANA, event(0));
    Recorded first = store.record(ANA, event(1));
    assertThat(noId.fired()).isTrue();
    assertThat(first.eventCount()).isEqualTo(2);
    assertThat(TrustStore.open(pg, POLICY).events(ANA)).hasSize(2);

    AtomicInteger again = new AtomicInteger();
    KillingDataSource withId = new KillingDataSource(pg,
        (method, sql) -> sql.startsWith("WITH moved") && again.incrementAndGet() == 2);
    TrustStore other = TrustStore.open(withId, POLICY);
    other.record(ANA, event(2));
    Recorded r = other.record(ANA, EventSubmission.of("req-9", event(3)));
    assertThat(withId.fired()).isTrue();
    assertThat(r.recorded()).isEqualTo(1);
    assertThat(r.eventCount()).isEqualTo(4);
    assertThat(TrustStore.open(pg, POLICY).events(ANA)).extracting(StoredEvent::event)
        .containsExactly(event(0), event(1), event(2), event(3));
  }

  @Test
  void theDatabaseRestartedBetweenWritesLosesNothingAndTheNextWriteSucceeds() throws Exception {
    Path dir = Files.createTempDirectory("trust-pg-restart");
    EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
    int port = server.getPort();
    HikariConfig config = new HikariConfig();
    config.setDataSource(server.getPostgresDatabase());
    config.setMaximumPoolSize(2);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      TrustSchema.migrate(pool);
      TrustStore store = TrustStore.open(pool, POLICY);
      store.record(ANA, event(0));
      store.record(ANA, event(1));
      server.close(); // the pool still holds connections to the old server
      server = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port).start();
      Recorded r = store.record(ANA, event(2));
      assertThat(r.eventCount()).isEqualTo(3);
      assertThat(store.events(ANA)).extracting(StoredEvent::event).containsExactly(event(0), event(1), event(2));
    } finally {
      server.close();
    }
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"H2", "POSTGRESQL"})
  void aConstraintViolationRollsTheWholeWriteBackWithAClearException(Dialect dialect) {
    DataSource ds = Databases.migrated(dialect);
    Databases.execute(ds, "ALTER TABLE trust_event ADD CONSTRAINT no_secrets CHECK (note <> 'secret')");
    TrustStore store = TrustStore.open(ds, POLICY);
    store.record(ANA, event(0));
    TrustBucket before = store.state(ANA).orElseThrow();
    List<EventSubmission> batch = List.of(EventSubmission.of(event(1)),
        EventSubmission.of(event(2).withNote("secret")));
    assertThatThrownBy(() -> store.recordAll(ANA, batch))
        .isExactlyInstanceOf(TrustStoreException.class)
        .hasMessageContaining("ana")
        .hasMessageContaining("nothing was recorded")
        .hasCauseInstanceOf(SQLException.class);
    assertThat(store.state(ANA)).contains(before);
    assertThat(store.events(ANA)).hasSize(1);
    assertThat(store.record(ANA, event(3)).eventCount()).isEqualTo(2);
  }

  @Test
  void aDeadlockVictimIsRetriedAndTheImportIsAppliedWhole() throws Exception {
    DataSource ds = Databases.migrated(Dialect.POSTGRESQL);
    TrustStore store = TrustStore.open(ds, POLICY,
        StoreOptions.builder().writeMode(WriteMode.PESSIMISTIC).maxRetries(5).build());
    store.record(ANA, event(0));
    store.record(CAL, event(0));
    boolean otherWasVictim = false;
    CompletableFuture<Map<dev.trustbucket.account.Relationship, Recorded>> importing;
    try (Connection other = ds.getConnection(); Statement s = other.createStatement()) {
      other.setAutoCommit(false);
      s.executeUpdate("UPDATE trust_relationship SET row_version = row_version WHERE employee = 'cal'");
      // The import locks ana, then waits for cal, which the other transaction holds.
      importing = CompletableFuture.supplyAsync(() -> store.importAll(Map.of(
          ANA, List.of(EventSubmission.of(event(1))), CAL, List.of(EventSubmission.of(event(1))))));
      waitForALockWait(ds);
      try {
        s.executeUpdate("UPDATE trust_relationship SET row_version = row_version WHERE employee = 'ana'");
      } catch (SQLException e) {
        assertThat(e.getSQLState()).isEqualTo("40P01");
        otherWasVictim = true;
      }
      if (otherWasVictim) {
        other.rollback();
      } else {
        other.commit();
      }
    }
    Map<dev.trustbucket.account.Relationship, Recorded> done = importing.get(60, TimeUnit.SECONDS);
    if (!otherWasVictim) {
      assertThat(done.get(ANA).retries()).as("the import was the deadlock's victim and retried").isPositive();
    }
    assertThat(store.events(ANA)).extracting(StoredEvent::event).containsExactly(event(0), event(1));
    assertThat(store.events(CAL)).extracting(StoredEvent::event).containsExactly(event(0), event(1));
  }

  private static void waitForALockWait(DataSource ds) throws Exception {
    for (int i = 0; i < 600; i++) {
      try (Connection c = ds.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
        rs.next();
        if (rs.getInt(1) > 0) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the import never waited for the lock");
  }

}
