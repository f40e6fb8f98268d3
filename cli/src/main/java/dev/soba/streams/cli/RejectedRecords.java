package dev.soba.streams.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.Json;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the rejected-records topic for people: the newest records that match a filter (source topic,
 * a piece of the reason, a time), as they are on the topic ({@code RejectedRecord}'s JSON), for
 * {@code ./soba rejected} and {@code GET /api/v1/rejected}. No consumer group: nothing is committed.
 */
public final class RejectedRecords {

    /** At most this many records are read from the end of the topic per question; older ones are not looked at. */
    public static final int SCAN_LIMIT = 200_000;

    private RejectedRecords() {
    }

    /**
     * @param sourceTopic the topic the rejected record was read from, exactly
     * @param reason      a piece of the reason (or of any violation's reason or field), case-insensitive
     * @param since       epoch millis: rejected at or after
     */
    public record Filter(Optional<String> sourceTopic, Optional<String> reason, OptionalLong since) {

        public boolean matches(final JsonNode record) {
            if (sourceTopic.isPresent() && !sourceTopic.get().equals(record.path("source_topic").asText(null))) {
                return false;
            }
            if (since.isPresent() && record.path("rejected_at").asLong(Long.MIN_VALUE) < since.getAsLong()) {
                return false;
            }
            if (reason.isEmpty()) {
                return true;
            }
            final String wanted = reason.get().toLowerCase(Locale.ROOT);
            if (record.path("reason").asText("").toLowerCase(Locale.ROOT).contains(wanted)) {
                return true;
            }
            for (final JsonNode violation : record.path("violations")) {
                if (violation.path("reason").asText("").toLowerCase(Locale.ROOT).contains(wanted)
                        || violation.path("field").asText("").toLowerCase(Locale.ROOT).contains(wanted)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The newest {@code limit} matches, oldest first; {@code scanned} records were read; {@code complete} is
     * false when older records were left unread ({@link #SCAN_LIMIT}).
     */
    public record Page(List<JsonNode> records, long scanned, boolean complete) {
    }

    public static Page newest(final String bootstrap, final String topic, final Filter filter, final int limit,
                              final Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, timeout)) {
            final List<TopicPartition> partitions = partitions(consumer, topic, timeout);
            if (partitions.isEmpty()) {
                return new Page(List.of(), 0, true);
            }
            consumer.assign(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            final Map<TopicPartition, Long> starts = starts(consumer, partitions, filter.since(), timeout);
            final long perPartition = SCAN_LIMIT / partitions.size();
            boolean complete = true;
            for (final TopicPartition partition : partitions) {
                final long from = Math.max(starts.get(partition), ends.get(partition) - perPartition);
                complete &= from == starts.get(partition);
                consumer.seek(partition, from);
            }
            // The newest matches of each partition; merged by time below.
            final Map<TopicPartition, Deque<JsonNode>> kept = new HashMap<>();
            long scanned = 0;
            final long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    complete = false;
                    break;
                }
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    final TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(partition)) {
                        continue;
                    }
                    scanned++;
                    parse(record).filter(filter::matches).ifPresent(node -> {
                        final Deque<JsonNode> newest = kept.computeIfAbsent(partition, p -> new ArrayDeque<>());
                        newest.addLast(node);
                        if (newest.size() > limit) {
                            newest.removeFirst();
                        }
                    });
                }
            }
            final List<JsonNode> all = new ArrayList<>();
            kept.values().forEach(all::addAll);
            all.sort(java.util.Comparator.comparingLong(node -> node.path("rejected_at").asLong()));
            return new Page(List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size())), scanned, complete);
        }
    }

    /** Hands every matching record written from now on to {@code sink}, until {@code stop} says so. */
    public static void follow(final String bootstrap, final String topic, final Filter filter,
                              final Consumer<JsonNode> sink, final BooleanSupplier stop, final Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, timeout)) {
            List<TopicPartition> partitions = partitions(consumer, topic, timeout);
            while (partitions.isEmpty() && !stop.getAsBoolean()) {
                sleep();
                partitions = partitions(consumer, topic, timeout);
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // fix "now" before the first poll
            while (!stop.getAsBoolean()) {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    parse(record).filter(filter::matches).ifPresent(sink);
                }
            }
        }
    }

    private static Map<TopicPartition, Long> starts(final KafkaConsumer<byte[], byte[]> consumer,
                                                    final List<TopicPartition> partitions, final OptionalLong since,
                                                    final Duration timeout) {
        final Map<TopicPartition, Long> starts = new HashMap<>(consumer.beginningOffsets(partitions, timeout));
        if (since.isPresent()) {
            final Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, since.getAsLong()));
            final Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, timeout);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            partitions.forEach(p -> starts.put(p, found.get(p) == null ? ends.get(p) : found.get(p).offset()));
        }
        return starts;
    }

    private static Optional<JsonNode> parse(final ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.tree(record.value()));
        } catch (final RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static List<TopicPartition> partitions(final KafkaConsumer<byte[], byte[]> consumer, final String topic,
                                                   final Duration timeout) {
        final List<PartitionInfo> infos = consumer.listTopics(timeout).get(topic);
        final List<TopicPartition> partitions = new ArrayList<>();
        if (infos != null) {
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(final String bootstrap, final Duration timeout) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "soba-rejected-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
