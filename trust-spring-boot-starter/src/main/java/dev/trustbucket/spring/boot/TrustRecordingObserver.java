package dev.trustbucket.spring.boot;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import java.util.function.Supplier;

/**
 * Wraps every write that the registry-backed {@link TrustRelationships} makes, e.g. to time and
 * count it. The metrics auto-configuration provides one when Micrometer is present.
 */
@FunctionalInterface
public interface TrustRecordingObserver {
  /** Runs the write and observes nothing. */
  TrustRecordingObserver NONE = (policy, event, write) -> write.get();

  /**
   * Runs one write.
   *
   * @param policy the policy the event is recorded under
   * @param event the event being recorded
   * @param write records it and returns the new state; call it exactly once and rethrow what it
   *     throws
   * @return what {@code write} returned
   */
  TrustBucket record(TrustPolicy policy, TrustEvent event, Supplier<TrustBucket> write);
}
