package dev.trustbucket.kafka;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka (KRaft, broker and controller in one process) started in this JVM
 * with Kafka's own {@link KafkaClusterTestKit}: no Docker, no download. A single node needs the
 * offsets and transaction-state topics' replication factors (and minimum in-sync replicas) at 1,
 * or exactly-once transactions never start.
 */
final class InProcessKafka implements AutoCloseable {
  private final KafkaClusterTestKit cluster;

  InProcessKafka() throws Exception {
    TestKitNodes nodes = new TestKitNodes.Builder()
        // The kit's default is the newest metadata version under development (with unreleased
        // transaction features); a released one is what a real cluster runs.
        .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
        .setCombined(true)
        .setNumBrokerNodes(1)
        .setNumControllerNodes(1)
        .build();
    cluster = new KafkaClusterTestKit.Builder(nodes)
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("transaction.state.log.num.partitions", "1")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .setConfigProp("num.partitions", "1")
        .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
  }

  /**
   * Settings for a plain (non-transactional) producer writing the input on a busy machine: one
   * request in flight keeps the order without idempotence's sequence numbers, which the broker
   * refused after a batch expired and was retried under load; long timeouts ride out the load.
   */
  Map<String, Object> producerConfig() {
    return Map.of(
        "bootstrap.servers", bootstrapServers(),
        "enable.idempotence", false,
        "acks", "all",
        "max.in.flight.requests.per.connection", 1,
        "request.timeout.ms", 120_000,
        "delivery.timeout.ms", 600_000,
        "linger.ms", 20,
        "batch.size", 256 * 1024);
  }

  String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** Creates the topology's topics: the events topic with {@code partitions}, the others alike. */
  void createTopics(TrustTopology t, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
      admin.createTopics(List.of(
          new NewTopic(t.eventsTopic(), partitions, (short) 1),
          new NewTopic(t.statesTopic(), partitions, (short) 1),
          new NewTopic(t.tierChangesTopic(), partitions, (short) 1),
          new NewTopic(t.breachesTopic(), partitions, (short) 1),
          new NewTopic(t.deadLetterTopic(), partitions, (short) 1))).all().get();
    }
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
