package dev.trustbucket.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviours;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class TrustFoldProcessorTest {
  private static final TrustPolicy POLICY = TrustPolicy.defaults();
  private static final Relationship ANA = Relationship.of("ana", "maria");
  private static final Instant JUNE = Instant.parse("2025-06-02T09:00:00Z");

  /**
   * After an aborted transaction Kafka Streams rebuilds the store from the changelog and calls
   * {@code init} again on the same processor: the task's event time must come from the rebuilt
   * store, not from the rolled-back work, or the replayed events would all be "late".
   */
  @Test
  void initAfterARollbackTakesTheEventTimeFromTheStoreAgain() {
    TrustTopology topology = TrustTopology.builder(POLICY).grace(Duration.ZERO).build();
    MockProcessorContext<byte[], byte[]> context = new MockProcessorContext<>();
    KeyValueStore<Relationship, StoredRelationship> store = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(topology.storeName()), TrustSerdes.relationship(), TrustSerdes.stored(POLICY))
        .withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    TrustFoldProcessor fold = new TrustFoldProcessor(topology);
    fold.init(context);

    fold.process(record(JUNE));
    assertThat(store.get(ANA).state().time()).isEqualTo(JUNE);
    store.delete(ANA); // the transaction is aborted: the rebuilt store does not have it
    context.resetForwards();
    fold.init(context);

    Instant january = JUNE.minus(Duration.ofDays(150));
    fold.process(record(january));
    assertThat(context.forwarded()).extracting(f -> f.childName().orElseThrow()).containsExactly(TrustFoldProcessor.STATES);
    assertThat(store.get(ANA).state().time()).isEqualTo(january);
  }

  @Test
  void anEventLaterThanTheGraceIsADeadLetterAndChangesNothing() {
    TrustTopology topology = TrustTopology.builder(POLICY).grace(Duration.ofDays(1)).build();
    MockProcessorContext<byte[], byte[]> context = new MockProcessorContext<>();
    KeyValueStore<Relationship, StoredRelationship> store = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(topology.storeName()), TrustSerdes.relationship(), TrustSerdes.stored(POLICY))
        .withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    TrustFoldProcessor fold = new TrustFoldProcessor(topology);
    fold.init(context);
    fold.process(record(JUNE));
    StoredRelationship before = store.get(ANA);
    context.resetForwards();

    fold.process(record(JUNE.minus(Duration.ofDays(1)).minusSeconds(1)));

    assertThat(store.get(ANA)).isEqualTo(before);
    var forwarded = context.forwarded();
    assertThat(forwarded).hasSize(1);
    assertThat(forwarded.get(0).childName()).contains(TrustFoldProcessor.DEAD_LETTERS);
    DeadLetter letter = DeadLetter.of(forwarded.get(0).record().headers()).orElseThrow();
    assertThat(letter.kind()).isEqualTo(DeadLetterKind.LATE);
    assertThat(letter.field()).isEqualTo("time");
    assertThat(letter.reason()).contains("2025-06-01T08:59:59Z").contains("grace period PT24H");
  }

  private static Record<byte[], byte[]> record(Instant at) {
    return new Record<>(TopologyHarness.key(ANA),
        TrustSerdes.events(POLICY).serializer().serialize("", TrustEvent.of(Behaviours.REGULAR_CHECK_IN, at)),
        at.toEpochMilli());
  }
}
