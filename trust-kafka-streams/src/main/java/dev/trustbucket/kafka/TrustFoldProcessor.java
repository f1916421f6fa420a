package dev.trustbucket.kafka;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.BreachNotice;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.io.MalformedRecordException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * Folds one task's events into its relationships' stored histories; see {@link TrustTopology} for
 * what it publishes and when. One instance per task, used by one thread.
 */
final class TrustFoldProcessor implements Processor<byte[], byte[], byte[], byte[]> {
  static final String STATES = "trust-states-sink";
  static final String TIER_CHANGES = "trust-tier-changes-sink";
  static final String BREACHES = "trust-breaches-sink";
  static final String DEAD_LETTERS = "trust-dead-letters-sink";
  private static final System.Logger LOG = System.getLogger(TrustFoldProcessor.class.getName());

  private final TrustPolicy policy;
  private final Duration grace;
  private final int history;
  private final TrustTopology config;
  private final Serde<Relationship> keys = TrustSerdes.relationship();
  private final Serde<TrustEvent> events;
  private final Serde<TrustBucket> states;
  private final Serde<TierTransition> transitions;
  private final Serde<BreachNotice> breaches;
  private @Nullable ProcessorContext<byte[], byte[]> context;
  private @Nullable KeyValueStore<Relationship, StoredRelationship> store;
  /** The latest time of an event this task accepted; null before the first. */
  private @Nullable Instant eventTime;
  /** The instant the last decay check observed; null before the first. */
  private @Nullable Instant observed;

  TrustFoldProcessor(TrustTopology config) {
    this.config = config;
    this.policy = config.policy();
    this.grace = config.grace();
    this.history = config.history();
    this.events = TrustSerdes.events(policy);
    this.states = TrustSerdes.states(policy);
    this.transitions = TrustSerdes.tierTransitions(policy);
    this.breaches = TrustSerdes.breaches(policy);
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
    KeyValueStore<Relationship, StoredRelationship> s = context.getStateStore(config.storeName());
    this.store = s;
    // The task's event time is the latest accepted event's: every one of them is in the store.
    // Kafka Streams may call init again on this instance after it closed the task dirty (e.g. an
    // aborted transaction) and rebuilt the store from the changelog: what was in memory may
    // belong to work that was rolled back, so start over from the store.
    eventTime = null;
    observed = null;
    try (KeyValueIterator<Relationship, StoredRelationship> all = s.all()) {
      while (all.hasNext()) {
        Instant t = all.next().value.state().time();
        if (eventTime == null || t.isAfter(eventTime)) {
          eventTime = t;
        }
      }
    }
    context.schedule(config.decayCheckInterval(), config.decayCheckType(), now -> checkDecay());
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    Relationship relationship;
    TrustEvent event;
    try {
      relationship = keys.deserializer().deserialize("", require(record.key(), "key"));
    } catch (RuntimeException e) {
      deadLetter(record, DeadLetterKind.UNDECODABLE, field(e, "key"), "key: " + e.getMessage());
      return;
    }
    try {
      event = events.deserializer().deserialize("", require(record.value(), "value"));
    } catch (RuntimeException e) {
      // A well-formed record whose event the library refuses (e.g. an unknown behaviour) is
      // rejected; anything else that does not read is undecodable.
      DeadLetterKind kind = e instanceof MalformedRecordException && e.getCause() instanceof InvalidTrustInputException
          ? DeadLetterKind.REJECTED : DeadLetterKind.UNDECODABLE;
      deadLetter(record, kind, field(e, "value"), "value: " + e.getMessage());
      return;
    }
    Instant now = eventTime;
    if (now != null && event.time().isBefore(now.minus(grace))) {
      deadLetter(record, DeadLetterKind.LATE, "time",
          "time " + event.time() + " is earlier than the task's event time " + now + " minus the grace period "
              + grace + " (" + now.minus(grace) + ")");
      return;
    }
    StoredRelationship next;
    try {
      next = fold(relationship, event);
    } catch (InvalidTrustInputException e) {
      deadLetter(record, DeadLetterKind.REJECTED, e.field(), String.valueOf(e.getMessage()));
      return;
    } catch (RuntimeException e) {
      // Not expected; the record goes where a person can see it rather than stopping the task.
      LOG.log(System.Logger.Level.WARNING, "trust fold failed on a record", e);
      deadLetter(record, DeadLetterKind.REJECTED, "record", e.toString());
      return;
    }
    Instant later = now == null || event.time().isAfter(now) ? event.time() : now;
    eventTime = later;
    List<Routed> out = new ArrayList<>();
    StoredRelationship settled =
        settle(relationship, next, later.minus(grace), null, record.timestamp(), out);
    store().put(relationship, settled);
    ctx().forward(new Record<>(record.key(), states.serializer().serialize("", settled.state()), record.timestamp()),
        STATES);
    for (Routed r : out) {
      ctx().forward(r.record(), r.child());
    }
  }

  /** Places the event among the relationship's kept events in time order and replays from the checkpoint. */
  private StoredRelationship fold(Relationship relationship, TrustEvent event) {
    StoredRelationship old = store().get(relationship);
    TrustBucket base;
    List<TrustEvent> kept = new ArrayList<>();
    int settled = 0;
    AutonomyTier reported;
    if (old == null) {
      base = TrustBucket.of(policy, event.time());
      reported = base.tier();
    } else {
      TrustLedger ledger = old.ledger();
      base = ledger.initial();
      kept.addAll(ledger.events());
      settled = old.settled();
      reported = old.reportedTier();
    }
    if (event.time().isBefore(base.time())) {
      // Only a relationship with nothing settled can start earlier: its start is its first event.
      if (settled > 0 || !base.equals(TrustBucket.of(policy, base.time()))) {
        throw new InvalidTrustInputException("time", "time " + event.time()
            + " is earlier than the relationship's checkpoint at " + base.time());
      }
      base = TrustBucket.of(policy, event.time());
    }
    int at = kept.size();
    while (at > settled && kept.get(at - 1).time().isAfter(event.time())) {
      at--;
    }
    kept.add(at, event);
    TrustLedger ledger = TrustLedger.from(base).plusAll(kept);
    return new StoredRelationship(ledger, settled, reported);
  }

  /**
   * Settles the events earlier than {@code threshold}, collecting their tier changes and breaches;
   * then, if {@code observeAt} is given, observes the tier decay alone leads to by then; then folds
   * settled events beyond the history into the checkpoint.
   */
  private StoredRelationship settle(Relationship relationship, StoredRelationship r, Instant threshold,
      @Nullable Instant observeAt, long timestamp, List<Routed> out) {
    TrustLedger ledger = r.ledger();
    int n = ledger.size();
    int settled = r.settled();
    AutonomyTier reported = r.reportedTier();
    TrustBucket[] after = new TrustBucket[n + 1];
    after[0] = ledger.initial();
    for (int i = 0; i < settled; i++) {
      after[i + 1] = after[i].plus(ledger.event(i));
    }
    byte[] key = null;
    while (settled < n && ledger.event(settled).time().isBefore(threshold)) {
      TrustEvent e = ledger.event(settled);
      TrustBucket before = after[settled];
      TrustBucket next = before.plus(e);
      after[settled + 1] = next;
      key = key == null ? keys.serializer().serialize("", relationship) : key;
      if (policy.isBreach(e)) {
        out.add(child(key, breaches.serializer().serialize("",
            new BreachNotice(relationship, e, before.at(e.time()), next)), timestamp, BREACHES));
      }
      if (next.tier() != reported) {
        out.add(child(key, transitions.serializer().serialize("",
            new TierTransition(e.time(), reported, next.tier(), false, next)), timestamp, TIER_CHANGES));
        reported = next.tier();
      }
      settled++;
    }
    if (observeAt != null && !observeAt.isBefore(after[settled].time())) {
      TrustBucket then = after[settled].at(observeAt);
      if (then.tier() != reported) {
        key = key == null ? keys.serializer().serialize("", relationship) : key;
        out.add(child(key, transitions.serializer().serialize("",
            new TierTransition(observeAt, reported, then.tier(), true, then)), timestamp, TIER_CHANGES));
        reported = then.tier();
      }
    }
    int fold = settled - history;
    if (fold > 0) {
      ledger = TrustLedger.from(after[fold]).plusAll(ledger.events().subList(fold, n));
      settled -= fold;
    }
    if (fold <= 0 && settled == r.settled() && reported == r.reportedTier()) {
      return r; // unchanged: the caller can skip writing it
    }
    return new StoredRelationship(ledger, settled, reported);
  }

  /** The punctuation: settles and observes every relationship of the task at its event time minus the grace. */
  @SuppressWarnings("ReferenceEquality") // settle returns the very entry it was given when nothing changed
  private void checkDecay() {
    Instant now = eventTime;
    if (now == null) {
      return;
    }
    Instant at = now.minus(grace);
    if (at.equals(observed)) {
      return; // nothing can have changed since the last check
    }
    List<KeyValue<Relationship, StoredRelationship>> changed = new ArrayList<>();
    List<Routed> out = new ArrayList<>();
    long timestamp = ctx().currentStreamTimeMs();
    try (KeyValueIterator<Relationship, StoredRelationship> all = store().all()) {
      while (all.hasNext()) {
        KeyValue<Relationship, StoredRelationship> kv = all.next();
        try {
          StoredRelationship next = settle(kv.key, kv.value, at, at, Math.max(timestamp, 0), out);
          if (next != kv.value) {
            changed.add(KeyValue.pair(kv.key, next));
          }
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "trust decay check failed for " + kv.key, e);
        }
      }
    }
    store().putAll(changed);
    for (Routed r : out) {
      ctx().forward(r.record(), r.child());
    }
    observed = at;
  }

  /** An output record and the sink it goes to. */
  private record Routed(String child, Record<byte[], byte[]> record) {}

  private static Routed child(byte[] key, byte[] value, long timestamp, String child) {
    return new Routed(child, new Record<>(key, value, timestamp));
  }

  private void deadLetter(Record<byte[], byte[]> record, DeadLetterKind kind, String field, String reason) {
    Headers headers = new RecordHeaders();
    new DeadLetter(kind, field, reason).addTo(headers);
    RecordMetadata meta = ctx().recordMetadata().orElse(null);
    if (meta != null) {
      headers.add(DeadLetter.TOPIC, DeadLetter.bytes(meta.topic()));
      headers.add(DeadLetter.PARTITION, DeadLetter.bytes(Integer.toString(meta.partition())));
      headers.add(DeadLetter.OFFSET, DeadLetter.bytes(Long.toString(meta.offset())));
    }
    ctx().forward(new Record<>(record.key(), record.value(), record.timestamp(), headers), DEAD_LETTERS);
  }

  private static byte[] require(byte @Nullable [] bytes, String field) {
    if (bytes == null) {
      throw new InvalidTrustInputException(field, field + " must not be null (a tombstone is not an event)");
    }
    return bytes;
  }

  private static String field(RuntimeException e, String whole) {
    return e instanceof InvalidTrustInputException ? ((InvalidTrustInputException) e).field() : whole;
  }

  private ProcessorContext<byte[], byte[]> ctx() {
    return Objects.requireNonNull(context, "context");
  }

  private KeyValueStore<Relationship, StoredRelationship> store() {
    return Objects.requireNonNull(store, "store");
  }
}
