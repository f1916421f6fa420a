package dev.trustbucket.spring.boot;

import dev.trustbucket.account.AccountRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code trustbucket} health indicator, when Spring Boot's health module is present and
 * {@code management.health.trustbucket.enabled} is not {@code false}. For the in-memory registry it
 * is always up and shows the policy and the number of relationships; for the JDBC store it checks
 * that the store answers and shows its schema version. A bean named {@code
 * trustbucketHealthIndicator} of the application's replaces it.
 */
@AutoConfiguration(after = TrustBucketAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnEnabledHealthIndicator("trustbucket")
public class TrustBucketHealthAutoConfiguration {
  /** Creates the auto-configuration; Spring calls it. */
  public TrustBucketHealthAutoConfiguration() {}

  /**
   * The health of the in-memory registry.
   *
   * @param registry the registry
   * @return always up, with the policy's name and the number of relationships
   */
  @Bean
  @ConditionalOnBean(AccountRegistry.class)
  @ConditionalOnMissingBean(name = "trustbucketHealthIndicator")
  public HealthIndicator trustbucketHealthIndicator(AccountRegistry registry) {
    return () -> Health.up()
        .withDetail("store", "in-memory")
        .withDetail("policy", registry.policy().name())
        .withDetail("relationships", registry.relationships().size())
        .build();
  }
}
