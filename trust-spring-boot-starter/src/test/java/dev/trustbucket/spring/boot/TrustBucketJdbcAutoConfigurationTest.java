package dev.trustbucket.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.AccountRegistry;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.jdbc.StoreObserver;
import dev.trustbucket.jdbc.StoredEvent;
import dev.trustbucket.jdbc.TrustSchema;
import dev.trustbucket.jdbc.TrustStore;
import dev.trustbucket.jdbc.WriteMode;
import dev.trustbucket.micrometer.AccountRegistryMetrics;
import dev.trustbucket.micrometer.TrustMeterNames;
import dev.trustbucket.micrometer.TrustStoreMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The JDBC store path, on a real in-memory H2 database per test. */
class TrustBucketJdbcAutoConfigurationTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final Instant DAY = TrustBucketAutoConfigurationTest.MONDAY.plus(Duration.ofDays(31));
  private static final Relationship ANA = TrustBucketAutoConfigurationTest.ANA;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(TrustBucketAutoConfigurationTest.STARTER)
      .withConfiguration(AutoConfigurations.of(TrustBucketJdbcAutoConfiguration.class))
      .withUserConfiguration(TrustBucketAutoConfigurationTest.FixedClock.class)
      .withBean(DataSource.class, TrustBucketJdbcAutoConfigurationTest::h2);

  static DataSource h2() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:starter" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    return dataSource;
  }

  @Test
  void withADataSourceTheStoreKeepsTheRelationshipsAndNoRegistryIsMade() {
    runner.withPropertyValues("trustbucket.jdbc.write-mode=pessimistic").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).hasSingleBean(TrustStore.class);
      assertThat(context).doesNotHaveBean(AccountRegistry.class);
      assertThat(context).doesNotHaveBean(AccountRegistryMetrics.class);
      TrustStore store = context.getBean(TrustStore.class);
      assertThat(store.options().writeMode()).isEqualTo(WriteMode.PESSIMISTIC);
      TrustRelationships relationships = context.getBean(TrustRelationships.class);
      assertThat(relationships).isInstanceOf(StoreTrustRelationships.class);
      relationships.record(ANA, TrustEvent.of(Behaviours.PROACTIVE_UPDATE, DAY));
      assertThat(store.events(ANA)).hasSize(1);
      assertThat(relationships.ledger(ANA).orElseThrow().size()).isEqualTo(1);
      assertThat(relationships.ledger(Relationship.of("nobody", "bo"))).isEmpty();
    });
  }

  @Test
  void theHealthIndicatorShowsTheSchemaVersionAndIsDownWithoutTheTables() {
    runner.run(context -> {
      Health health = context.getBean("trustbucketHealthIndicator", HealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails())
          .containsEntry("store", "jdbc")
          .containsEntry("database", "h2")
          .containsEntry("schemaVersion", String.valueOf(TrustSchema.VERSION))
          .containsEntry("expectedSchemaVersion", TrustSchema.VERSION);
      // Someone drops the tables under the running application.
      try (var c = context.getBean(DataSource.class).getConnection(); var s = c.createStatement()) {
        s.execute("DROP ALL OBJECTS");
      }
      Health after = context.getBean("trustbucketHealthIndicator", HealthIndicator.class).health();
      assertThat(after.getStatus()).isEqualTo(Status.DOWN);
      assertThat(after.getDetails()).containsEntry("schemaVersion", "none");
    });
  }

  @Test
  void withoutMigrationAnEmptyDatabaseStopsTheStartWithTheStoresReason() {
    runner.withPropertyValues("trustbucket.jdbc.migrate=false").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("schema");
    });
  }

  @Test
  void theStoresMetersCountItsWritesAndEveryObserverBeanHearsThem() {
    List<StoredEvent> heard = new CopyOnWriteArrayList<>();
    runner.withConfiguration(AutoConfigurations.of(
            MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
            SimpleMetricsExportAutoConfiguration.class))
        .withBean("auditObserver", StoreObserver.class, () -> new StoreObserver() {
          @Override
          public void onEventRecorded(StoredEvent event) {
            heard.add(event);
          }
        })
        .run(context -> {
          assertThat(context).hasSingleBean(TrustStoreMetrics.class);
          TrustRelationships relationships = context.getBean(TrustRelationships.class);
          relationships.record(ANA, TrustEvent.of(Behaviours.PROACTIVE_UPDATE, DAY));
          relationships.record(ANA, TrustEvent.of(Behaviours.HID_PROBLEM, DAY.plus(Duration.ofDays(1))));

          MeterRegistry meters = context.getBean(MeterRegistry.class);
          assertThat(meters.get(TrustMeterNames.EVENTS).tags("direction", "drain", "dimension", "integrity")
              .counter().count()).isEqualTo(1.0);
          assertThat(meters.get(TrustMeterNames.BREACHES).tag("dimension", "integrity").counter().count()).isEqualTo(1.0);
          assertThat(meters.get(TrustMeterNames.RECORD).tag("outcome", "recorded").timer().count()).isEqualTo(2);
          assertThat(meters.get(TrustMeterNames.RETRIES).counter().count()).isZero();
          assertThat(meters.get(TrustMeterNames.RELATIONSHIPS).tag("tier", "supervised").gauge().value()).isEqualTo(1.0);
          assertThat(heard).hasSize(2);
        });
  }

  @Test
  void theApplicationsOwnStoreMetersReplaceTheStartersOnes() {
    TrustStoreMetrics own = new TrustStoreMetrics(io.micrometer.core.instrument.Tags.of("mine", "yes"));
    dev.trustbucket.micrometer.TierCensus census = new dev.trustbucket.micrometer.TierCensus(
        java.util.Map::of, Duration.ZERO, List.of());
    runner.withBean("myStoreMetrics", TrustStoreMetrics.class, () -> own)
        .withBean("trustStoreTierCensus", dev.trustbucket.micrometer.TierCensus.class, () -> census)
        .run(context -> {
          assertThat(context).hasSingleBean(TrustStoreMetrics.class);
          assertThat(context.getBean(TrustStoreMetrics.class)).isSameAs(own);
          assertThat(context.getBean("trustStoreTierCensus")).isSameAs(census);
        });
  }

  @Test
  void theApplicationsOwnStoreOrTurningItOffBacksTheStarterOff() {
    DataSource own = h2();
    TrustSchema.migrate(own);
    TrustStore store = TrustStore.open(own, TrustPolicy.defaults());
    runner.withBean("myStore", TrustStore.class, () -> store).run(context -> {
      assertThat(context).hasSingleBean(TrustStore.class);
      assertThat(((StoreTrustRelationships) context.getBean(TrustRelationships.class)).store()).isSameAs(store);
    });
    runner.withPropertyValues("trustbucket.jdbc.enabled=false").run(context -> {
      assertThat(context).doesNotHaveBean(TrustStore.class);
      assertThat(context).hasSingleBean(AccountRegistry.class);
    });
    runner.withClassLoader(new FilteredClassLoader(TrustStore.class)).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).hasSingleBean(AccountRegistry.class);
    });
  }
}
