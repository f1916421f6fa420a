package dev.trustbucket.kafka;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.TrustPolicy;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.state.Stores;

/**
 * The trust fold as a Kafka Streams {@link Topology} (Processor API): an events topic keyed by
 * relationship, folded into a persistent, changelog-backed key-value store, with topics of states,
 * tier changes, breaches and dead letters.
 *
 * <pre>
 * events (Relationship → TrustEvent)
 *   └─ fold (store: Relationship → StoredRelationship, RocksDB, changelog)
 *        ├─ states       (Relationship → TrustBucket, after every accepted event)
 *        ├─ tier changes (Relationship → TierTransition, once settled; decay-driven ones too)
 *        ├─ breaches     (Relationship → BreachNotice, once settled)
 *        └─ dead letters (original key and value bytes, the reason in headers)
 * </pre>
 *
 * <p><b>Time and lateness.</b> Each task (partition) keeps its event time: the latest time of an
 * event it accepted. An event earlier than that minus the {@linkplain Builder#grace grace period}
 * is late and goes to the dead-letter topic. An event within the grace period is placed among its
 * relationship's kept events in time order (after events of the same instant), and the
 * relationship is replayed from its checkpoint. An event is <i>settled</i> once it is earlier
 * than the task's event time minus the grace period: no event can be placed before it any more,
 * so its tier change and breach are published then, exactly once, and in the ledger's order.
 *
 * <p><b>Decay.</b> A punctuation every {@linkplain Builder#decayCheckEvery interval} settles every
 * relationship of the task up to the task's event time minus the grace period, and observes each
 * one's tier at that instant: a tier lost (or a demotion held back by a minimum stay that has now
 * ended) through decay alone is published as a {@link TierTransition#byDecay()} change.
 *
 * <p><b>Failures.</b> A record whose key or value does not decode, a late event and an event the
 * library refuses go to the dead-letter topic with the reason ({@link DeadLetter}); the store is
 * unchanged. No record stops the application. Exactly-once processing ({@code exactly_once_v2}) is
 * supported: the fold writes only the store and its output topics, so {@link #streamsConfig}'s
 * setting covers all of it.
 *
 * <p>Instances are immutable and thread-safe; {@link #topology()} builds a new topology each time.
 */
public final class TrustTopology {
  /** The name of the source node reading the events topic. */
  public static final String SOURCE = "trust-events";
  /** The name of the processor node that folds events into the store. */
  public static final String FOLD = "trust-fold";

  private final TrustPolicy policy;
  private final String eventsTopic;
  private final String statesTopic;
  private final String tierChangesTopic;
  private final String breachesTopic;
  private final String deadLetterTopic;
  private final String storeName;
  private final Duration grace;
  private final int history;
  private final Duration decayCheckInterval;
  private final PunctuationType decayCheckType;

  private TrustTopology(Builder b) {
    this.policy = b.policy;
    this.eventsTopic = b.eventsTopic;
    this.statesTopic = b.statesTopic;
    this.tierChangesTopic = b.tierChangesTopic;
    this.breachesTopic = b.breachesTopic;
    this.deadLetterTopic = b.deadLetterTopic;
    this.storeName = b.storeName;
    this.grace = b.grace;
    this.history = b.history;
    this.decayCheckInterval = b.decayCheckInterval;
    this.decayCheckType = b.decayCheckType;
  }

  /**
   * Starts a configuration with the default names ({@code trust-events}, {@code trust-states},
   * {@code trust-tier-changes}, {@code trust-breaches}, {@code trust-dead-letters}, store {@code
   * trust-relationships}), a grace period of one hour, 8 settled events kept for explanations and
   * a decay check every 30 seconds of wall-clock time.
   *
   * @param policy the rules every event is applied under
   * @return the builder
   */
  public static Builder builder(TrustPolicy policy) {
    return new Builder(policy);
  }

  /**
   * Builds the topology.
   *
   * @return a new topology
   */
  public Topology topology() {
    Topology t = new Topology();
    t.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), eventsTopic);
    t.addProcessor(FOLD, () -> new TrustFoldProcessor(this), SOURCE);
    t.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(storeName), TrustSerdes.relationship(), TrustSerdes.stored(policy)),
        FOLD);
    t.addSink(TrustFoldProcessor.STATES, statesTopic, new ByteArraySerializer(), new ByteArraySerializer(), FOLD);
    t.addSink(TrustFoldProcessor.TIER_CHANGES, tierChangesTopic, new ByteArraySerializer(), new ByteArraySerializer(), FOLD);
    t.addSink(TrustFoldProcessor.BREACHES, breachesTopic, new ByteArraySerializer(), new ByteArraySerializer(), FOLD);
    t.addSink(TrustFoldProcessor.DEAD_LETTERS, deadLetterTopic, new ByteArraySerializer(), new ByteArraySerializer(), FOLD);
    return t;
  }

  /**
   * A starting point for the application's configuration: the id, the brokers and {@code
   * exactly_once_v2}. Add the rest (replication factor, standby replicas, state directory) as
   * usual.
   *
   * @param applicationId the Kafka Streams application id (also the consumer group and the prefix
   *     of the changelog topic)
   * @param bootstrapServers the brokers, {@code host:port,...}
   * @return new properties
   */
  public static Properties streamsConfig(String applicationId, String bootstrapServers) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, requireNonNull(applicationId, "applicationId"));
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, requireNonNull(bootstrapServers, "bootstrapServers"));
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    return p;
  }

  /**
   * The rules every event is applied under.
   *
   * @return the policy
   */
  public TrustPolicy policy() {
    return policy;
  }

  /**
   * The topic events are read from, keyed by relationship.
   *
   * @return the topic name
   */
  public String eventsTopic() {
    return eventsTopic;
  }

  /**
   * The topic of every relationship's state after each accepted event.
   *
   * @return the topic name
   */
  public String statesTopic() {
    return statesTopic;
  }

  /**
   * The topic of tier changes, event- and decay-driven.
   *
   * @return the topic name
   */
  public String tierChangesTopic() {
    return tierChangesTopic;
  }

  /**
   * The topic of breaches.
   *
   * @return the topic name
   */
  public String breachesTopic() {
    return breachesTopic;
  }

  /**
   * The topic of records that were not folded, with the reason.
   *
   * @return the topic name
   */
  public String deadLetterTopic() {
    return deadLetterTopic;
  }

  /**
   * The name of the store of relationships (and of its changelog topic's suffix).
   *
   * @return the store name
   */
  public String storeName() {
    return storeName;
  }

  /**
   * How late an event may arrive, behind the task's event time, and still be placed in order.
   *
   * @return the grace period, {@code >= 0}
   */
  public Duration grace() {
    return grace;
  }

  /**
   * How many settled events each relationship keeps after its checkpoint, for explanations.
   *
   * @return the count, {@code >= 0}
   */
  public int history() {
    return history;
  }

  /**
   * How often the decay check runs.
   *
   * @return the interval, positive
   */
  public Duration decayCheckInterval() {
    return decayCheckInterval;
  }

  /**
   * Which clock schedules the decay check.
   *
   * @return wall-clock or stream time
   */
  public PunctuationType decayCheckType() {
    return decayCheckType;
  }

  /** Collects a {@link TrustTopology}'s settings; not thread-safe. */
  public static final class Builder {
    private final TrustPolicy policy;
    private String eventsTopic = "trust-events";
    private String statesTopic = "trust-states";
    private String tierChangesTopic = "trust-tier-changes";
    private String breachesTopic = "trust-breaches";
    private String deadLetterTopic = "trust-dead-letters";
    private String storeName = "trust-relationships";
    private Duration grace = Duration.ofHours(1);
    private int history = 8;
    private Duration decayCheckInterval = Duration.ofSeconds(30);
    private PunctuationType decayCheckType = PunctuationType.WALL_CLOCK_TIME;

    private Builder(TrustPolicy policy) {
      this.policy = requireNonNull(policy, "policy");
    }

    /**
     * Sets the names of the five topics.
     *
     * @param events the input topic, keyed by relationship
     * @param states the states topic
     * @param tierChanges the tier-change topic
     * @param breaches the breach topic
     * @param deadLetters the dead-letter topic
     * @return this builder
     */
    public Builder topics(String events, String states, String tierChanges, String breaches, String deadLetters) {
      this.eventsTopic = name(events, "events");
      this.statesTopic = name(states, "states");
      this.tierChangesTopic = name(tierChanges, "tierChanges");
      this.breachesTopic = name(breaches, "breaches");
      this.deadLetterTopic = name(deadLetters, "deadLetters");
      return this;
    }

    /**
     * Sets the store's name.
     *
     * @param storeName the name; the changelog topic is {@code <application id>-<name>-changelog}
     * @return this builder
     */
    public Builder storeName(String storeName) {
      this.storeName = name(storeName, "storeName");
      return this;
    }

    /**
     * Sets how late an event may be, behind the task's event time, and still be placed in time
     * order. Tier changes and breaches are published this much event time after they happen.
     *
     * @param grace zero or more
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder grace(Duration grace) {
      if (requireNonNull(grace, "grace").isNegative()) {
        throw new IllegalArgumentException("grace must not be negative but was " + grace);
      }
      this.grace = grace;
      return this;
    }

    /**
     * Sets how many settled events each relationship keeps for {@link TrustQueries#explanation};
     * older ones are folded into its checkpoint. More events mean longer explanations and more
     * work per event.
     *
     * @param events zero or more
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder history(int events) {
      if (events < 0) {
        throw new IllegalArgumentException("history must not be negative but was " + events);
      }
      this.history = events;
      return this;
    }

    /**
     * Sets how often, and on which clock, the decay check runs.
     *
     * @param interval positive, at least one millisecond
     * @param type wall-clock time (runs even when no events arrive) or stream time
     * @return this builder
     * @throws IllegalArgumentException when the interval is shorter than a millisecond
     */
    public Builder decayCheckEvery(Duration interval, PunctuationType type) {
      if (requireNonNull(interval, "interval").toMillis() < 1) {
        throw new IllegalArgumentException("interval must be at least 1 ms but was " + interval);
      }
      this.decayCheckInterval = interval;
      this.decayCheckType = requireNonNull(type, "type");
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the topology's configuration
     */
    public TrustTopology build() {
      return new TrustTopology(this);
    }

    private static String name(String name, String field) {
      if (requireNonNull(name, field).isBlank()) {
        throw new IllegalArgumentException(field + " must not be blank");
      }
      return name;
    }
  }
}
