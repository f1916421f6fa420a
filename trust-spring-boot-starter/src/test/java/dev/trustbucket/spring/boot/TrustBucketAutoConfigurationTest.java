package dev.trustbucket.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.AccountRegistry;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.micrometer.AccountRegistryMetrics;
import dev.trustbucket.micrometer.TrustMeterNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class TrustBucketAutoConfigurationTest {
  static final Instant MONDAY = Instant.parse("2025-01-06T09:00:00Z");
  static final Relationship ANA = Relationship.of("ana", "bo");

  static final AutoConfigurations STARTER = AutoConfigurations.of(
      TrustBucketAutoConfiguration.class,
      TrustBucketMetricsAutoConfiguration.class,
      TrustBucketHealthAutoConfiguration.class,
      TrustBucketEndpointAutoConfiguration.class);

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withConfiguration(STARTER).withUserConfiguration(FixedClock.class);

  @Configuration(proxyBeanMethods = false)
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(MONDAY.plus(Duration.ofDays(30)), ZoneOffset.UTC);
    }
  }

  @Test
  void byDefaultThePresetPolicyAnInMemoryRegistryItsMetricsAndHealthButNoEndpoint() {
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(TrustPolicy.class)).isEqualTo(TrustPolicy.defaults());
      assertThat(context).hasSingleBean(AccountRegistry.class);
      assertThat(context.getBean(TrustRelationships.class)).isInstanceOf(RegistryTrustRelationships.class);
      assertThat(context).hasSingleBean(AccountRegistryMetrics.class);
      assertThat(context).hasBean("trustbucketHealthIndicator");
      assertThat(context).doesNotHaveBean(TrustBucketEndpoint.class);
      // The application's Clock bean starts new relationships.
      TrustRelationships relationships = context.getBean(TrustRelationships.class);
      relationships.record(ANA, TrustEvent.of(Behaviours.PROACTIVE_UPDATE, MONDAY.plus(Duration.ofDays(31))));
      assertThat(relationships.ledger(ANA).orElseThrow().start()).isEqualTo(MONDAY.plus(Duration.ofDays(30)));
    });
  }

  @Test
  void theApplicationsOwnPolicyReplacesThePresetsAndRulesTheRegistry() {
    runner.withBean(TrustPolicy.class, TrustPolicy::strict)
        .withPropertyValues("trustbucket.preset=symmetric")
        .run(context -> {
          assertThat(context).hasSingleBean(TrustPolicy.class);
          assertThat(context.getBean(AccountRegistry.class).policy()).isEqualTo(TrustPolicy.strict());
        });
  }

  @Test
  void theApplicationsOwnRegistryIsTheOneRecordedOnAndMetered() {
    AccountRegistry own = new AccountRegistry(TrustPolicy.forgiving(), Clock.fixed(MONDAY, ZoneOffset.UTC));
    runner.withBean("myRegistry", AccountRegistry.class, () -> own).run(context -> {
      assertThat(context).hasSingleBean(AccountRegistry.class);
      assertThat(context.getBean(AccountRegistry.class)).isSameAs(own);
      context.getBean(TrustRelationships.class).record(ANA, TrustEvent.of(Behaviours.SMALL_WIN, MONDAY));
      assertThat(own.find(ANA)).isPresent();
      assertThat(context.getBean(AccountRegistryMetrics.class).registry()).isSameAs(own);
    });
  }

  @Test
  void theApplicationsOwnRelationshipsReplaceTheRegistryAndItsMetricsAndHealth() {
    TrustRelationships own = new RegistryTrustRelationships(
        new AccountRegistry(TrustPolicy.defaults(), Clock.systemUTC()), Clock.systemUTC(), TrustRecordingObserver.NONE);
    runner.withBean(TrustRelationships.class, () -> own).run(context -> {
      assertThat(context.getBean(TrustRelationships.class)).isSameAs(own);
      assertThat(context).doesNotHaveBean(AccountRegistry.class);
      assertThat(context).doesNotHaveBean(AccountRegistryMetrics.class);
      assertThat(context).doesNotHaveBean("trustbucketHealthIndicator");
    });
  }

  @Test
  void theApplicationsOwnMetricsBinderAndHealthIndicatorReplaceTheStartersOnes() {
    HealthIndicator own = () -> Health.down().withDetail("why", "mine").build();
    runner.withBean("trustbucketHealthIndicator", HealthIndicator.class, () -> own)
        .withBean("myMetrics", AccountRegistryMetrics.class,
            () -> new AccountRegistryMetrics(
                new AccountRegistry(TrustPolicy.defaults(), Clock.systemUTC()), java.util.List.of(), Duration.ZERO))
        .run(context -> {
          assertThat(context).hasSingleBean(AccountRegistryMetrics.class);
          assertThat(context).hasBean("myMetrics");
          assertThat(context.getBean("trustbucketHealthIndicator")).isSameAs(own);
        });
  }

  @Test
  void theHealthIndicatorCanBeTurnedOffAndIsUpWithThePolicyAndTheCount() {
    runner.withPropertyValues("management.health.trustbucket.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("trustbucketHealthIndicator"));
    runner.run(context -> {
      context.getBean(TrustRelationships.class).record(ANA, TrustEvent.of(Behaviours.SMALL_WIN, MONDAY.plus(Duration.ofDays(31))));
      Health health = context.getBean("trustbucketHealthIndicator", HealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails())
          .containsExactlyInAnyOrderEntriesOf(Map.of("store", "in-memory", "policy", "default", "relationships", 1));
    });
  }

  @Test
  void withoutMicrometerOrActuatorTheCoreBeansStillWork() {
    runner.withClassLoader(new FilteredClassLoader(
            MeterRegistry.class, AccountRegistryMetrics.class,
            HealthIndicator.class, org.springframework.boot.actuate.endpoint.annotation.Endpoint.class))
        .withPropertyValues("management.endpoint.trustbucket.access=read-only")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(TrustRelationships.class);
          assertThat(context).doesNotHaveBean(AccountRegistryMetrics.class);
          assertThat(context).doesNotHaveBean(TrustRecordingObserver.class);
          assertThat(context).doesNotHaveBean("trustbucketHealthIndicator");
          assertThat(context).doesNotHaveBean(TrustBucketEndpoint.class);
          assertThat(context.getBean(TrustRelationships.class)
              .record(ANA, TrustEvent.of(Behaviours.SMALL_WIN, MONDAY.plus(Duration.ofDays(31)))).level())
              .isGreaterThan(0.5);
        });
  }

  @Test
  void springBootBindsTheMetersAndCountsWhatIsRecordedThroughTheRelationships() {
    runner.withConfiguration(AutoConfigurations.of(
            MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
            SimpleMetricsExportAutoConfiguration.class))
        .run(context -> {
          MeterRegistry meters = context.getBean(MeterRegistry.class);
          TrustRelationships relationships = context.getBean(TrustRelationships.class);
          Instant day = MONDAY.plus(Duration.ofDays(31));
          relationships.record(ANA, TrustEvent.of(Behaviours.PROACTIVE_UPDATE, day));
          relationships.record(ANA, TrustEvent.of(Behaviours.HID_PROBLEM, day.plus(Duration.ofDays(1))));
          relationships.record(Relationship.of("cy", "bo"), TrustEvent.of(Behaviours.MISSED_DEADLINE, day));
          try {
            relationships.record(ANA, TrustEvent.of(Behaviours.SMALL_WIN, day));
          } catch (dev.trustbucket.InvalidTrustInputException expected) {
            // out of time order: timed as rejected, counted nowhere else
          }

          assertThat(meters.get(TrustMeterNames.EVENTS).tags("direction", "drop", "dimension", "communication")
              .counter().count()).isEqualTo(1.0);
          assertThat(meters.get(TrustMeterNames.EVENTS).tags("direction", "drain", "dimension", "integrity")
              .counter().count()).isEqualTo(1.0);
          assertThat(meters.get(TrustMeterNames.EVENTS).tags("direction", "drain", "dimension", "ability")
              .counter().count()).isEqualTo(1.0);
          assertThat(meters.get(TrustMeterNames.EVENTS).tags("direction", "drop", "dimension", "ability")
              .counter().count()).isZero();
          assertThat(meters.get(TrustMeterNames.BREACHES).tag("dimension", "integrity").counter().count()).isEqualTo(1.0);
          assertThat(meters.get(TrustMeterNames.BREACHES).tag("dimension", "ability").counter().count()).isZero();
          assertThat(meters.get(TrustMeterNames.RECORD).tag("outcome", "recorded").timer().count()).isEqualTo(3);
          assertThat(meters.get(TrustMeterNames.RECORD).tag("outcome", "rejected").timer().count()).isEqualTo(1);
          assertThat(meters.get(TrustMeterNames.RELATIONSHIPS).tag("tier", "supervised").gauge().value()).isEqualTo(2.0);
          assertThat(meters.find(TrustMeterNames.RETRIES).meter()).isNull();
        });
  }

  @Test
  void theRelationshipsOfAnUnknownPairAreEmpty() {
    runner.run(context ->
        assertThat(context.getBean(TrustRelationships.class).ledger(ANA)).isEqualTo(Optional.empty()));
  }
}
