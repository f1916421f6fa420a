package dev.trustbucket.spring.boot;

import dev.trustbucket.TrustPolicy;
import dev.trustbucket.jdbc.StoreObserver;
import dev.trustbucket.jdbc.StoreOptions;
import dev.trustbucket.jdbc.TrustSchema;
import dev.trustbucket.jdbc.TrustStore;
import dev.trustbucket.jdbc.WriteMode;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The JDBC store, when trust-jdbc is on the classpath and the application has a {@link
 * DataSource} (and {@code trustbucket.jdbc.enabled} is not {@code false}): the {@link TrustStore}
 * on that data source, its tables created or upgraded at start-up unless {@code
 * trustbucket.jdbc.migrate=false}, and the {@link TrustRelationships} over it. Every {@link
 * StoreObserver} bean (the metrics' among them) hears the store's writes. The in-memory registry
 * is then not created.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    beforeName = "dev.trustbucket.spring.boot.TrustBucketAutoConfiguration")
@ConditionalOnClass(name = "dev.trustbucket.jdbc.TrustStore")
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "trustbucket.jdbc.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TrustBucketProperties.class)
public class TrustBucketJdbcAutoConfiguration {
  /** Creates the auto-configuration; Spring calls it. */
  public TrustBucketJdbcAutoConfiguration() {}

  /**
   * The store.
   *
   * @param dataSource the application's database
   * @param policy the policy
   * @param properties {@code trustbucket.jdbc.*}
   * @param clock the application's clock, if any
   * @param observers every store observer bean, in order
   * @return the open store
   */
  @Bean
  @ConditionalOnMissingBean
  public TrustStore trustStore(
      DataSource dataSource,
      TrustPolicy policy,
      TrustBucketProperties properties,
      ObjectProvider<Clock> clock,
      ObjectProvider<StoreObserver> observers) {
    TrustBucketProperties.Jdbc jdbc = properties.getJdbc();
    StoreOptions.Builder options = StoreOptions.builder()
        .writeMode(WriteMode.valueOf(jdbc.getWriteMode().name()))
        .clock(clock.getIfAvailable(Clock::systemUTC))
        .observer(CompositeStoreObserver.of(observers.orderedStream().toList()));
    try {
      options.maxRetries(jdbc.getMaxRetries());
    } catch (dev.trustbucket.InvalidTrustInputException e) {
      throw new org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException(
          "trustbucket.jdbc.max-retries", jdbc.getMaxRetries(), String.valueOf(e.getMessage()));
    }
    if (jdbc.isMigrate()) {
      TrustSchema.migrate(dataSource);
    }
    return TrustStore.open(dataSource, policy, options.build());
  }

  /**
   * The relationships over the store.
   *
   * @param store the store
   * @return the relationships
   */
  @Bean
  @ConditionalOnBean(TrustStore.class)
  @ConditionalOnMissingBean
  public TrustRelationships trustRelationships(TrustStore store) {
    return new StoreTrustRelationships(store);
  }

  /**
   * Hands each notice to several observers, in order; one failing does not stop the others, and
   * the first failure is rethrown to the store (which logs it) once all have been called.
   */
  static final class CompositeStoreObserver {
    private CompositeStoreObserver() {}

    static void each(List<StoreObserver> all, java.util.function.Consumer<StoreObserver> call) {
      RuntimeException first = null;
      for (StoreObserver o : all) {
        try {
          call.accept(o);
        } catch (RuntimeException e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
      if (first != null) {
        throw first;
      }
    }

    static StoreObserver of(List<StoreObserver> observers) {
      if (observers.isEmpty()) {
        return StoreObserver.NONE;
      }
      if (observers.size() == 1) {
        return observers.get(0);
      }
      List<StoreObserver> all = List.copyOf(observers);
      return new StoreObserver() {
        @Override
        public void onEventRecorded(dev.trustbucket.jdbc.StoredEvent event) {
          each(all, o -> o.onEventRecorded(event));
        }

        @Override
        public void onBreach(dev.trustbucket.account.BreachNotice breach) {
          each(all, o -> o.onBreach(breach));
        }

        @Override
        public void onTierChange(dev.trustbucket.account.TierChange change) {
          each(all, o -> o.onTierChange(change));
        }

        @Override
        public void onWrite(dev.trustbucket.jdbc.WriteReport report) {
          each(all, o -> o.onWrite(report));
        }
      };
    }
  }
}
