package dev.trustbucket.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/**
 * An application's own beans next to the starter's, as docs/spring-boot.md describes them: a
 * service that records through {@link TrustRelationships}, a policy built in code that replaces the
 * preset, and the message a bad policy property fails start-up with. (trust-docs compiles the page's
 * blocks; they are Spring beans, so this test is where they run, in a context.)
 */
class ApplicationBeansTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withConfiguration(TrustBucketAutoConfigurationTest.STARTER);

  // As in docs/spring-boot.md: "Record through it, and the metrics count what you record"
  @Service
  static class ReviewService {
    private final TrustRelationships relationships;

    ReviewService(TrustRelationships relationships) {
      this.relationships = relationships;
    }

    double missedDeadline(String employee, String manager, Instant when) {
      return relationships
          .record(Relationship.of(employee, manager), TrustEvent.of(Behaviours.MISSED_DEADLINE, when))
          .level();
    }
  }

  // As in docs/spring-boot.md: "Replacing the policy with one built in code"
  @Configuration
  static class TrustConfiguration {
    @Bean
    TrustPolicy trustPolicy() {
      return TrustPolicy.builder()
          .from(TrustPolicy.defaults())
          .name("patient")
          .decay(DecayRule.exponential(Duration.ofDays(730)))
          .build();
    }
  }

  @Test
  void theServiceRecordsThroughTheRelationshipsUnderTheApplicationsPolicy() {
    runner.withUserConfiguration(TrustConfiguration.class, ReviewService.class).run(context -> {
      assertThat(context.getBean(TrustPolicy.class).name()).isEqualTo("patient");
      double level = context.getBean(ReviewService.class)
          .missedDeadline("ana", "bo", Instant.now().plus(Duration.ofDays(1)));
      // One ordinary drain at the baseline: 0.5 less 21 % of it.
      assertThat(level).isCloseTo(0.395, org.assertj.core.data.Offset.offset(1e-9));
    });
  }

  @Test
  void theStartUpFailureReadsAsTheDocsShowIt() {
    runner.withPropertyValues("trustbucket.policy.loss-rate=3").run(context -> {
      Throwable t = context.getStartupFailure();
      while (!(t instanceof InvalidConfigurationPropertyValueException)) {
        t = t.getCause();
      }
      assertThat(t).hasMessage("Property trustbucket.policy.loss-rate with value '3.0' is invalid:"
          + " lossRate must be a finite number in (0, 1.0] but was 3.0");
    });
  }
}
