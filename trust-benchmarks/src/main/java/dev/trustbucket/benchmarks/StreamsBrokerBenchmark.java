package dev.trustbucket.benchmarks;

import dev.trustbucket.TrustLedger;
import dev.trustbucket.kafka.TrustTopology;
import dev.trustbucket.kafka.fixtures.InProcessKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.PunctuationType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The trust topology against the same engine's plain count per key on a real broker: a
 * single-node KRaft Kafka started in the benchmark's JVM ({@link InProcessKafka}) once per fork,
 * and the records of {@link StreamsRecords} (400 relationships, 50 weekly events each: 20,000
 * events, in time order) consumed to the end, in every shot, by a new application (its own
 * application id, consumer group, changelog and empty RocksDB store): exactly-once ({@code
 * exactly_once_v2}, with Kafka's default commit interval of 100 ms for it), two partitions and two
 * stream threads, the settings of {@link TrustTopology#streamsConfig}.
 *
 * <p>Outside the measured time, each shot gets a new input topic, and a transactional producer
 * writes the records to it without committing; then the application starts and reaches {@code
 * RUNNING} (group join, transactional producers, empty stores), seeing nothing yet, since under
 * exactly-once it reads committed records only. The shot commits the producer's transaction and
 * ends when the application's committed offsets pass the last record of both partitions: every
 * event has been read, folded (or counted), written to the store and its changelog, published and
 * committed. Reported per event, in microseconds; events/s = 1e6 / the figure.
 *
 * <ul>
 *   <li>{@code topologyFold}: {@link TrustTopology} (grace one hour, {@code history} settled events
 *       kept, as the demo).
 *   <li>{@code countPerKey}: the peer, {@link StreamsBenchmark}'s count per relationship: the same
 *       source, the same key and event decoding with the same serdes, the same store type
 *       (persistent RocksDB with a changelog, no cache), one 8-byte output record per event.
 *   <li>{@code ledgerAppend}: context only: the same events, already decoded, added to one {@link
 *       TrustLedger} per relationship in memory (no broker).
 * </ul>
 *
 * <p>Slow: a broker per fork and an application per shot. It is not in {@code trust-benchmarks/run}'s
 * default suite; run it by name ({@code trust-benchmarks/run StreamsBroker}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(StreamsBrokerBenchmark.EVENTS)
public class StreamsBrokerBenchmark {
  static final int PEOPLE = 400;
  static final int WEEKS = 50;
  static final int EVENTS = PEOPLE * WEEKS;
  static final int PARTITIONS = 2;
  private static final Duration PATIENCE = Duration.ofMinutes(5);

  /** Settled events kept per relationship: 2 as in the demo. */
  @Param({"2"})
  public int history;

  private StreamsRecords records;
  private InProcessKafka broker;
  private Admin admin;
  private KafkaProducer<byte[], byte[]> input;
  /** The offset of the last record in each partition of the shot's input topic. */
  private Map<TopicPartition, Long> lastOffsets;
  private int shot;
  private String applicationId;
  private String topic;
  private Path stateDir;
  private KafkaStreams streams;

  /** Starts the broker and creates the output topics (not for {@code ledgerAppend}, which needs neither). */
  @Setup(Level.Trial)
  public void start(BenchmarkParams params) throws Exception {
    records = StreamsRecords.of(PEOPLE, WEEKS);
    if (params.getBenchmark().endsWith("ledgerAppend")) {
      return;
    }
    broker = new InProcessKafka();
    admin = broker.admin();
    TrustTopology outputs = trust("unused");
    broker.createTopics(List.of(outputs.statesTopic(), outputs.tierChangesTopic(), outputs.breachesTopic(),
        outputs.deadLetterTopic(), StreamsBenchmark.CountPerKey.SINK), PARTITIONS);
  }

  private TrustTopology trust(String eventsTopic) {
    TrustTopology defaults = TrustTopology.builder(StreamsRecords.POLICY).build();
    return TrustTopology.builder(StreamsRecords.POLICY).grace(Duration.ofHours(1)).history(history)
        .decayCheckEvery(Duration.ofDays(1), PunctuationType.WALL_CLOCK_TIME)
        .topics(eventsTopic, defaults.statesTopic(), defaults.tierChangesTopic(), defaults.breachesTopic(),
            defaults.deadLetterTopic())
        .build();
  }

  /**
   * A new input topic holding the records in an open transaction, and a new application running
   * on it, which cannot see them yet.
   */
  @Setup(Level.Invocation)
  public void open(BenchmarkParams params) throws Exception {
    String name = params.getBenchmark();
    if (name.endsWith("ledgerAppend")) {
      return;
    }
    String method = name.substring(name.lastIndexOf('.') + 1);
    applicationId = "bench-" + method + "-" + shot++;
    topic = applicationId + "-events";
    broker.createTopics(List.of(topic), PARTITIONS);
    input = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, applicationId + "-input",
        ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) PATIENCE.toMillis(),
        ProducerConfig.LINGER_MS_CONFIG, 20,
        ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new ByteArraySerializer(), new ByteArraySerializer());
    input.initTransactions();
    input.beginTransaction();
    List<Future<RecordMetadata>> sent = new ArrayList<>(records.size);
    for (int i = 0; i < records.size; i++) {
      // The record's timestamp is left to the producer: the topologies read event time from the event.
      sent.add(input.send(new ProducerRecord<>(topic, records.keys[i], records.values[i])));
    }
    input.flush();
    lastOffsets = new HashMap<>();
    for (Future<RecordMetadata> f : sent) {
      RecordMetadata m = f.get();
      lastOffsets.merge(new TopicPartition(m.topic(), m.partition()), m.offset(), Math::max);
    }
    Topology topology = method.equals("topologyFold") ? trust(topic).topology()
        : StreamsBenchmark.CountPerKey.topology(topic);
    startApplication(topology);
  }

  private void startApplication(Topology topology) throws Exception {
    stateDir = Files.createTempDirectory("trust-streams-broker-benchmark");
    Properties config = TrustTopology.streamsConfig(applicationId, broker.bootstrapServers());
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
    config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20);
    config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    streams = new KafkaStreams(topology, config);
    streams.start();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
        throw new IllegalStateException("the application did not start: " + streams.state());
      }
      Thread.sleep(10);
    }
  }

  @TearDown(Level.Invocation)
  public void close() throws Exception {
    if (input != null) {
      input.close(Duration.ofMinutes(1));
      input = null;
    }
    if (streams != null) {
      streams.close(Duration.ofMinutes(1));
      streams = null;
      try (var files = Files.walk(stateDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
      admin.deleteTopics(List.of(topic)).all().get(); // keeps the broker's log small shot after shot
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    if (admin != null) {
      admin.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Benchmark
  public KafkaStreams topologyFold() throws Exception {
    return consumeToTheEnd();
  }

  @Benchmark
  public KafkaStreams countPerKey() throws Exception {
    return consumeToTheEnd();
  }

  @Benchmark
  public int ledgerAppend() {
    return records.foldIntoLedgers();
  }

  private KafkaStreams consumeToTheEnd() throws Exception {
    input.commitTransaction();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!committedToTheEnd()) {
      if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
        throw new IllegalStateException("the application did not consume to the end: " + streams.state());
      }
      Thread.sleep(5);
    }
    return streams;
  }

  private boolean committedToTheEnd() throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
    for (Map.Entry<TopicPartition, Long> last : lastOffsets.entrySet()) {
      OffsetAndMetadata at = committed.get(last.getKey());
      if (at == null || at.offset() <= last.getValue()) {
        return false;
      }
    }
    return true;
  }
}
