package dev.trustbucket.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.jdbc.EventSubmission;
import dev.trustbucket.jdbc.StoreOptions;
import dev.trustbucket.jdbc.TrustSchema;
import dev.trustbucket.jdbc.TrustStore;
import dev.trustbucket.jdbc.WriteMode;
import dev.trustbucket.jdbc.WriteReport;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Against a real in-memory H2 database, with the store's own schema. */
class TrustStoreMetricsTest {
  private static final Instant MONDAY = Instant.parse("2025-01-06T09:00:00Z");
  private static final Relationship ANA = Relationship.of("ana", "bo");
  private static final Relationship CY = Relationship.of("cy", "bo");

  private final MockClock clock = new MockClock();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
  private final TrustStoreMetrics metrics = new TrustStoreMetrics(Tags.of("app", "review"));

  private TrustStore store(String name) {
    return TrustStore.open(database(name), TrustPolicy.defaults(), StoreOptions.builder().observer(metrics).build());
  }

  private static JdbcDataSource database(String name) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    TrustSchema.migrate(dataSource);
    return dataSource;
  }

  /**
   * How many statements on {@code trust_relationship} the database has executed, by H2's own
   * query statistics ({@code SET QUERY_STATISTICS TRUE}).
   */
  private static long relationshipQueries(DataSource dataSource) throws SQLException {
    long n = 0;
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
      while (rs.next()) {
        if (rs.getString(1).contains("FROM trust_relationship")) {
          n += rs.getLong(2);
        }
      }
    }
    return n;
  }

  @Test
  void aCensusIsOneQueryWhateverTheNumberOfRelationshipsAndServesEveryGaugeForMaxAge() throws SQLException {
    JdbcDataSource dataSource = database("census");
    TrustStore store = TrustStore.open(dataSource, TrustPolicy.defaults());
    for (int i = 0; i < 120; i++) {
      Relationship r = Relationship.of("employee-" + i, "bo");
      List<EventSubmission> events = new ArrayList<>();
      events.add(EventSubmission.of(at(1, i % 4 == 0 ? Behaviours.HID_PROBLEM : Behaviours.PROACTIVE_UPDATE)));
      for (int day = 2; day < 2 + (i % 3) * 8; day++) {
        events.add(EventSubmission.of(at(day, Behaviours.DELIVERED_EARLY)));
      }
      store.recordAll(r, events);
    }
    Map<AutonomyTier, Long> expected = new EnumMap<>(AutonomyTier.class);
    for (Relationship r : store.relationships()) {
      expected.merge(store.state(r).orElseThrow().tier(), 1L, Long::sum);
    }
    assertThat(expected).as("the relationships span tiers").hasSizeGreaterThan(2);
    TrustStoreMetrics.tierCensus(store, Duration.ofSeconds(30), Tags.empty()).bindTo(meters);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("SET QUERY_STATISTICS TRUE");
    }
    long before = relationshipQueries(dataSource);

    for (int scrape = 0; scrape < 3; scrape++) {
      for (AutonomyTier tier : AutonomyTier.values()) {
        assertThat(meters.get(TrustMeterNames.RELATIONSHIPS).tag("tier", tier.name().toLowerCase(Locale.ROOT))
            .gauge().value()).as("%s", tier).isEqualTo((double) expected.getOrDefault(tier, 0L));
      }
      clock.add(Duration.ofSeconds(10));
    }
    // Three scrapes of four gauges in 30 s of the registry's clock: one census, one query.
    assertThat(relationshipQueries(dataSource) - before).isEqualTo(1);
    store.record(Relationship.of("newcomer", "bo"), at(1, Behaviours.SMALL_WIN));
    before = relationshipQueries(dataSource);
    clock.add(Duration.ofSeconds(1));
    assertThat(meters.get(TrustMeterNames.RELATIONSHIPS).tag("tier", "supervised").gauge().value())
        .isEqualTo((double) expected.getOrDefault(AutonomyTier.SUPERVISED, 0L) + 1);
    assertThat(relationshipQueries(dataSource) - before).isEqualTo(1);
  }

  private static TrustEvent at(int day, dev.trustbucket.behaviour.Behaviour behaviour) {
    return TrustEvent.of(behaviour, MONDAY.plus(Duration.ofDays(day)));
  }

  @Test
  void countsWhatTheStoreCommittedAndTimesEachWrite() {
    TrustStore store = store("counts");
    metrics.bindTo(meters);
    TrustStoreMetrics.tierCensus(store, Duration.ofSeconds(30), Tags.of("app", "review")).bindTo(meters);

    store.record(ANA, at(1, Behaviours.PROACTIVE_UPDATE));
    store.record(ANA, at(2, Behaviours.HID_PROBLEM));
    store.record(CY, at(1, Behaviours.MISSED_DEADLINE));
    assertThatThrownBy(() -> store.record(ANA, at(1, Behaviours.SMALL_WIN)))
        .isInstanceOf(InvalidTrustInputException.class);

    assertThat(meters.get(TrustMeterNames.EVENTS).tags("direction", "drop", "dimension", "communication")
        .counter().count()).isEqualTo(1.0);
    assertThat(meters.get(TrustMeterNames.EVENTS).tags("direction", "drain", "dimension", "integrity")
        .counter().count()).isEqualTo(1.0);
    assertThat(meters.get(TrustMeterNames.EVENTS).tags("direction", "drain", "dimension", "ability")
        .counter().count()).isEqualTo(1.0);
    assertThat(meters.get(TrustMeterNames.BREACHES).tag("dimension", "integrity").counter().count()).isEqualTo(1.0);
    assertThat(meters.get(TrustMeterNames.RECORD).tag("outcome", "recorded").timer().count()).isEqualTo(3);
    assertThat(meters.get(TrustMeterNames.RECORD).tag("outcome", "rejected").timer().count()).isEqualTo(1);
    assertThat(meters.get(TrustMeterNames.RETRIES).counter().count()).isZero();
    assertThat(meters.get(TrustMeterNames.RELATIONSHIPS).tag("tier", "supervised").gauge().value()).isEqualTo(2.0);
    assertThat(meters.get(TrustMeterNames.RELATIONSHIPS).tag("tier", "trusted").gauge().value()).isZero();
  }

  @Test
  void retriesAreCountedAndAFailedWriteIsTimedAsFailed() {
    metrics.bindTo(meters);
    metrics.onWrite(new WriteReport(WriteReport.Operation.RECORD, WriteMode.OPTIMISTIC, 1, 1, 0, 3,
        Duration.ofMillis(4), Optional.empty()));
    metrics.onWrite(new WriteReport(WriteReport.Operation.RECORD_ALL, WriteMode.OPTIMISTIC, 1, 0, 0, 2,
        Duration.ofMillis(6), Optional.of(new IllegalStateException("connection lost"))));
    // Opening a relationship records no event: not timed.
    metrics.onWrite(new WriteReport(WriteReport.Operation.START, WriteMode.OPTIMISTIC, 1, 0, 0, 0,
        Duration.ofMillis(1), Optional.empty()));

    assertThat(meters.get(TrustMeterNames.RETRIES).counter().count()).isEqualTo(5.0);
    assertThat(meters.get(TrustMeterNames.RECORD).tag("outcome", "recorded").timer().count()).isEqualTo(1);
    assertThat(meters.get(TrustMeterNames.RECORD).tag("outcome", "failed").timer().count()).isEqualTo(1);
    assertThat(meters.get(TrustMeterNames.RECORD).tag("outcome", "failed").timer()
        .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(6.0);
  }
}
