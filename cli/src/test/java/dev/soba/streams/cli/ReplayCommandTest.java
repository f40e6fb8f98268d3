package dev.soba.streams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soba.streams.embedded.EmbeddedKafka;
import dev.soba.streams.embedded.EmbeddedServers;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.topology.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./soba replay}: bad bytes named by file and line; a broker that goes away stops it with a resume point. */
class ReplayCommandTest {

    @TempDir
    Path dir;

    @Test
    void invalidUtf8IsReportedWithFileLineAndByteBeforeAnythingIsSent() throws Exception {
        final Path file = dir.resolve("blocks.json");
        final byte[] bad = "{\"type\":\"block\",\"number\":2,\"extra_data\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, ("{\"type\":\"block\",\"number\":1}\n").getBytes(StandardCharsets.UTF_8));
        Files.write(file, bad, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> ReplayCommand.run(new String[] {file.toString(), "--bootstrap-servers", "127.0.0.1:1"},
                System.out))
                .isInstanceOf(Utf8Check.InvalidUtf8Exception.class)
                .hasMessageStartingWith(file + ":2: not UTF-8 (byte 0xe9 at byte 45 of the line)")
                .hasMessageNotContaining("Input length");
    }

    @Test
    void fromFileLineSkipsWhatCameBefore() throws Exception {
        final Path first = lines("first.json", 3);
        final Path second = lines("second.json", 10);
        final EmbeddedServers.Ports ports = EmbeddedServers.Ports.random();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), ports.kafka(), ports.kafkaController())) {
            final int code = ReplayCommand.run(new String[] {first.toString(), second.toString(), "--from",
                    second + ":6", "--bootstrap-servers", kafka.bootstrapServers()}, quiet());
            assertThat(code).isZero();
            assertThat(numbers(kafka.bootstrapServers())).containsExactly(6L, 7L, 8L, 9L, 10L);
        }
        assertThatThrownBy(() -> ReplayCommand.run(new String[] {first.toString(), "--from", "other.json:2"}, quiet()))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("one of the files given");
    }

    @Test
    void whenTheBrokerGoesAwayItStopsAndItsResumeCommandLeavesNoGap() throws Exception {
        final int total = 3000;
        final Path file = lines("history.json", total);
        final EmbeddedServers.Ports ports = EmbeddedServers.Ports.random();
        final Path logDir = dir.resolve("kafka");
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final AtomicInteger code = new AtomicInteger(-1);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, ports.kafka(), ports.kafkaController())) {
            final Thread run = new Thread(() -> {
                final PrintStream original = System.err;
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                try {
                    code.set(ReplayCommand.run(new String[] {file.toString(), "--rate", "100", "--delivery-timeout", "12s",
                            "--bootstrap-servers", kafka.bootstrapServers()}, quiet()));
                } catch (final Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    System.setErr(original);
                }
            });
            run.start();
            final long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (numbers(kafka.bootstrapServers()).size() < 50 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            kafka.close();
            run.join(Duration.ofSeconds(120).toMillis());
            assertThat(run.isAlive()).as("replay stops once lines cannot be written").isFalse();
        }
        assertThat(code.get()).isEqualTo(1);
        final Matcher resume = Pattern.compile("\\./soba replay (.*)").matcher(err.toString(StandardCharsets.UTF_8));
        assertThat(resume.find()).as(err.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(resume.group(1)).contains("--from " + file + ":");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, ports.kafka(), ports.kafkaController())) {
            final List<String> again = new ArrayList<>(List.of(resume.group(1).trim().split(" ")));
            assertThat(ReplayCommand.run(again.toArray(String[]::new), quiet())).isZero();
            final TreeSet<Long> numbers = new TreeSet<>(numbers(kafka.bootstrapServers()));
            assertThat(numbers).as("every line, none missing").hasSize(total);
            assertThat(numbers.first()).isEqualTo(1L);
            assertThat(numbers.last()).isEqualTo(total);
        }
    }

    private Path lines(final String name, final int count) throws Exception {
        final Path file = dir.resolve(name);
        Files.write(file, IntStream.rangeClosed(1, count)
                .mapToObj(n -> "{\"type\":\"block\",\"number\":" + n + "}").toList(), StandardCharsets.UTF_8);
        return file;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static List<Long> numbers(final String bootstrap) {
        final String topic = new Topics("").input(ItemType.BLOCK);
        final List<Long> numbers = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "replay-test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    numbers.add(dev.soba.streams.schemas.Json.tree(record.value()).get("number").asLong());
                }
            }
        }
        numbers.sort(Long::compare);
        return numbers;
    }
}
