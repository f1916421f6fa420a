package dev.trustbucket.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.kafka.fixtures.InProcessKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * The topology on a real single-node KRaft broker started in this JVM, with exactly-once
 * processing: the sample team's events and one undecodable record go in; the states read back
 * through interactive queries equal a ledger replay; the dead-letter topic holds the bad record;
 * and after the local state is wiped, the store rebuilt from its changelog gives the same states.
 */
class KafkaBrokerTest {
  private static final TrustPolicy POLICY = TrustPolicy.defaults();

  @Test
  void exactlyOnceOnARealBrokerAndRestoreFromTheChangelog() throws Exception {
    Path stateDir = Files.createTempDirectory("trust-broker-test");
    TrustTopology topology = TrustTopology.builder(POLICY).build();
    List<SampleTeam.Keyed> team = SampleTeam.events(POLICY);
    Map<Relationship, TrustLedger> expected = new LinkedHashMap<>();
    for (SampleTeam.Keyed k : team) {
      expected.merge(k.relationship(), TrustLedger.of(POLICY, k.event().time()).plus(k.event()),
          (old, one) -> old.plus(k.event()));
    }
    try (InProcessKafka kafka = new InProcessKafka()) {
      kafka.createTopics(TopologyHarness.topics(topology), 2);
      try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerConfig(),
          new ByteArraySerializer(), new ByteArraySerializer())) {
        for (SampleTeam.Keyed k : team) {
          producer.send(new ProducerRecord<>(topology.eventsTopic(), null, k.event().time().toEpochMilli(),
              TopologyHarness.key(k.relationship()), TrustSerdes.events(POLICY).serializer().serialize("", k.event())));
        }
        producer.send(new ProducerRecord<>(topology.eventsTopic(), "ana\tmaria".getBytes(StandardCharsets.UTF_8),
            "not an event".getBytes(StandardCharsets.UTF_8)));
      }

      Properties config = TrustTopology.streamsConfig("trust-broker-test", kafka.bootstrapServers());
      config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
      config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
      config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
      config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
      Map<Relationship, TrustBucket> before;
      try (KafkaStreams streams = start(topology, config)) {
        // Every event's state is published once the transaction that folded it commits.
        List<ConsumerRecord<byte[], byte[]>> states = read(kafka, topology.statesTopic(), team.size());
        assertThat(states).hasSize(team.size());
        List<ConsumerRecord<byte[], byte[]>> letters = read(kafka, topology.deadLetterTopic(), 1);
        assertThat(letters).hasSize(1);
        assertThat(DeadLetter.of(letters.get(0).headers()).orElseThrow().kind()).isEqualTo(DeadLetterKind.UNDECODABLE);
        before = query(streams, topology, expected.keySet());
        streams.close(Duration.ofSeconds(30));
        streams.cleanUp(); // wipe the local RocksDB store: the next start must rebuild it from the changelog
      }
      for (Map.Entry<Relationship, TrustLedger> e : expected.entrySet()) {
        assertThat(before.get(e.getKey())).isEqualTo(e.getValue().state());
      }
      try (KafkaStreams streams = start(topology, config)) {
        assertThat(query(streams, topology, expected.keySet())).isEqualTo(before);
        streams.close(Duration.ofSeconds(30));
      }
    }
  }

  private static KafkaStreams start(TrustTopology topology, Properties config) throws InterruptedException {
    KafkaStreams streams = new KafkaStreams(topology.topology(), config);
    streams.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
    return streams;
  }

  private static Map<Relationship, TrustBucket> query(KafkaStreams streams, TrustTopology topology,
      Iterable<Relationship> relationships) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (true) {
      try {
        TrustQueries queries = TrustQueries.of(streams, topology);
        Map<Relationship, TrustBucket> out = new HashMap<>();
        for (Relationship r : relationships) {
          queries.state(r).ifPresent(s -> out.put(r, s));
        }
        return out;
      } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100); // still restoring or rebalancing
      }
    }
  }

  /** Reads committed records of a topic until {@code count} arrived or 3 minutes passed. */
  private static List<ConsumerRecord<byte[], byte[]>> read(InProcessKafka kafka, String topic, int count) {
    Map<String, Object> c = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      while (out.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }
}
