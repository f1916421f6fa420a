package dev.trustbucket.spring.boot;

import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.AccountRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The core beans: the {@link TrustPolicy} built from {@code trustbucket.*}, and, unless the JDBC
 * store or the application provides the accounts, an in-memory {@link AccountRegistry} with the
 * {@link TrustRelationships} over it. Each bean backs off when the application defines one of its
 * type. The registry takes the application's {@link Clock} bean if it has one, else the system
 * clock in UTC.
 */
@AutoConfiguration(afterName = "dev.trustbucket.spring.boot.TrustBucketJdbcAutoConfiguration")
@EnableConfigurationProperties(TrustBucketProperties.class)
public class TrustBucketAutoConfiguration {
  /** Creates the auto-configuration; Spring calls it. */
  public TrustBucketAutoConfiguration() {}

  /**
   * The policy of every relationship.
   *
   * @param properties {@code trustbucket.*}
   * @return the preset with the overrides
   */
  @Bean
  @ConditionalOnMissingBean
  public TrustPolicy trustPolicy(TrustBucketProperties properties) {
    return TrustPolicyFactory.build(properties);
  }

  /**
   * The in-memory accounts, when nothing else keeps them.
   *
   * @param policy the policy
   * @param clock the application's clock, if any
   * @return an empty registry
   */
  @Bean
  @ConditionalOnMissingBean({AccountRegistry.class, TrustRelationships.class})
  public AccountRegistry trustAccountRegistry(TrustPolicy policy, ObjectProvider<Clock> clock) {
    return new AccountRegistry(policy, clock.getIfAvailable(Clock::systemUTC));
  }

  /**
   * The relationships over the registry, writes wrapped by the observer (metrics) if there is one.
   *
   * @param registry the registry
   * @param clock the application's clock, if any
   * @param observer the metrics' observer, if any
   * @return the relationships
   */
  @Bean
  @ConditionalOnBean(AccountRegistry.class)
  @ConditionalOnMissingBean
  public TrustRelationships trustRelationships(
      AccountRegistry registry, ObjectProvider<Clock> clock, ObjectProvider<TrustRecordingObserver> observer) {
    return new RegistryTrustRelationships(
        registry, clock.getIfAvailable(Clock::systemUTC), observer.getIfAvailable(() -> TrustRecordingObserver.NONE));
  }
}
