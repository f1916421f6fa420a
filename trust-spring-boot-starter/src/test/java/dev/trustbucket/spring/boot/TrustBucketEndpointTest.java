package dev.trustbucket.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.TrustEvent;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviours;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TrustBucketEndpointTest {
  private static final Instant MONDAY = TrustBucketAutoConfigurationTest.MONDAY;
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(TrustBucketAutoConfigurationTest.STARTER)
      .withUserConfiguration(TrustBucketAutoConfigurationTest.FixedClock.class);

  // A SpringApplication reads "read-only" (the example application does); the bare runner converts
  // enum values strictly, so these tests spell the constant.

  @Test
  void offByDefaultEvenWhenExposed() {
    runner.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=*")
        .run(context -> assertThat(context).doesNotHaveBean(TrustBucketEndpoint.class));
  }

  @Test
  void whenTurnedOnItExplainsOneRelationshipGroupedByDimension() {
    runner.withPropertyValues(
            "management.endpoint.trustbucket.access=READ_ONLY",
            // ApplicationContextRunner starts no web server: expose it over JMX instead of HTTP.
            "spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=trustbucket")
        .run(context -> {
          assertThat(context).hasSingleBean(TrustBucketEndpoint.class);
          TrustRelationships relationships = context.getBean(TrustRelationships.class);
          Relationship ana = Relationship.of("ana", "bo");
          Instant start = MONDAY.plus(Duration.ofDays(30));
          relationships.record(ana, TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, start.plus(Duration.ofDays(4))));
          relationships.record(ana, TrustEvent.of(Behaviours.PROACTIVE_UPDATE, start.plus(Duration.ofDays(7))));
          relationships.record(ana, TrustEvent.of(Behaviours.MISSED_DEADLINE, start.plus(Duration.ofDays(11)))
              .withNote("release notes slipped a week"));

          RelationshipReport report = context.getBean(TrustBucketEndpoint.class).relationship("ana", "bo");

          assertThat(report).isNotNull();
          // The Quick start's three events: level 0.435, still supervised.
          assertThat(report.level()).isCloseTo(0.435, org.assertj.core.data.Offset.offset(0.0005));
          assertThat(report.tier()).isEqualTo("supervised");
          assertThat(report.events()).isEqualTo(3);
          assertThat(report.policy()).isEqualTo("default");
          // The clock stands before the last event: the report is made at that event.
          assertThat(report.at()).isEqualTo(start.plus(Duration.ofDays(11)).toString());
          assertThat(report.dimensions()).extracting(RelationshipReport.DimensionPart::dimension)
              .containsExactly("ability", "integrity", "communication");
          RelationshipReport.DimensionPart ability = report.dimensions().get(0);
          assertThat(ability.events()).isEqualTo(2);
          assertThat(ability.raised()).isPositive();
          assertThat(ability.lowered()).isNegative();
          assertThat(report.dimensions().get(1).events()).isZero();
          assertThat(report.dimensions().get(2).raised()).isPositive();
          // What is left of each event plus the baseline adds up to the level.
          double sum = 0.5 + report.dimensions().stream().mapToDouble(d -> d.raised() + d.lowered()).sum();
          assertThat(sum).isCloseTo(report.level(), org.assertj.core.data.Offset.offset(1e-9));
          assertThat(report.loweredBy()).singleElement().asString()
              .startsWith("Missed a deadline (release notes slipped a week)");
          assertThat(report.raisedBy()).hasSize(2);
          assertThat(report.summary()).startsWith("Level 44% (supervised)");

          assertThat(context.getBean(TrustBucketEndpoint.class).relationship("nobody", "bo")).isNull();
          assertThatThrownBy(() -> context.getBean(TrustBucketEndpoint.class).relationship(" ", "bo"))
              .isInstanceOf(InvalidEndpointRequestException.class)
              .hasMessageContaining("employee must be");
        });
  }

  @Test
  void theApplicationsOwnEndpointReplacesTheStartersOne() {
    TrustBucketEndpoint own = new TrustBucketEndpoint(new RegistryTrustRelationships(
        new dev.trustbucket.account.AccountRegistry(dev.trustbucket.TrustPolicy.defaults(), java.time.Clock.systemUTC()),
        java.time.Clock.systemUTC(), TrustRecordingObserver.NONE));
    runner.withPropertyValues("management.endpoint.trustbucket.access=READ_ONLY",
            // ApplicationContextRunner starts no web server: expose it over JMX instead of HTTP.
            "spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=trustbucket")
        .withBean(TrustBucketEndpoint.class, () -> own)
        .run(context -> assertThat(context.getBean(TrustBucketEndpoint.class)).isSameAs(own));
  }
}
