package dev.soba.streams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.ingest.TestKafka;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.simulator.Scenario;
import dev.soba.streams.simulator.SyntheticChain;
import dev.soba.streams.topology.TopicCreator;
import dev.soba.streams.topology.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chaos: the pipeline in a process of its own (exactly once) is killed with SIGKILL while the
 * simulator feeds it, and started again on the same state directory. Its candles (the last
 * published version of every window: trade counts, volumes, prices) and its MEV findings (the net
 * set per block after new, correction and retraction records) equal those of an uninterrupted run
 * of the same simulated workload.
 */
class ChaosRestartTest {

    private static final int BLOCKS = 30;
    private static final long SEED = 11;
    private static TestKafka kafka;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        kafka = TestKafka.start();
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
    }

    /**
     * The simulator's topics and pool registry before the pipeline starts: its global pool store is
     * then complete before the first swap, in both runs.
     */
    private static void prepare(final String prefix) throws Exception {
        final Topics topics = new Topics(prefix);
        TopicCreator.createMissing(kafka.bootstrapServers(), SimulationSupport.topicsToCreate(topics,
                Integer.parseInt(CliConfig.load().get("soba.topics.partitions")), (short) 1), Duration.ofSeconds(30));
        SimulationSupport.registerPools(kafka.bootstrapServers(), new SyntheticChain(SEED,
                SimulateCommand.DEFAULT_START_BLOCK, SimulateCommand.DEFAULT_START_TIME.getEpochSecond(), 12,
                Scenario.MARKET), topics);
    }

    private static Process pipeline(final String prefix, final String stateDir, final String log) throws IOException {
        final List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), PipelineProcess.class.getName(),
                kafka.bootstrapServers(), prefix, prefix + "app", work.resolve(stateDir).toString());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve(log).toFile()).start();
    }

    private static void simulate(final String prefix, final long rate) throws Exception {
        final int exit = SimulateCommand.run(new String[] {"--bootstrap-servers", kafka.bootstrapServers(),
                "--topic-prefix", prefix, "--blocks", Integer.toString(BLOCKS), "--rate", Long.toString(rate),
                "--seed", Long.toString(SEED)}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
    }

    @Test
    void killedMidStreamAndRestartedItsCandlesAndFindingsEqualAnUninterruptedRun() throws Exception {
        // the uninterrupted run
        prepare("calm_");
        final Process calm = pipeline("calm_", "calm-state", "calm.log");
        try {
            simulate("calm_", 0);
            awaitCaughtUp("calm_");
        } finally {
            calm.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        final Outcome expected = outcome("calm_");
        assertThat(expected.candles()).as("the workload makes candles").isNotEmpty();

        // the same workload, the pipeline killed with SIGKILL while the simulator is feeding it
        prepare("chaos_");
        Process chaos = pipeline("chaos_", "chaos-state", "chaos-1.log");
        try {
            final CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> {
                try {
                    simulate("chaos_", 200);
                } catch (final Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitOutput("chaos_");
            new ProcessBuilder("kill", "-9", Long.toString(chaos.pid())).start().waitFor(10, TimeUnit.SECONDS);
            assertThat(chaos.waitFor(30, TimeUnit.SECONDS)).isTrue();
            chaos = pipeline("chaos_", "chaos-state", "chaos-2.log");
            feed.get(120, TimeUnit.SECONDS);
            awaitCaughtUp("chaos_");
        } finally {
            chaos.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        final Outcome actual = outcome("chaos_");
        assertThat(actual.findings()).isEqualTo(expected.findings());
        assertThat(actual.candles()).isEqualTo(expected.candles());
    }

    /** Candles (window → trade count, volume, open, close) and MEV findings (block → net set) of a run. */
    private record Outcome(Map<String, String> candles, Map<String, List<String>> findings) {
    }

    private static Outcome outcome(final String prefix) {
        final Topics topics = new Topics(prefix);
        final Map<String, String> candles = new TreeMap<>();
        for (final ConsumerRecord<byte[], byte[]> record : kafka.readAll(topics.candles())) {
            final JsonNode candle = Json.tree(record.value());
            candles.put(new String(record.key(), StandardCharsets.UTF_8) + "|" + candle.get("open_time").asLong(),
                    candle.get("trade_count").asLong() + " " + candle.get("base_volume").asText() + " "
                            + candle.get("open").asText() + " " + candle.get("close").asText());
        }
        final Map<String, List<String>> findings = new TreeMap<>();
        for (final ConsumerRecord<byte[], byte[]> record : kafka.readAll(topics.mevAlerts())) {
            final Header status = record.headers().lastHeader("soba-mev-status");
            final String block = new String(record.key(), StandardCharsets.UTF_8);
            final String finding = Json.tree(record.value()).toString();
            final List<String> set = findings.computeIfAbsent(block, b -> new ArrayList<>());
            if (status != null && "retraction".equals(new String(status.value(), StandardCharsets.UTF_8))) {
                set.remove(finding);
            } else {
                set.add(finding);
            }
        }
        findings.values().forEach(list -> list.sort(String::compareTo));
        findings.values().removeIf(List::isEmpty);
        return new Outcome(candles, findings);
    }

    /** Until the pipeline has written some candles: it is mid-stream. */
    private static void awaitOutput(final String prefix) throws InterruptedException {
        final long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!kafka.readAll(new Topics(prefix).candles()).isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the pipeline wrote no candle within 120 s");
    }

    /**
     * Until the application has committed every input record (its group's offsets at the end of
     * every input topic) and its outputs have been quiet for longer than the MEV timeout.
     */
    private static void awaitCaughtUp(final String prefix) throws Exception {
        final Topics topics = new Topics(prefix);
        final List<String> inputs = new ArrayList<>(topics.inputs());
        final long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            int quietChecks = 0;
            long lastOutputs = -1;
            while (System.nanoTime() < deadline) {
                final Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(prefix + "app").partitionsToOffsetAndMetadata().get();
                final Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                admin.describeTopics(inputs).allTopicNames().get().forEach((name, description) ->
                        description.partitions().forEach(p -> ends.put(new TopicPartition(name, p.partition()),
                                OffsetSpec.latest())));
                final Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest =
                        admin.listOffsets(ends).all().get();
                final boolean consumed = latest.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || committed.containsKey(e.getKey()) && committed.get(e.getKey()).offset() >= e.getValue().offset());
                final long outputs = kafka.readAll(List.of(topics.candles(), topics.mevAlerts())).values().stream()
                        .mapToLong(List::size).sum();
                quietChecks = consumed && outputs == lastOutputs ? quietChecks + 1 : 0;
                lastOutputs = outputs;
                if (quietChecks >= 8) {
                    return;
                }
                Thread.sleep(2_000);
            }
        }
        throw new AssertionError("the pipeline did not catch up within 240 s; its log: "
                + Files.readString(work.resolve(prefix.startsWith("calm") ? "calm.log" : "chaos-2.log")));
    }
}
