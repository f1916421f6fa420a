package dev.trustbucket.kafka;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.explain.Explanation;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The level, tier and explanation of one relationship, read from the topology's store
 * (interactive queries). It answers for the relationships whose partitions this instance hosts;
 * {@link KafkaStreams#queryMetadataForKey} tells which instance hosts another one. Answers include
 * events still within the grace period. Instances are thread-safe.
 */
public final class TrustQueries {
  private final Supplier<ReadOnlyKeyValueStore<Relationship, StoredRelationship>> store;

  private TrustQueries(Supplier<ReadOnlyKeyValueStore<Relationship, StoredRelationship>> store) {
    this.store = store;
  }

  /**
   * Queries a running application's local store.
   *
   * @param streams the running application
   * @param topology the topology it runs, for the store's name
   * @return the queries
   */
  public static TrustQueries of(KafkaStreams streams, TrustTopology topology) {
    requireNonNull(streams, "streams");
    StoreQueryParameters<ReadOnlyKeyValueStore<Relationship, StoredRelationship>> parameters =
        StoreQueryParameters.fromNameAndType(topology.storeName(), QueryableStoreTypes.keyValueStore());
    return new TrustQueries(() -> streams.store(parameters));
  }

  /**
   * Queries a store directly, e.g. {@code TopologyTestDriver.getKeyValueStore}.
   *
   * @param store the topology's store
   * @return the queries
   */
  public static TrustQueries of(ReadOnlyKeyValueStore<Relationship, StoredRelationship> store) {
    requireNonNull(store, "store");
    return new TrustQueries(() -> store);
  }

  /**
   * The relationship's bucket after its latest accepted event.
   *
   * @param relationship who trusts whom
   * @return the state, or empty when no event of it was accepted
   */
  public Optional<TrustBucket> state(Relationship relationship) {
    return Optional.ofNullable(store.get().get(requireNonNull(relationship, "relationship")))
        .map(StoredRelationship::state);
  }

  /**
   * The relationship's level after its latest accepted event.
   *
   * @param relationship who trusts whom
   * @return the level in [0, 1], or empty when no event of it was accepted
   */
  public Optional<Double> level(Relationship relationship) {
    return state(relationship).map(TrustBucket::level);
  }

  /**
   * The relationship's autonomy tier after its latest accepted event.
   *
   * @param relationship who trusts whom
   * @return the tier, or empty when no event of it was accepted
   */
  public Optional<AutonomyTier> tier(Relationship relationship) {
    return state(relationship).map(TrustBucket::tier);
  }

  /**
   * Explains the relationship's level at an instant: what its checkpoint carried over from older
   * history, and what each kept event contributed (see {@link TrustTopology.Builder#history}).
   *
   * @param relationship who trusts whom
   * @param at the instant explained, not before the relationship's checkpoint; kept events after
   *     it are left out
   * @return the explanation, or empty when no event of it was accepted
   * @throws dev.trustbucket.InvalidTrustInputException when {@code at} is before the checkpoint
   */
  public Optional<Explanation> explanation(Relationship relationship, Instant at) {
    requireNonNull(at, "at");
    return Optional.ofNullable(store.get().get(requireNonNull(relationship, "relationship")))
        .map(r -> Explanation.of(r.ledger(), at));
  }
}
