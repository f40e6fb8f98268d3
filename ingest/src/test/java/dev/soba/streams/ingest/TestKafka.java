package dev.soba.streams.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real one-node KRaft cluster in this JVM (Kafka's own test kit, as the project's other integration
 * tests use), with the single-node settings transactions need, and a reader of whole topics.
 */
public final class TestKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private TestKafka(final KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static TestKafka start() throws Exception {
        final KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction()).build());
        Map.of("offsets.topic.replication.factor", "1", "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1", "default.replication.factor", "1", "min.insync.replicas", "1",
                "group.initial.rebalance.delay.ms", "0", "offsets.topic.num.partitions", "2",
                "transaction.state.log.num.partitions", "2", "log.cleaner.dedupe.buffer.size", "16777216",
                "unstable.api.versions.enable", "false").forEach(builder::setConfigProp);
        final KafkaClusterTestKit cluster = builder.build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new TestKafka(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Every committed record of a topic, in offset order per partition. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(final String topic) {
        return readAll(List.of(topic)).get(topic);
    }

    /** Every committed record of some topics (one consumer for all), in offset order per partition. */
    public Map<String, List<ConsumerRecord<byte[], byte[]>>> readAll(final List<String> topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = new ArrayList<>();
            for (final String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            final Map<String, List<ConsumerRecord<byte[], byte[]>>> records = new java.util.LinkedHashMap<>();
            topics.forEach(t -> records.put(t, new ArrayList<>()));
            final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out reading " + topics);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(r -> records.get(r.topic()).add(r));
            }
            return records;
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
