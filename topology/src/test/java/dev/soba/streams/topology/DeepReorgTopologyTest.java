package dev.soba.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.schemas.Block;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.JsonSerde;
import dev.soba.streams.schemas.RejectedRecord;
import dev.soba.streams.schemas.ReorgEvent;
import dev.soba.streams.schemas.Transaction;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A block with a new hash at a height deeper than the configured re-organisation depth (any write
 * key can post one) is refused whole: it and its items go to rejected_records with the reason, and
 * the chain keeps serving the block and transactions it had, under their own hash.
 */
class DeepReorgTopologyTest {

    private static final Topics TOPICS = new Topics("");
    private static final long HEIGHT = 17_000_000L;

    @TempDir
    Path stateDir;

    @Test
    void aReorganisationDeeperThanTheDepthIsRefusedAndNothingOfItIsApplied() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "deep-reorg-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(
                SobaTopology.build(PipelineConfig.defaults(), SobaTopology.Scope.FULL), props)) {
            final int depth = PipelineConfig.defaults().reorgDepth();
            final TestOutputTopic<String, RejectedRecord> rejected = driver.createOutputTopic(TOPICS.rejected(),
                    new StringDeserializer(), new JsonSerde<>(RejectedRecord.class).deserializer());
            final TestOutputTopic<String, ReorgEvent> reorgs = driver.createOutputTopic(TOPICS.reorgs(),
                    new StringDeserializer(), new JsonSerde<>(ReorgEvent.class).deserializer());
            final String oldHash = TestItems.hash("old");
            final String newHash = TestItems.hash("new");
            send(driver, ItemType.BLOCK, TestItems.block(HEIGHT, oldHash, TestItems.hash("parent"), 1));
            send(driver, ItemType.TRANSACTION, TestItems.transaction(TestItems.hash("t-old"), HEIGHT, oldHash, 0,
                    TestItems.address("alice"), TestItems.address("bob"), BigInteger.ONE));
            // the chain moves on past the depth (every height on the one partition of the test driver)
            for (long n = HEIGHT + 1; n <= HEIGHT + depth + 1; n++) {
                send(driver, ItemType.BLOCK, TestItems.block(n, TestItems.hash("b" + n), TestItems.hash("b" + (n - 1)), 0));
            }
            send(driver, ItemType.BLOCK, TestItems.block(HEIGHT, newHash, TestItems.hash("parent"), 1));
            send(driver, ItemType.TRANSACTION, TestItems.transaction(TestItems.hash("t-new"), HEIGHT, newHash, 0,
                    TestItems.address("carol"), TestItems.address("dave"), BigInteger.TWO));

            final List<org.apache.kafka.streams.test.TestRecord<String, RejectedRecord>> records = rejected.readRecordsToList();
            assertThat(records).extracting(org.apache.kafka.streams.test.TestRecord::key)
                    .as("keyed by source topic, like every rejected record")
                    .containsExactly(TOPICS.input(ItemType.BLOCK), TOPICS.input(ItemType.TRANSACTION));
            final List<RejectedRecord> refused = records.stream().map(org.apache.kafka.streams.test.TestRecord::value).toList();
            assertThat(refused).hasSize(2);
            assertThat(refused.get(0).reason()).contains("re-organisation deeper than " + depth);
            assertThat(refused.get(0).sourceTopic()).isEqualTo(TOPICS.input(ItemType.BLOCK));
            assertThat(refused.get(0).originalText()).contains(newHash);
            assertThat(refused.get(1).sourceTopic()).isEqualTo(TOPICS.input(ItemType.TRANSACTION));
            assertThat(refused.get(1).reason()).contains(newHash);
            assertThat(reorgs.isEmpty()).isTrue();
            final KeyValueStore<Long, Block> blocks = driver.getKeyValueStore(StoreNames.BLOCKS);
            assertThat(blocks.get(HEIGHT).hash()).isEqualTo(oldHash);
            final KeyValueStore<String, Transaction> transactions = driver.getKeyValueStore(StoreNames.TRANSACTIONS);
            assertThat(transactions.get(TestItems.hash("t-old")).blockHash()).isEqualTo(oldHash);
            assertThat(transactions.get(TestItems.hash("t-new"))).isNull();
        }
    }

    private static void send(final TopologyTestDriver driver, final ItemType type, final String json) {
        driver.createInputTopic(TOPICS.input(type), new ByteArraySerializer(), new ByteArraySerializer())
                .pipeInput(null, json.getBytes(StandardCharsets.UTF_8));
    }
}
