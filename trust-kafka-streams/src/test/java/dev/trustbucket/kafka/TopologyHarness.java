package dev.trustbucket.kafka;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.BreachNotice;
import dev.trustbucket.account.Relationship;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/** A {@link TrustTopology} on a {@link TopologyTestDriver}, with typed access to its topics. */
final class TopologyHarness implements AutoCloseable {
  static final Duration CHECK = Duration.ofSeconds(30);

  final TrustTopology topology;
  final TopologyTestDriver driver;
  final Path stateDir;
  private final TestInputTopic<byte[], byte[]> events;
  private final TestOutputTopic<Relationship, TrustBucket> states;
  private final TestOutputTopic<Relationship, TierTransition> tierChanges;
  private final TestOutputTopic<Relationship, BreachNotice> breaches;
  private final TestOutputTopic<byte[], byte[]> deadLetters;
  private final TestOutputTopic<Relationship, StoredRelationship> changelog;
  private final TrustPolicy policy;

  TopologyHarness(TrustPolicy policy, Duration grace, int history) throws Exception {
    this.policy = policy;
    this.topology = TrustTopology.builder(policy).grace(grace).history(history)
        .decayCheckEvery(CHECK, PunctuationType.WALL_CLOCK_TIME).build();
    this.stateDir = Files.createTempDirectory("trust-topology-test");
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "trust-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    this.driver = new TopologyTestDriver(topology.topology(), p, Instant.EPOCH);
    this.events = driver.createInputTopic(topology.eventsTopic(), new ByteArraySerializer(), new ByteArraySerializer());
    this.states = driver.createOutputTopic(topology.statesTopic(), TrustSerdes.relationship().deserializer(),
        TrustSerdes.states(policy).deserializer());
    this.tierChanges = driver.createOutputTopic(topology.tierChangesTopic(), TrustSerdes.relationship().deserializer(),
        TrustSerdes.tierTransitions(policy).deserializer());
    this.breaches = driver.createOutputTopic(topology.breachesTopic(), TrustSerdes.relationship().deserializer(),
        TrustSerdes.breaches(policy).deserializer());
    this.deadLetters = driver.createOutputTopic(topology.deadLetterTopic(), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    this.changelog = driver.createOutputTopic("trust-test-" + topology.storeName() + "-changelog",
        TrustSerdes.relationship().deserializer(), TrustSerdes.stored(policy).deserializer());
  }

  void send(Relationship r, TrustEvent e) {
    send(key(r), TrustSerdes.events(policy).serializer().serialize("", e), e.time());
  }

  void send(byte[] key, byte[] value, Instant timestamp) {
    events.pipeInput(key, value, timestamp);
  }

  static byte[] key(Relationship r) {
    return TrustSerdes.relationship().serializer().serialize("", r);
  }

  /** The topology's five topics, to create them on a real broker before the application starts. */
  static List<String> topics(TrustTopology t) {
    return List.of(t.eventsTopic(), t.statesTopic(), t.tierChangesTopic(), t.breachesTopic(), t.deadLetterTopic());
  }

  /** Lets wall-clock time pass until the decay check runs once. */
  void checkDecay() {
    driver.advanceWallClockTime(CHECK);
  }

  KeyValueStore<Relationship, StoredRelationship> store() {
    return driver.getKeyValueStore(topology.storeName());
  }

  List<TestRecord<Relationship, TrustBucket>> states() {
    return states.readRecordsToList();
  }

  List<TestRecord<Relationship, TierTransition>> tierChanges() {
    return tierChanges.readRecordsToList();
  }

  List<TestRecord<Relationship, BreachNotice>> breaches() {
    return breaches.readRecordsToList();
  }

  /** The store as a new task would rebuild it: the last changelog record of each key. */
  java.util.Map<Relationship, StoredRelationship> restoredFromChangelog() {
    java.util.Map<Relationship, StoredRelationship> out = new java.util.LinkedHashMap<>();
    for (TestRecord<Relationship, StoredRelationship> r : changelog.readRecordsToList()) {
      out.put(r.key(), r.value());
    }
    return out;
  }

  List<TestRecord<byte[], byte[]>> deadLetters() {
    return deadLetters.readRecordsToList();
  }

  @Override
  public void close() throws Exception {
    driver.close();
    try (var files = Files.walk(stateDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
