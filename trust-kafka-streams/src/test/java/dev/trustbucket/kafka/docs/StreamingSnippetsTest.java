package dev.trustbucket.kafka.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.kafka.StoredRelationship;
import dev.trustbucket.kafka.TrustQueries;
import dev.trustbucket.kafka.TrustSerdes;
import dev.trustbucket.kafka.TrustTopology;
import dev.trustbucket.text.ExplanationFormat;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The snippets of {@code docs/streaming.md}. They need a running cluster, so the page marks them
 * compile-only; here the same code builds the application without starting it, and the queries run
 * against the same topology on a {@link TopologyTestDriver}.
 */
@DisplayName("docs/streaming.md: the snippets compile and do what the page says")
class StreamingSnippetsTest {

  @Test
  void addIt() throws Exception {
    TrustTopology trust = TrustTopology.builder(TrustPolicy.defaults())
        .grace(Duration.ofHours(1))      // how late an event may arrive and still be placed in order
        .history(8)                      // settled events kept per relationship, for explanations
        .build();
    Properties config = TrustTopology.streamsConfig("trust", "kafka-1:9092,kafka-2:9092"); // exactly_once_v2
    config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3);
    config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
    // Not in the page: a temporary state directory, and a broker address that resolves here (the client is
    // created, never started).
    config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("trust-docs").toString());
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    KafkaStreams streams = new KafkaStreams(trust.topology(), config);
    // streams.start() needs the cluster; the page starts it here.
    assertThat(config.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    streams.close();
  }

  @Test
  void queries() throws Exception {
    TrustPolicy policy = TrustPolicy.defaults();
    TrustTopology trust = TrustTopology.builder(policy).build();
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "trust-docs");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("trust-docs").toString());
    try (TopologyTestDriver driver = new TopologyTestDriver(trust.topology(), p)) {
      TestInputTopic<Relationship, TrustEvent> events = driver.createInputTopic(trust.eventsTopic(),
          TrustSerdes.relationship().serializer(), TrustSerdes.events(policy).serializer());
      Relationship ana = Relationship.of("ana", "maria");
      Instant monday = Instant.parse("2025-01-06T09:00:00Z");
      for (int week = 0; week < 12; week++) {
        events.pipeInput(ana, TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, monday.plus(Duration.ofDays(7L * week))));
      }
      // The page's snippet, on the driver's store instead of TrustQueries.of(streams, trust):
      TrustQueries queries = TrustQueries.of(driver.<Relationship, StoredRelationship>getKeyValueStore(trust.storeName()));
      Optional<Double> level = queries.level(ana);        // after the latest accepted event; empty if none
      Optional<AutonomyTier> tier = queries.tier(ana);
      Optional<String> why = queries.explanation(ana, Instant.now()).map(ExplanationFormat.of(Locale.ENGLISH)::format);  // what the kept events did
      assertThat(level).isPresent();
      assertThat(tier).isPresent();
      assertThat(why.orElseThrow()).isNotBlank();
      assertThat(queries.level(Relationship.of("nobody", "maria"))).isEmpty();
    }
  }
}
