package dev.trustbucket.spring.boot;

import dev.trustbucket.account.AccountRegistry;
import dev.trustbucket.jdbc.TrustSchema;
import dev.trustbucket.jdbc.TrustStore;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code trustbucket} health indicator, when Spring Boot's health module is present and
 * {@code management.health.trustbucket.enabled} is not {@code false}. For the in-memory registry it
 * is always up and shows the policy and the number of relationships; for the JDBC store it checks
 * that the store answers and shows its schema version. A bean named {@code
 * trustbucketHealthIndicator} of the application's replaces it.
 */
@AutoConfiguration(after = {TrustBucketAutoConfiguration.class, TrustBucketJdbcAutoConfiguration.class})
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

  /** The JDBC store's health, when trust-jdbc is present and the store is the accounts. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "dev.trustbucket.jdbc.TrustStore")
  @ConditionalOnBean(TrustStore.class)
  static class StoreHealth {
    /**
     * Up when the store's database answers with the schema version this library reads.
     *
     * @param store the store
     * @param dataSource the store's database
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "trustbucketHealthIndicator")
    HealthIndicator trustbucketHealthIndicator(TrustStore store, DataSource dataSource) {
      return () -> {
        Optional<Integer> version = TrustSchema.version(dataSource);
        Health.Builder health = version.isPresent() && version.get() == TrustSchema.VERSION
            ? Health.up() : Health.down();
        return health
            .withDetail("store", "jdbc")
            .withDetail("database", store.dialect().name().toLowerCase(java.util.Locale.ROOT))
            .withDetail("policy", store.policy().name())
            .withDetail("schemaVersion", version.map(String::valueOf).orElse("none"))
            .withDetail("expectedSchemaVersion", TrustSchema.VERSION)
            .build();
      };
    }
  }
}
