package dev.soba.streams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soba.streams.embedded.EmbeddedKafka;
import dev.soba.streams.embedded.EmbeddedServers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.simulator.GroundTruth;
import dev.soba.streams.simulator.Scenario;
import dev.soba.streams.simulator.SyntheticBlock;
import dev.soba.streams.simulator.SyntheticChain;
import dev.soba.streams.topology.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./soba simulate} against a real in-process broker: every record where it belongs, the truth in both places. */
class SimulateCommandTest {

    @TempDir
    Path dir;

    @Test
    void producesTheSeedsChainItsTicksAndItsGroundTruthToTopicsAndFile() throws Exception {
        final EmbeddedServers.Ports ports = EmbeddedServers.Ports.random();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), ports.kafka(), ports.kafkaController())) {
            final Path truthFile = dir.resolve("truth.jsonl");
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final int code = SimulateCommand.run(new String[] {"--blocks", "6", "--rate", "0", "--seed", "11",
                    "--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix", "sim_", "--truth",
                    truthFile.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(code).isZero();

            final SyntheticChain expected = new SyntheticChain(11, SimulateCommand.DEFAULT_START_BLOCK,
                    SimulateCommand.DEFAULT_START_TIME.getEpochSecond(), 12, Scenario.MARKET);
            final List<SyntheticBlock> blocks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                blocks.add(expected.nextBlock());
            }
            final List<String> truth = blocks.stream().flatMap(b -> b.groundTruth().stream()).map(GroundTruth::toJson).toList();
            assertThat(truth).isNotEmpty();
            assertThat(Files.readAllLines(truthFile, StandardCharsets.UTF_8)).isEqualTo(truth);

            final Topics topics = new Topics("sim_");
            final Map<String, Integer> counts = counts(kafka.bootstrapServers(), List.of(topics.input(
                    ItemType.BLOCK), topics.input(ItemType.TRACE),
                    topics.input(ItemType.MARKET_TICK), topics.groundTruth()));
            assertThat(counts.get(topics.input(ItemType.BLOCK))).isEqualTo(6);
            assertThat(counts.get(topics.input(ItemType.TRACE)))
                    .isEqualTo(blocks.stream().mapToInt(b -> b.traces().size()).sum());
            assertThat(counts.get(topics.input(ItemType.MARKET_TICK)))
                    .isEqualTo(blocks.stream().mapToInt(b -> b.ticks().size()).sum());
            assertThat(counts.get(topics.groundTruth())).isEqualTo(truth.size());
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("simulated blocks 19,000,000 to 19,000,005",
                    "sandwich");
        }
    }

    @Test
    void aSecondRunContinuesTheChainInTheTopicAndRefusesToGoBelowIt() throws Exception {
        final EmbeddedServers.Ports ports = EmbeddedServers.Ports.random();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), ports.kafka(), ports.kafkaController())) {
            final String bootstrap = kafka.bootstrapServers();
            assertThat(simulate(bootstrap, "--blocks", "3", "--rate", "0", "--seed", "1")).isZero();
            // Another seed: its own hashes, yet its first block links to the head that is there.
            assertThat(simulate(bootstrap, "--blocks", "2", "--rate", "0", "--seed", "2")).isZero();
            assertThat(simulate(bootstrap, "--blocks", "2", "--rate", "0", "--start-block", "19000001")).isEqualTo(1);

            final List<JsonNode> blocks = blocks(bootstrap, new Topics("").input(ItemType.BLOCK));
            assertThat(blocks).extracting(b -> b.get("number").asLong())
                    .containsExactly(19_000_000L, 19_000_001L, 19_000_002L, 19_000_003L, 19_000_004L);
            assertLinked(blocks);
        }
    }

    @Test
    void whenTheBrokerGoesAwayItStopsAndItsResumeCommandLeavesNoGap() throws Exception {
        final EmbeddedServers.Ports ports = EmbeddedServers.Ports.random();
        final Path logDir = dir.resolve("kafka");
        final String topic = new Topics("").input(ItemType.BLOCK);
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final AtomicInteger code = new AtomicInteger(-1);
        final String bootstrap;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, ports.kafka(), ports.kafkaController())) {
            bootstrap = kafka.bootstrapServers();
            final Thread run = new Thread(() -> code.set(withStderr(err, () -> simulate(kafka.bootstrapServers(),
                    "--rate", "400", "--duration", "10m", "--delivery-timeout", "12s"))));
            run.start();
            final long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (blocks(bootstrap, topic).size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertThat(blocks(bootstrap, topic)).hasSizeGreaterThanOrEqualTo(4);
            kafka.close();
            run.join(Duration.ofSeconds(120).toMillis());
            assertThat(run.isAlive()).as("simulate stops once records cannot be written").isFalse();
        }
        assertThat(code.get()).isEqualTo(1);
        final String message = err.toString(StandardCharsets.UTF_8);
        final Matcher resume = Pattern.compile("\\./soba simulate (.*--resume-at (\\d+).*)").matcher(message);
        assertThat(resume.find()).as(message).isTrue();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, ports.kafka(), ports.kafkaController())) {
            final List<String> again = new ArrayList<>(List.of(resume.group(1).trim().split(" ")));
            again.addAll(List.of("--blocks", "3", "--rate", "0"));
            assertThat(simulate(kafka.bootstrapServers(), again.toArray(String[]::new))).isZero();

            final List<JsonNode> blocks = blocks(kafka.bootstrapServers(), topic);
            final long resumedAt = Long.parseLong(resume.group(2));
            final List<Long> heights = blocks.stream().map(b -> b.get("number").asLong()).distinct().sorted().toList();
            assertThat(heights.get(0)).isEqualTo(SimulateCommand.DEFAULT_START_BLOCK);
            assertThat(heights.get(heights.size() - 1)).isEqualTo(resumedAt + 2);
            assertThat(heights).as("no height missing").hasSize((int) (resumedAt + 3 - SimulateCommand.DEFAULT_START_BLOCK));
            // A height written before the failure and again on resume is the same block, so the pipeline drops it as a duplicate.
            final Map<Long, java.util.Set<String>> hashes = new HashMap<>();
            blocks.forEach(b -> hashes.computeIfAbsent(b.get("number").asLong(), n -> new java.util.HashSet<>())
                    .add(b.get("hash").asText()));
            assertThat(hashes.values()).allSatisfy(set -> assertThat(set).hasSize(1));
        }
    }

    private static int simulate(final String bootstrap, final String... args) {
        final List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--bootstrap-servers")) {
            all.addAll(List.of("--bootstrap-servers", bootstrap));
        }
        try {
            return SimulateCommand.run(all.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8));
        } catch (final Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int withStderr(final ByteArrayOutputStream err, final java.util.function.IntSupplier body) {
        final PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return body.getAsInt();
        } finally {
            System.setErr(original);
        }
    }

    private static void assertLinked(final List<JsonNode> blocks) {
        final List<JsonNode> sorted = blocks.stream()
                .sorted(java.util.Comparator.comparingLong(b -> b.get("number").asLong())).toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i).get("parent_hash").asText()).isEqualTo(sorted.get(i - 1).get("hash").asText());
            assertThat(sorted.get(i).get("timestamp").asLong()).isGreaterThan(sorted.get(i - 1).get("timestamp").asLong());
        }
    }

    private static List<JsonNode> blocks(final String bootstrap, final String topic) {
        final List<JsonNode> blocks = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "simulate-test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    blocks.add(Json.tree(record.value()));
                }
            }
        }
        blocks.sort(java.util.Comparator.comparingLong(b -> b.get("number").asLong()));
        return blocks;
    }

    @Test
    void durationsReadShortFormsAndIso() {
        assertThat(SimulateCommand.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(SimulateCommand.duration("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(SimulateCommand.duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(SimulateCommand.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(SimulateCommand.duration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> SimulateCommand.duration("soon")).isInstanceOf(Args.UsageException.class);
        assertThatThrownBy(() -> SimulateCommand.run(new String[] {"--block-time", "1500ms"}, System.out))
                .isInstanceOf(Args.UsageException.class);
    }

    private static Map<String, Integer> counts(final String bootstrap, final List<String> topicNames) {
        final Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "simulate-test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = new ArrayList<>();
            topicNames.forEach(t -> consumer.partitionsFor(t).forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            topicNames.forEach(t -> counts.put(t, 0));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    counts.merge(record.topic(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
