package dev.trustbucket.spring.boot;

import dev.trustbucket.account.AccountRegistry;
import dev.trustbucket.jdbc.TrustStore;
import dev.trustbucket.micrometer.AccountRegistryMetrics;
import dev.trustbucket.micrometer.TierCensus;
import dev.trustbucket.micrometer.TrustStoreMetrics;
import io.micrometer.core.instrument.Tags;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer meters, when Micrometer and trust-micrometer are on the classpath: a {@link
 * AccountRegistryMetrics} binder for the in-memory registry (Spring Boot binds every {@code
 * MeterBinder} bean to the application's meter registries) and the observer that counts and
 * times the writes made through {@link TrustRelationships}; for the JDBC store, a {@code
 * TrustStoreMetrics} observer and the store's tier gauges.
 */
@AutoConfiguration(after = {TrustBucketAutoConfiguration.class, TrustBucketJdbcAutoConfiguration.class})
@ConditionalOnClass(name = {
    "io.micrometer.core.instrument.MeterRegistry", "dev.trustbucket.micrometer.AccountRegistryMetrics"})
public class TrustBucketMetricsAutoConfiguration {
  /** Creates the auto-configuration; Spring calls it. */
  public TrustBucketMetricsAutoConfiguration() {}

  /**
   * The registry's meters.
   *
   * @param registry the registry
   * @param properties {@code trustbucket.metrics.*}
   * @return the binder
   */
  @Bean
  @ConditionalOnBean(AccountRegistry.class)
  @ConditionalOnMissingBean
  public AccountRegistryMetrics trustAccountRegistryMetrics(
      AccountRegistry registry, TrustBucketProperties properties) {
    return new AccountRegistryMetrics(
        registry, Tags.empty(), properties.getMetrics().censusMaxAgeOr(java.time.Duration.ofSeconds(10)));
  }

  /**
   * Counts and times every write made through the registry-backed {@link TrustRelationships}.
   *
   * @param metrics the registry's meters
   * @return the observer
   */
  @Bean
  @ConditionalOnBean(AccountRegistryMetrics.class)
  @ConditionalOnMissingBean
  public TrustRecordingObserver trustRecordingObserver(AccountRegistryMetrics metrics) {
    return (policy, event, write) -> metrics.recording().record(policy, event, write);
  }

  /** The JDBC store's meters, when trust-jdbc is present and the store is the accounts. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "dev.trustbucket.jdbc.TrustStore")
  @ConditionalOnBean(TrustStore.class)
  static class StoreMetrics {
    /**
     * The store's write meters; as a {@code StoreObserver} bean it is given to the store.
     *
     * @return the observer and binder
     */
    @Bean
    @ConditionalOnMissingBean
    TrustStoreMetrics trustStoreMetrics() {
      return new TrustStoreMetrics(Tags.empty());
    }

    /**
     * The store's tier gauges.
     *
     * @param store the store
     * @param properties {@code trustbucket.metrics.*}
     * @return the binder
     */
    @Bean
    @ConditionalOnMissingBean(name = "trustStoreTierCensus")
    TierCensus trustStoreTierCensus(TrustStore store, TrustBucketProperties properties) {
      return TrustStoreMetrics.tierCensus(
          store, properties.getMetrics().censusMaxAgeOr(java.time.Duration.ofMinutes(5)), Tags.empty());
    }
  }
}
