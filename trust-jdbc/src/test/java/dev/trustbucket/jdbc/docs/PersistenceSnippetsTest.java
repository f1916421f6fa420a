package dev.trustbucket.jdbc.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.jdbc.EventSubmission;
import dev.trustbucket.jdbc.StoreOptions;
import dev.trustbucket.jdbc.TrustSchema;
import dev.trustbucket.jdbc.TrustStore;
import dev.trustbucket.jdbc.WriteMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The Java snippets of docs/persistence.md, run as written; comments with numbers are asserted. */
class PersistenceSnippetsTest {
  @Test
  void aFirstStore() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:reviews;DB_CLOSE_DELAY=-1");
    TrustSchema.migrate(dataSource);                  // creates the tables, or does nothing if they exist

    TrustStore store = TrustStore.open(dataSource, TrustPolicy.defaults());
    Relationship ana = Relationship.of("ana", "ben");
    Instant monday = Instant.parse("2025-01-06T09:00:00Z");

    store.record(ana, TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, monday.plus(Duration.ofDays(4))));
    store.record(ana, TrustEvent.of(Behaviours.PROACTIVE_UPDATE, monday.plus(Duration.ofDays(7))));
    store.record(ana, EventSubmission.of("jira-481",  // an id: a retried request is recorded once
        TrustEvent.of(Behaviours.MISSED_DEADLINE, monday.plus(Duration.ofDays(11)))));

    double level = store.levelAt(ana, monday.plus(Duration.ofDays(11)));   // 0.435
    AutonomyTier tier = store.tierAt(ana, monday.plus(Duration.ofDays(11))); // SUPERVISED

    assertThat(level).isCloseTo(0.435, within(0.0005));
    assertThat(tier).isEqualTo(AutonomyTier.SUPERVISED);
    // The retried request is recorded once.
    assertThat(store.record(ana, EventSubmission.of("jira-481",
        TrustEvent.of(Behaviours.MISSED_DEADLINE, monday.plus(Duration.ofDays(11))))).duplicates()).isEqualTo(1);

    StoreOptions options = StoreOptions.builder()
        .writeMode(WriteMode.PESSIMISTIC)
        .maxRetries(5)
        .backoff(Duration.ofMillis(5), Duration.ofMillis(500))
        .clock(Clock.systemUTC())
        .build();
    TrustStore hot = TrustStore.open(dataSource, TrustPolicy.defaults(), options);
    assertThat(hot.events(ana)).hasSize(3);
  }

  /** The Spring bean method of the page, without Spring: a pooled data source, migrate, open. */
  @Test
  void aPooledDataSourceAsInTheSpringExample() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:spring-like;DB_CLOSE_DELAY=-1");
    HikariConfig config = new HikariConfig();
    config.setDataSource(h2);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      TrustStore store = trustStore(pool);
      store.record(Relationship.of("e-17", "m-3"), EventSubmission.of("req-1",
          TrustEvent.of(Behaviours.SMALL_WIN, Instant.parse("2025-01-06T09:00:00Z"))));
      assertThat(store.relationships()).containsExactly(Relationship.of("e-17", "m-3"));
    }
  }

  TrustStore trustStore(DataSource dataSource) {     // Spring Boot's pooled HikariDataSource
    TrustSchema.migrate(dataSource);                 // or let Flyway run db/trustbucket/postgresql
    return TrustStore.open(dataSource, TrustPolicy.defaults(), StoreOptions.defaults());
  }
}
