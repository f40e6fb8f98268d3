package dev.soba.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.processors.chain.AddressHistory;
import dev.soba.streams.processors.mev.MevStreamConfig;
import dev.soba.streams.processors.chain.TransactionRef;
import dev.soba.streams.schemas.Block;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.JsonSerde;
import dev.soba.streams.schemas.RejectedRecord;
import dev.soba.streams.schemas.ReorgEvent;
import dev.soba.streams.schemas.Transaction;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SobaTopologyTest {

    private static final Topics TOPICS = new Topics("");
    private static final String ALICE = TestItems.address("alice");
    private static final String BOB = TestItems.address("bob");
    private static final String CAROL = TestItems.address("carol");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private final Map<ItemType, TestInputTopic<byte[], byte[]>> inputs = new EnumMap<>(ItemType.class);
    private TestOutputTopic<String, RejectedRecord> rejected;
    private TestOutputTopic<String, ReorgEvent> reorgs;

    @BeforeEach
    void start() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(SobaTopology.build(PipelineConfig.defaults()), props);
        for (final ItemType type : ItemType.values()) {
            inputs.put(type, driver.createInputTopic(TOPICS.input(type), new ByteArraySerializer(), new ByteArraySerializer()));
        }
        rejected = driver.createOutputTopic(TOPICS.rejected(), new StringDeserializer(),
                new JsonSerde<>(RejectedRecord.class).deserializer());
        reorgs = driver.createOutputTopic(TOPICS.reorgs(), new StringDeserializer(),
                new JsonSerde<>(ReorgEvent.class).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(final ItemType type, final String json) {
        inputs.get(type).pipeInput(null, json.getBytes(StandardCharsets.UTF_8));
    }

    private KeyValueStore<Long, Block> blocks() {
        return driver.getKeyValueStore(StoreNames.BLOCKS);
    }

    private KeyValueStore<String, Transaction> transactions() {
        return driver.getKeyValueStore(StoreNames.TRANSACTIONS);
    }

    private KeyValueStore<String, AddressHistory> addresses() {
        return driver.getKeyValueStore(StoreNames.ADDRESS_TRANSACTIONS);
    }

    @Test
    void validItemsAreStoredAndQueryableByKey() {
        final String blockHash = TestItems.hash("block-1");
        final String txHash = TestItems.hash("tx-1");
        send(ItemType.BLOCK, TestItems.block(17173049, blockHash, TestItems.hash("parent"), 1));
        send(ItemType.TRANSACTION, TestItems.transaction(txHash, 17173049, blockHash, 0, ALICE, BOB,
                new BigInteger("7400000000000000000")));

        assertThat(blocks().get(17173049L).hash()).isEqualTo(blockHash);
        final Transaction stored = transactions().get(txHash);
        assertThat(stored.value()).isEqualTo(new BigInteger("7400000000000000000"));
        assertThat(stored.blockHash()).isEqualTo(blockHash);
        assertThat(addresses().get(ALICE).transactions()).extracting(TransactionRef::hash).containsExactly(txHash);
        assertThat(addresses().get(BOB).transactions()).extracting(TransactionRef::hash).containsExactly(txHash);
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void poisonPillsOnEveryInputTopicAreRejectedWithSourceAndReason() {
        for (final ItemType type : ItemType.values()) {
            inputs.get(type).pipeInput(null, "{not json".getBytes(StandardCharsets.UTF_8));
        }
        inputs.get(ItemType.BLOCK).pipeInput(null, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});

        final List<RejectedRecord> rejections = rejected.readValuesToList();
        assertThat(rejections).hasSize(ItemType.values().length + 1);
        assertThat(rejections).extracting(RejectedRecord::sourceTopic)
                .containsAll(TOPICS.inputs());
        assertThat(rejections).allSatisfy(r -> {
            assertThat(r.reason()).startsWith("not valid JSON");
            assertThat(r.sourceOffset()).isGreaterThanOrEqualTo(0);
        });
        assertThat(rejections.get(0).originalText()).isEqualTo("{not json");
        final RejectedRecord binary = rejections.get(rejections.size() - 1);
        assertThat(binary.originalText()).isNull();
        assertThat(binary.originalBase64()).isEqualTo("//4A");

        // the pipeline keeps going after the pills
        final String blockHash = TestItems.hash("after-pills");
        send(ItemType.BLOCK, TestItems.block(5, blockHash, TestItems.hash("p"), 0));
        assertThat(blocks().get(5L).hash()).isEqualTo(blockHash);
    }

    @Test
    void invalidFieldIsRejectedWithItsFieldPath() {
        final String blockHash = TestItems.hash("b");
        send(ItemType.TRANSACTION, TestItems.transaction(TestItems.hash("tx"), 1, blockHash, 0, ALICE, BOB, BigInteger.TEN)
                .replace("\"value\": 10", "\"value\": -10"));
        final RejectedRecord rejection = rejected.readValue();
        assertThat(rejection.field()).isEqualTo("value");
        assertThat(rejection.sourceTopic()).isEqualTo("transactions");
        assertThat(transactions().approximateNumEntries()).isZero();
    }

    @Test
    void itemOnTheWrongTopicIsRejected() {
        send(ItemType.LOG, TestItems.block(1, TestItems.hash("b"), TestItems.hash("p"), 0));
        assertThat(rejected.readValue().field()).isEqualTo("type");
        assertThat(blocks().get(1L)).isNull();
    }

    @Test
    void duplicateBlockIsNotAReorg() {
        final String blockHash = TestItems.hash("dup");
        final String json = TestItems.block(42, blockHash, TestItems.hash("p"), 0);
        send(ItemType.BLOCK, json);
        send(ItemType.BLOCK, json);
        assertThat(reorgs.isEmpty()).isTrue();
        assertThat(blocks().get(42L).hash()).isEqualTo(blockHash);
    }

    @Test
    void reorganisationIsPublishedAndOrphanedTransactionsAreRetracted() {
        final String oldHash = TestItems.hash("old-100");
        final String newHash = TestItems.hash("new-100");
        final String orphanedTx = TestItems.hash("only-in-old");
        final String movedTx = TestItems.hash("in-both");
        send(ItemType.BLOCK, TestItems.block(100, oldHash, TestItems.hash("p99"), 2));
        send(ItemType.TRANSACTION, TestItems.transaction(orphanedTx, 100, oldHash, 0, ALICE, BOB, BigInteger.ONE));
        send(ItemType.TRANSACTION, TestItems.transaction(movedTx, 100, oldHash, 1, ALICE, CAROL, BigInteger.TWO));
        assertThat(transactions().get(orphanedTx)).isNotNull();

        // the new block and the transaction it re-includes
        send(ItemType.BLOCK, TestItems.block(100, newHash, TestItems.hash("p99"), 1));
        send(ItemType.TRANSACTION, TestItems.transaction(movedTx, 100, newHash, 0, ALICE, CAROL, BigInteger.TWO));

        final ReorgEvent reorg = reorgs.readValue();
        assertThat(reorg.blockNumber()).isEqualTo(100);
        assertThat(reorg.oldHash()).isEqualTo(oldHash);
        assertThat(reorg.newHash()).isEqualTo(newHash);
        assertThat(blocks().get(100L).hash()).isEqualTo(newHash);
        assertThat(transactions().get(orphanedTx)).isNull();
        assertThat(transactions().get(movedTx).blockHash()).isEqualTo(newHash);
        assertThat(addresses().get(BOB)).isNull();
        assertThat(addresses().get(ALICE).transactions()).extracting(TransactionRef::hash).containsExactly(movedTx);
        assertThat(addresses().get(CAROL).transactions()).extracting(TransactionRef::blockHash).containsExactly(newHash);

        // a late item of the orphaned block is recognised and not indexed; the old block re-sent is no new reorg
        send(ItemType.TRANSACTION, TestItems.transaction(TestItems.hash("late"), 100, oldHash, 2, ALICE, BOB, BigInteger.ONE));
        send(ItemType.BLOCK, TestItems.block(100, oldHash, TestItems.hash("p99"), 2));
        assertThat(transactions().get(TestItems.hash("late"))).isNull();
        assertThat(reorgs.isEmpty()).isTrue();
        assertThat(blocks().get(100L).hash()).isEqualTo(newHash);
    }

    @Test
    void addressHistoryIsNewestFirstAndBounded() {
        final PipelineConfig small = new PipelineConfig("", PipelineConfig.DEFAULT_DEDUP_RETENTION, 128, 3, MarketConfig.defaults(),
                MevStreamConfig.defaults());
        driver.close();
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test-bounded");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("bounded").toString());
        driver = new TopologyTestDriver(SobaTopology.build(small), props);
        final TestInputTopic<byte[], byte[]> txs = driver.createInputTopic(TOPICS.input(ItemType.TRANSACTION),
                new ByteArraySerializer(), new ByteArraySerializer());
        for (int block = 1; block <= 5; block++) {
            txs.pipeInput(null, TestItems.transaction(TestItems.hash("t" + block), block, TestItems.hash("b" + block), 0,
                    ALICE, BOB, BigInteger.ONE).getBytes(StandardCharsets.UTF_8));
        }
        final KeyValueStore<String, AddressHistory> histories = driver.getKeyValueStore(StoreNames.ADDRESS_TRANSACTIONS);
        assertThat(histories.get(ALICE).transactions()).extracting(TransactionRef::blockNumber).containsExactly(5L, 4L, 3L);
    }

    @Test
    void topologyDescribesEveryInputTopic() {
        final String description = SobaTopology.build(PipelineConfig.defaults()).describe().toString();
        TOPICS.inputs().forEach(topic -> assertThat(description).contains(topic));
    }

    @Test
    void theMarketScopeIsTheFullTopologyWithoutIndexesAndMev() {
        final String full = SobaTopology.build(PipelineConfig.defaults()).describe().toString();
        final String market = SobaTopology.build(PipelineConfig.defaults(), SobaTopology.Scope.MARKET).describe().toString();
        assertThat(full).contains("index-transactions", "index-addresses", "assemble-mev");
        assertThat(market).contains("validate-logs", "deduplicate", "canonical-chain", "decode-dex", "index-swaps", "candles")
                .doesNotContain("index-transactions", "index-addresses", "assemble-mev", "mev-by-searcher");
        TOPICS.inputs().forEach(topic -> assertThat(market).contains(topic));
    }
}
