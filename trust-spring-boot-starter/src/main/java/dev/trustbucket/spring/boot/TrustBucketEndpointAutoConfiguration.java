package dev.trustbucket.spring.boot;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The read-only {@link TrustBucketEndpoint}, when Spring Boot's actuator is present and the
 * application made the endpoint available (it is off by default).
 */
@AutoConfiguration(after = {TrustBucketAutoConfiguration.class, TrustBucketJdbcAutoConfiguration.class})
@ConditionalOnClass(name = {
    "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
    "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint"})
public class TrustBucketEndpointAutoConfiguration {
  /** Creates the auto-configuration; Spring calls it. */
  public TrustBucketEndpointAutoConfiguration() {}

  /**
   * The endpoint.
   *
   * @param relationships where the histories are read
   * @return the endpoint
   */
  @Bean
  @ConditionalOnBean(TrustRelationships.class)
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint
  public TrustBucketEndpoint trustBucketEndpoint(TrustRelationships relationships) {
    return new TrustBucketEndpoint(relationships);
  }
}
