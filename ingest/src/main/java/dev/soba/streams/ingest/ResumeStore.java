package dev.soba.streams.ingest;

import dev.soba.streams.schemas.Json;
import java.nio.charset.StandardCharsets;
import dev.soba.streams.topology.TopicCreator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The resume states on their compacted topic: created when missing, read back to the end (only
 * committed transactions count, so a state is seen exactly when the items it names are).
 */
public final class ResumeStore {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ResumeStore() {
    }

    /** Creates the state topic (compacted, one partition) and the given item topics when missing. */
    public static void createTopics(final String bootstrapServers, final String stateTopic, final List<String> itemTopics) {
        final List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(stateTopic, Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        itemTopics.forEach(t -> topics.add(new NewTopic(t, Optional.empty(), Optional.empty())));
        TopicCreator.createMissing(bootstrapServers, topics, TIMEOUT);
    }

    /** The last committed state under {@code key}; empty when none (or deleted by a tombstone). */
    public static Optional<IngestState> load(final String bootstrapServers, final String stateTopic, final String key) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final List<PartitionInfo> partitions = consumer.partitionsFor(stateTopic, TIMEOUT);
            final List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(stateTopic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            final Map<TopicPartition, Long> end = consumer.endOffsets(assigned, TIMEOUT);
            final byte[] wanted = key.getBytes(StandardCharsets.UTF_8);
            Optional<IngestState> state = Optional.empty();
            final long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out reading " + stateTopic);
                }
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && java.util.Arrays.equals(record.key(), wanted)) {
                        state = record.value() == null ? Optional.empty()
                                : Optional.of(Json.read(record.value(), IngestState.class));
                    }
                }
            }
            return state;
        }
    }
}
