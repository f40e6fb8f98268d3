package dev.soba.streams.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The highest block already in a blocks topic: what a producer of a new chain segment must continue
 * (or knowingly go below). Reads the last records of every partition, without a consumer group.
 */
public record ChainHead(long number, String hash, Instant timestamp) {

    /** Records read from the end of each partition: a backfill may have written older blocks last. */
    static final int TAIL_PER_PARTITION = 500;

    /** The head of {@code topic}, or empty when the topic is missing or holds no readable block. */
    public static Optional<ChainHead> read(final String bootstrap, final String topic, final Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "soba-chain-head-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final List<PartitionInfo> infos = consumer.listTopics(timeout).get(topic);
            if (infos == null || infos.isEmpty()) {
                return Optional.empty();
            }
            final List<TopicPartition> partitions = new ArrayList<>();
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            consumer.assign(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            final Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, timeout);
            for (final TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(begins.get(partition), ends.get(partition) - TAIL_PER_PARTITION));
            }
            ChainHead head = null;
            final long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the end of " + topic + " at " + bootstrap
                            + " within " + timeout.toSeconds() + " s");
                }
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    final Optional<ChainHead> block = parse(record.value());
                    if (block.isPresent() && (head == null || block.get().number() > head.number())) {
                        head = block.get();
                    }
                }
            }
            return Optional.ofNullable(head);
        }
    }

    /** A block item's number, hash and timestamp; empty for anything else (the validator judges those). */
    static Optional<ChainHead> parse(final byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            final JsonNode item = Json.tree(value);
            final JsonNode number = item.get("number");
            final JsonNode hash = item.get("hash");
            final JsonNode timestamp = item.get("timestamp");
            if (number == null || !number.canConvertToLong() || hash == null || !hash.isTextual()
                    || timestamp == null || !timestamp.canConvertToLong()) {
                return Optional.empty();
            }
            return Optional.of(new ChainHead(number.asLong(), hash.asText(), Instant.ofEpochSecond(timestamp.asLong())));
        } catch (final RuntimeException notJson) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return String.format("block %,d (%s, %s)", number, hash, timestamp);
    }
}
