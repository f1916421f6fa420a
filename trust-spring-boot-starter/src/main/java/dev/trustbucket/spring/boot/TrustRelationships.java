package dev.trustbucket.spring.boot;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import java.time.Clock;
import java.util.Optional;

/**
 * The application's view of its relationships, whichever store keeps them: record an event,
 * read a history back. The starter provides one over the in-memory {@link
 * dev.trustbucket.account.AccountRegistry} (or over the JDBC store when there is one); the
 * actuator endpoint and the example application use it. Implementations are thread-safe.
 */
public interface TrustRelationships {
  /**
   * The policy every relationship is kept under.
   *
   * @return the policy
   */
  TrustPolicy policy();

  /**
   * The clock that gives "now": new relationships start then, and explanations are made then.
   *
   * @return the clock
   */
  Clock clock();

  /**
   * Records an event, opening the relationship at the clock's instant if it is new.
   *
   * @param relationship who trusts whom
   * @param event the event; not earlier than the relationship's last one
   * @return the bucket after the event
   * @throws dev.trustbucket.InvalidTrustInputException when the event is refused; nothing is
   *     recorded
   */
  TrustBucket record(Relationship relationship, TrustEvent event);

  /**
   * The history of a relationship, if it has one.
   *
   * @param relationship who trusts whom
   * @return an immutable snapshot of its ledger, or empty when nothing was ever recorded
   */
  Optional<TrustLedger> ledger(Relationship relationship);
}
