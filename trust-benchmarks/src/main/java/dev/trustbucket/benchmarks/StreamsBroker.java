package dev.trustbucket.benchmarks;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka (KRaft, broker and controller in one process) started in the
 * benchmark's JVM with Kafka's own {@link KafkaClusterTestKit}. The same settings as
 * trust-kafka-streams' test helper {@code InProcessKafka} (which stays test code there): a
 * released metadata version, and replication factors of 1 for the offsets and transaction-state
 * topics, without which exactly-once transactions never start on a single node.
 */
final class StreamsBroker {
  private final KafkaClusterTestKit cluster;

  StreamsBroker() throws Exception {
    TestKitNodes nodes = new TestKitNodes.Builder()
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

  String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  Admin admin() {
    return Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrapServers()));
  }

  /** Creates topics of {@code partitions} partitions each, replication factor 1. */
  void createTopics(Collection<String> names, int partitions) throws Exception {
    try (Admin admin = admin()) {
      admin.createTopics(names.stream().map(n -> new NewTopic(n, partitions, (short) 1)).toList()).all().get();
    }
  }

  /** Stops the broker and deletes its files. */
  void stop() throws Exception {
    cluster.close();
  }
}
