package dev.trustbucket.spring.boot;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.jdbc.TrustStore;
import dev.trustbucket.jdbc.UnknownRelationshipException;
import java.time.Clock;
import java.util.Optional;

/**
 * {@link TrustRelationships} over a JDBC {@link TrustStore}: every record is one transaction, and
 * the store's own observer (the metrics, if any) hears about it. Thread-safe.
 */
public final class StoreTrustRelationships implements TrustRelationships {
  private final TrustStore store;

  /**
   * Wraps a store.
   *
   * @param store the store
   */
  public StoreTrustRelationships(TrustStore store) {
    this.store = requireNonNull(store, "store");
  }

  @Override
  public TrustPolicy policy() {
    return store.policy();
  }

  @Override
  public Clock clock() {
    return store.options().clock();
  }

  /**
   * {@inheritDoc}
   *
   * <p>A relationship new to the store starts at its first event's time.
   */
  @Override
  public TrustBucket record(Relationship relationship, TrustEvent event) {
    return store.record(relationship, event).state();
  }

  @Override
  public Optional<TrustLedger> ledger(Relationship relationship) {
    try {
      return Optional.of(store.ledger(relationship));
    } catch (UnknownRelationshipException e) {
      return Optional.empty();
    }
  }

  /**
   * The store.
   *
   * @return the store
   */
  public TrustStore store() {
    return store;
  }
}
