package dev.soba.streams.processors.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.schemas.Block;
import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.ItemSerde;
import dev.soba.streams.schemas.Transaction;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor alone in a one-step topology (its window store needs a real task context). */
class DeduplicationProcessorTest {

    private static final Duration RETENTION = Duration.ofHours(1);
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, Item> in;
    private TestOutputTopic<String, Item> out;

    @BeforeEach
    void start() {
        final Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new ItemSerde().deserializer(), "in");
        topology.addProcessor("dedup", () -> new DeduplicationProcessor("seen", RETENTION), "in");
        topology.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore("seen", RETENTION, RETENTION, false), Serdes.String(), Serdes.Long()), "dedup");
        topology.addSink("out", "out", new StringSerializer(), new ItemSerde().serializer(), "dedup");
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology, props);
        in = driver.createInputTopic("in", new StringSerializer(), new ItemSerde().serializer());
        out = driver.createOutputTopic("out", new StringDeserializer(), new ItemSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private double duplicatesCounted() {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(PipelineCounters.DUPLICATES + "-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    @Test
    void forwardsTheFirstCopyAndDropsReSends() {
        final Block block = TestItems.parse(TestItems.block(1, TestItems.hash("b"), TestItems.hash("p"), 0), Block.class);
        in.pipeInput("k", block, T0);
        in.pipeInput("k", block, T0.plusSeconds(1));
        in.pipeInput("k", block, T0.plusSeconds(60));
        assertThat(out.readValuesToList()).containsExactly(block);
        assertThat(duplicatesCounted()).isEqualTo(2.0);
    }

    @Test
    void theSameTransactionInAnotherBlockIsNew() {
        final String txHash = TestItems.hash("t");
        final String a = TestItems.address("a");
        in.pipeInput("k", TestItems.parse(TestItems.transaction(txHash, 5, TestItems.hash("b1"), 0, a, a, BigInteger.ONE), Transaction.class), T0);
        in.pipeInput("k", TestItems.parse(TestItems.transaction(txHash, 5, TestItems.hash("b2"), 0, a, a, BigInteger.ONE), Transaction.class), T0);
        assertThat(out.readValuesToList()).hasSize(2);
    }

    @Test
    void forgetsAfterTheRetention() {
        final Block block = TestItems.parse(TestItems.block(1, TestItems.hash("b"), TestItems.hash("p"), 0), Block.class);
        in.pipeInput("k", block, T0);
        in.pipeInput("k", block, T0.plus(RETENTION).plusSeconds(1));
        assertThat(out.readValuesToList()).hasSize(2);
    }
}
