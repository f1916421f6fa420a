package dev.trustbucket.benchmarks;

import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.kafka.TrustSerdes;
import dev.trustbucket.kafka.TrustTopology;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
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

/**
 * The trust topology against the same engine's plain count per key, on Kafka Streams'
 * {@link TopologyTestDriver}, over the same records: 200 relationships, 50 weekly events each,
 * in time order, piped as bytes. Reported per event (a single shot of 10,000 records on a fresh
 * driver and store each time), in microseconds: events/s = 1e6 / the figure.
 *
 * <ul>
 *   <li>{@code topologyFold}: {@link TrustTopology} (grace one hour, {@code history} settled events
 *       kept): decode, fold into the persistent store, publish the state (and any tier change or
 *       breach).
 *   <li>{@code countPerKey}: the peer. The same source, the same key and event decoding with the
 *       same serdes, the same store type (persistent RocksDB with a changelog, no cache), a count
 *       per relationship, one output record per event.
 *   <li>{@code ledgerAppend}: context only: the same events appended to one {@link TrustLedger}
 *       per relationship in memory, already decoded.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(StreamsBenchmark.EVENTS)
public class StreamsBenchmark {
  static final int PEOPLE = 200;
  static final int WEEKS = 50;
  static final int EVENTS = PEOPLE * WEEKS;
  static final TrustPolicy POLICY = TrustPolicy.defaults();
  private static final Behaviour[] MIX = {Behaviours.REGULAR_CHECK_IN, Behaviours.DELIVERED_ON_COMMITMENT,
      Behaviours.SMALL_WIN, Behaviours.PROACTIVE_UPDATE, Behaviours.MISSED_DEADLINE, Behaviours.OVER_PROMISED};

  /** Settled events kept per relationship: 2 as in the demo, 8 as the builder's default. */
  @Param({"2", "8"})
  public int history;

  private byte[][] keys;
  private byte[][] values;
  private long[] timestamps;
  private Relationship[] owners;
  private TrustEvent[] events;
  private Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> input;

  @Setup(Level.Trial)
  public void records() {
    Random random = new Random(42);
    record Timed(Relationship who, TrustEvent event) {}
    List<Timed> all = new ArrayList<>(EVENTS);
    Instant start = Instant.parse("2026-01-05T09:00:00Z");
    for (int p = 0; p < PEOPLE; p++) {
      Relationship r = Relationship.of("e" + p, "m" + p / 8);
      for (int w = 0; w < WEEKS; w++) {
        Instant at = start.plus(Duration.ofDays(7L * w)).plusSeconds(random.nextInt(4 * 86_400));
        all.add(new Timed(r, TrustEvent.of(MIX[random.nextInt(MIX.length)], at)));
      }
    }
    all.sort(Comparator.comparing(t -> t.event().time()));
    keys = new byte[EVENTS][];
    values = new byte[EVENTS][];
    timestamps = new long[EVENTS];
    owners = new Relationship[EVENTS];
    events = new TrustEvent[EVENTS];
    var keySerde = TrustSerdes.relationship().serializer();
    var eventSerde = TrustSerdes.events(POLICY).serializer();
    for (int i = 0; i < EVENTS; i++) {
      Timed t = all.get(i);
      keys[i] = keySerde.serialize("", t.who());
      values[i] = eventSerde.serialize("", t.event());
      timestamps[i] = t.event().time().toEpochMilli();
      owners[i] = t.who();
      events[i] = t.event();
    }
  }

  /** A fresh driver (and RocksDB store) per shot, outside the measured time. */
  public void open(Topology topology, String topic) throws IOException {
    stateDir = Files.createTempDirectory("trust-streams-benchmark");
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "trust-benchmark");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(topology, p);
    input = driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @TearDown(Level.Invocation)
  public void close() throws IOException {
    if (driver != null) {
      driver.close();
      driver = null;
      try (var files = Files.walk(stateDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /** Opens the driver for the benchmark about to run (JMH calls it before every shot). */
  @Setup(Level.Invocation)
  public void openFor(org.openjdk.jmh.infra.BenchmarkParams params) throws IOException {
    if (params.getBenchmark().endsWith("topologyFold")) {
      TrustTopology t = TrustTopology.builder(POLICY).grace(Duration.ofHours(1)).history(history)
          .decayCheckEvery(Duration.ofDays(1), PunctuationType.WALL_CLOCK_TIME).build();
      open(t.topology(), t.eventsTopic());
    } else if (params.getBenchmark().endsWith("countPerKey")) {
      open(CountPerKey.topology(), CountPerKey.TOPIC);
    }
  }

  @Benchmark
  public TopologyTestDriver topologyFold() {
    return pipe();
  }

  @Benchmark
  public TopologyTestDriver countPerKey() {
    return pipe();
  }

  @Benchmark
  public int ledgerAppend() {
    Map<Relationship, TrustLedger> ledgers = new HashMap<>(PEOPLE * 2);
    for (int i = 0; i < EVENTS; i++) {
      TrustEvent e = events[i];
      ledgers.compute(owners[i], (r, l) -> (l == null ? TrustLedger.of(POLICY, e.time()) : l).plus(e));
    }
    return ledgers.size();
  }

  private TopologyTestDriver pipe() {
    for (int i = 0; i < EVENTS; i++) {
      input.pipeInput(keys[i], values[i], timestamps[i]);
    }
    return driver;
  }

  /** The peer: a plain count per relationship with the same decoding and the same store type. */
  static final class CountPerKey implements Processor<byte[], byte[], byte[], byte[]> {
    static final String TOPIC = "trust-events";
    static final String STORE = "counts";
    private final Deserializer<Relationship> keys = TrustSerdes.relationship().deserializer();
    private final Deserializer<TrustEvent> events = TrustSerdes.events(POLICY).deserializer();
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<Relationship, Long> store;

    static Topology topology() {
      Topology t = new Topology();
      t.addSource("source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), TOPIC);
      t.addProcessor("count", CountPerKey::new, "source");
      t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
          TrustSerdes.relationship(), Serdes.Long()), "count");
      t.addSink("sink", "counts", new ByteArraySerializer(), new ByteArraySerializer(), "count");
      return t;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
      this.context = context;
      this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
      Relationship r = keys.deserialize("", record.key());
      events.deserialize("", record.value());
      Long old = store.get(r);
      long count = old == null ? 1 : old + 1;
      store.put(r, count);
      context.forward(record.withValue(ByteBuffer.allocate(8).putLong(count).array()));
    }
  }
}
