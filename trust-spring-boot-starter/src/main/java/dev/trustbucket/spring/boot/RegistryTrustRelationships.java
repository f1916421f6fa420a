package dev.trustbucket.spring.boot;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.AccountRegistry;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.account.TrustAccount;
import java.time.Clock;
import java.util.Optional;

/** {@link TrustRelationships} over an in-memory {@link AccountRegistry}. Thread-safe. */
public final class RegistryTrustRelationships implements TrustRelationships {
  private final AccountRegistry registry;
  private final Clock clock;
  private final TrustRecordingObserver observer;

  /**
   * Wraps a registry.
   *
   * @param registry the accounts
   * @param clock the registry's clock
   * @param observer wraps every write
   */
  public RegistryTrustRelationships(AccountRegistry registry, Clock clock, TrustRecordingObserver observer) {
    this.registry = requireNonNull(registry, "registry");
    this.clock = requireNonNull(clock, "clock");
    this.observer = requireNonNull(observer, "observer");
  }

  @Override
  public TrustPolicy policy() {
    return registry.policy();
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public TrustBucket record(Relationship relationship, TrustEvent event) {
    requireNonNull(event, "event");
    TrustAccount account = registry.account(requireNonNull(relationship, "relationship"));
    return observer.record(registry.policy(), event, () -> account.record(event));
  }

  @Override
  public Optional<TrustLedger> ledger(Relationship relationship) {
    return registry.find(relationship).map(TrustAccount::ledger);
  }
}
