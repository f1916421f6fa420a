package dev.trustbucket.kafka;

import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.kafka.fixtures.InProcessKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;

/**
 * Runs it all in one JVM: a single-node Kafka broker, the trust topology (exactly-once), and a
 * producer that replays the review tool's sample team and then a generated company, one week at a
 * time; prints the throughput, the tier changes and the dead letters as it goes.
 *
 * <p>Arguments (optional): the number of relationships (default 100,000) and of weeks (default
 * 52). Run it with the README's command.
 */
public final class StreamingDemo {
  private static final TrustPolicy POLICY = TrustPolicy.defaults();
  private static final Instant YEAR = Instant.parse("2026-01-05T09:00:00Z");
  private static final Behaviour[] GOOD = {Behaviours.REGULAR_CHECK_IN, Behaviours.DELIVERED_ON_COMMITMENT,
      Behaviours.PROACTIVE_UPDATE, Behaviours.SMALL_WIN, Behaviours.DELIVERED_EARLY, Behaviours.RAISED_RISK_EARLY};
  private static final Behaviour[] BAD = {Behaviours.MISSED_DEADLINE, Behaviours.OVER_PROMISED,
      Behaviours.INCONSISTENT_COMMUNICATION, Behaviours.LOW_QUALITY_DELIVERY, Behaviours.DEFENSIVE_TO_FEEDBACK};

  private StreamingDemo() {}

  /**
   * Runs the demo.
   *
   * @param args relationships and weeks, both optional
   * @throws Exception when the broker or the application fails
   */
  public static void main(String[] args) throws Exception {
    // exec:exec passes both numbers as one argument.
    String[] a = String.join(" ", args).trim().split("\\s+");
    int people = a.length > 0 && !a[0].isEmpty() ? Integer.parseInt(a[0]) : 100_000;
    int weeks = a.length > 1 ? Integer.parseInt(a[1]) : 52;
    Path stateDir = Files.createTempDirectory("trust-streaming-demo");
    // Two settled events kept per relationship: short explanations, small store entries.
    TrustTopology topology = TrustTopology.builder(POLICY).grace(Duration.ofHours(1)).history(2)
        .decayCheckEvery(Duration.ofSeconds(30), PunctuationType.WALL_CLOCK_TIME).build();
    System.out.println("Starting a single-node Kafka broker (KRaft) in this JVM...");
    try (InProcessKafka kafka = new InProcessKafka()) {
      kafka.createTopics(TopologyHarness.topics(topology), 2);
      Properties config = TrustTopology.streamsConfig("trust-streaming-demo", kafka.bootstrapServers());
      config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
      config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
      config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
      config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
      config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20);
      config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
      try (KafkaStreams streams = new KafkaStreams(topology.topology(), config)) {
        streams.start();
        System.out.println("Streams application started (exactly_once_v2, 2 partitions, 2 threads).");
        Counter counter = new Counter(kafka.bootstrapServers(), topology);
        Thread reader = new Thread(counter, "demo-reader");
        reader.setDaemon(true);
        reader.start();
        long sent;
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
          Serializer<TrustEvent> events = TrustSerdes.events(POLICY).serializer();
          long start = System.nanoTime();
          List<SampleTeam.Keyed> team = SampleTeam.events(POLICY);
          for (SampleTeam.Keyed k : team) {
            send(producer, topology, k.relationship(), events.serialize("", k.event()), k.event().time());
          }
          counter.sent.set(team.size());
          System.out.println("Replayed the sample team: " + team.size() + " events.");
          counter.await(team.size(), "sample team", start);
          sent = team.size() + company(producer, topology, events, people, weeks, counter);
        }
        counter.await(sent - counter.rejected, "company", counter.started);
        counter.stop();
        reader.join();
        counter.report("done", counter.started);
      }
    }
  }

  /** Sends the generated company week by week (sorted by time within each week); returns what it sent. */
  private static long company(KafkaProducer<byte[], byte[]> producer, TrustTopology topology,
      Serializer<TrustEvent> events, int people, int weeks, Counter counter) {
    Random random = new Random(20260105L);
    byte[][] keys = new byte[people][];
    double[] goodness = new double[people];
    for (int i = 0; i < people; i++) {
      keys[i] = TopologyHarness.key(Relationship.of(String.format(Locale.ROOT, "e%06d", i),
          String.format(Locale.ROOT, "m%05d", i / 8)));
      goodness[i] = 0.55 + 0.4 * random.nextDouble(); // the share of a person's weeks that go well
    }
    System.out.printf(Locale.ROOT, "Replaying a generated company: %,d relationships, %d weekly events each (%,d events).%n",
        people, weeks, (long) people * weeks);
    counter.started = System.nanoTime();
    counter.base = counter.states;
    long sent = 0;
    long[] offsets = new long[people];
    for (int w = 0; w < weeks; w++) {
      Instant monday = YEAR.plus(Duration.ofDays(7L * w));
      for (int i = 0; i < people; i++) {
        offsets[i] = (long) (random.nextDouble() * 4 * 24 * 3600); // Monday to Thursday, in seconds
      }
      Integer[] boxed = new Integer[people];
      for (int i = 0; i < people; i++) {
        boxed[i] = i;
      }
      java.util.Arrays.sort(boxed, (a, b) -> Long.compare(offsets[a], offsets[b]));
      for (int n = 0; n < people; n++) {
        int i = boxed[n];
        Instant at = monday.plusSeconds(offsets[i]);
        boolean good = random.nextDouble() < goodness[i];
        Behaviour b = good ? GOOD[random.nextInt(GOOD.length)] : BAD[random.nextInt(BAD.length)];
        TrustEvent e = TrustEvent.of(b, at);
        if (!good && random.nextDouble() < 0.02) {
          e = TrustEvent.of(Behaviours.HID_PROBLEM, at).withDisclosure(
              dev.trustbucket.Disclosure.discovered(Duration.ofDays(1 + random.nextInt(30))));
        }
        send(producer, topology, keys[i], events.serialize("", e), at);
        sent++;
      }
      // A few records that must end up on the dead-letter topic: one undecodable, one late.
      send(producer, topology, keys[w % people], "not an event".getBytes(StandardCharsets.UTF_8), monday);
      send(producer, topology, keys[(w * 7) % people],
          events.serialize("", TrustEvent.of(Behaviours.SMALL_WIN, monday.minus(Duration.ofDays(30)))), monday);
      sent += 2;
      counter.rejected += 2;
      counter.sent.set(counter.sent.get() + people + 2);
    }
    return sent;
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, TrustTopology topology, Relationship r,
      byte[] value, Instant at) {
    send(producer, topology, TopologyHarness.key(r), value, at);
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, TrustTopology topology, byte[] key,
      byte[] value, Instant at) {
    // The record's timestamp is left to the producer (now): the topology reads event time from the event,
    // and brokers refuse timestamps more than an hour ahead (log.message.timestamp.after.max.ms).
    producer.send(new ProducerRecord<>(topology.eventsTopic(), key, value));
  }

  private static KafkaProducer<byte[], byte[]> producer(InProcessKafka kafka) {
    return new KafkaProducer<>(kafka.producerConfig(), new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Counts the committed output: states (one per folded event), tier changes, dead letters. */
  private static final class Counter implements Runnable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TrustTopology topology;
    final AtomicLong sent = new AtomicLong();
    volatile long states;
    volatile long tierChanges;
    volatile long decayChanges;
    volatile long deadLetters;
    volatile long started = System.nanoTime();
    volatile long base;
    volatile boolean running = true;
    long rejected;

    Counter(String bootstrap, TrustTopology topology) {
      this.topology = topology;
      this.consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
          ConsumerConfig.GROUP_ID_CONFIG, "trust-demo-reader",
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
          ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(),
          new ByteArrayDeserializer());
    }

    @Override
    public void run() {
      consumer.subscribe(List.of(topology.statesTopic(), topology.tierChangesTopic(), topology.deadLetterTopic()));
      var transitions = TrustSerdes.tierTransitions(POLICY).deserializer();
      while (running) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.topic().equals(topology.statesTopic())) {
            states++;
          } else if (r.topic().equals(topology.tierChangesTopic())) {
            tierChanges++;
            if (transitions.deserialize(r.topic(), r.value()).byDecay()) {
              decayChanges++;
            }
          } else {
            deadLetters++;
          }
        }
      }
      consumer.close();
    }

    void stop() {
      running = false;
    }

    /** Prints a progress line every two seconds until {@code folded} states were published. */
    void await(long folded, String what, long since) throws InterruptedException {
      while (states < folded) {
        Thread.sleep(2000);
        report(what, since);
      }
    }

    void report(String what, long since) {
      double seconds = (System.nanoTime() - since) / 1e9;
      // CPU time of this JVM (broker, application, producer and reader together): on a busy machine the
      // wall-clock rate says more about the neighbours than about the topology.
      double cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
          .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
      System.out.printf(Locale.ROOT,
          "[%s] %6.1f s (cpu %6.1f s)  sent %,d  folded %,d (%,.0f events/s)  tier changes %,d (%,d by decay)"
              + "  dead letters %,d%n",
          what, seconds, cpu, sent.get(), states, (states - base) / Math.max(seconds, 1e-9), tierChanges,
          decayChanges, deadLetters);
    }
  }
}
