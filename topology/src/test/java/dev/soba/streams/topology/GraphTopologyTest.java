package dev.soba.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.processors.graph.Counterparties;
import dev.soba.streams.processors.graph.Counterparty;
import dev.soba.streams.processors.graph.GraphEdge;
import dev.soba.streams.schemas.ItemType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphTopologyTest {

    private static final Topics TOPICS = new Topics("");
    private static final String ALICE = TestItems.address("alice");
    private static final String BOB = TestItems.address("bob");
    private static final String CAROL = TestItems.address("carol");
    private static final String TOKEN = TestItems.address("usdc");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private final Map<ItemType, TestInputTopic<byte[], byte[]>> inputs = new EnumMap<>(ItemType.class);

    @BeforeEach
    void start() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "graph-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(SobaTopology.build(PipelineConfig.defaults().withCounterpartyLimit(2)), props);
        for (final ItemType type : ItemType.values()) {
            inputs.put(type, driver.createInputTopic(TOPICS.input(type), new ByteArraySerializer(), new ByteArraySerializer()));
        }
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(final ItemType type, final String json) {
        inputs.get(type).pipeInput(null, json.getBytes(StandardCharsets.UTF_8));
    }

    private KeyValueStore<String, Counterparties> counterparties() {
        return driver.getKeyValueStore(StoreNames.COUNTERPARTIES);
    }

    static String tokenTransfer(final String token, final String from, final String to, final BigInteger value,
                                final String txHash, final int logIndex, final long block, final String blockHash) {
        return """
                {"type": "token_transfer", "token_address": "%s", "from_address": "%s", "to_address": "%s",
                 "value": %s, "transaction_hash": "%s", "log_index": %d, "block_number": %d, "block_hash": "%s"}
                """.formatted(token, from, to, value, txHash, logIndex, block, blockHash);
    }

    @Test
    void transactionsAndTokenTransfersBecomeCounterpartiesOfBothEnds() {
        final String blockHash = TestItems.hash("b-1");
        final String tx = TestItems.hash("tx-1");
        send(ItemType.BLOCK, TestItems.block(1, blockHash, TestItems.hash("p0"), 1));
        send(ItemType.TRANSACTION, TestItems.transaction(tx, 1, blockHash, 0, ALICE, BOB, BigInteger.TEN));
        send(ItemType.TOKEN_TRANSFER, tokenTransfer(TOKEN, ALICE, BOB, BigInteger.valueOf(500), tx, 3, 1, blockHash));

        final Counterparty bobSeenByAlice = counterparties().get(ALICE).counterparty(BOB).orElseThrow();
        assertThat(bobSeenByAlice.sent()).isEqualTo(2);
        assertThat(bobSeenByAlice.valueSent()).containsEntry(GraphEdge.ETH, BigInteger.TEN)
                .containsEntry(TOKEN, BigInteger.valueOf(500));
        final Counterparty aliceSeenByBob = counterparties().get(BOB).counterparty(ALICE).orElseThrow();
        assertThat(aliceSeenByBob.received()).isEqualTo(2);
        assertThat(aliceSeenByBob.firstBlock()).isEqualTo(1);
    }

    @Test
    void aReorganisationRetractsTheOrphanedBlocksEdgesTokenTransfersIncluded() {
        final String oldHash = TestItems.hash("old-7");
        final String newHash = TestItems.hash("new-7");
        final String kept = TestItems.hash("kept");
        final String orphaned = TestItems.hash("orphaned");
        send(ItemType.BLOCK, TestItems.block(6, TestItems.hash("b-6"), TestItems.hash("p5"), 1));
        send(ItemType.TRANSACTION, TestItems.transaction(kept, 6, TestItems.hash("b-6"), 0, ALICE, BOB, BigInteger.ONE));
        send(ItemType.BLOCK, TestItems.block(7, oldHash, TestItems.hash("b-6"), 1));
        send(ItemType.TRANSACTION, TestItems.transaction(orphaned, 7, oldHash, 0, ALICE, CAROL, BigInteger.TWO));
        // a transfer whose transaction has not arrived (yet) is retracted as well
        send(ItemType.TOKEN_TRANSFER, tokenTransfer(TOKEN, ALICE, BOB, BigInteger.valueOf(9), TestItems.hash("other"), 0, 7, oldHash));
        assertThat(counterparties().get(CAROL)).isNotNull();
        assertThat(counterparties().get(ALICE).counterparty(BOB).orElseThrow().sent()).isEqualTo(2);

        send(ItemType.BLOCK, TestItems.block(7, newHash, TestItems.hash("b-6"), 0));

        assertThat(counterparties().get(CAROL)).isNull();
        final Counterparties alice = counterparties().get(ALICE);
        assertThat(alice.counterparty(CAROL)).isEmpty();
        final Counterparty bob = alice.counterparty(BOB).orElseThrow();
        assertThat(bob.sent()).isEqualTo(1);
        assertThat(bob.valueSent()).isEqualTo(Map.of(GraphEdge.ETH, BigInteger.ONE));

        // a late item of the orphaned block is not indexed
        send(ItemType.TRANSACTION, TestItems.transaction(TestItems.hash("late"), 7, oldHash, 1, ALICE, CAROL, BigInteger.TWO));
        assertThat(counterparties().get(CAROL)).isNull();
    }

    @Test
    void theCounterpartyBoundIsConfigurable() {
        final String blockHash = TestItems.hash("b-2");
        send(ItemType.BLOCK, TestItems.block(2, blockHash, TestItems.hash("p1"), 3));
        int index = 0;
        for (final String peer : new String[] {BOB, CAROL, TestItems.address("dave")}) {
            send(ItemType.TRANSACTION, TestItems.transaction(TestItems.hash("t" + index), 2, blockHash, index, ALICE, peer, BigInteger.ONE));
            index++;
        }
        final Counterparties alice = counterparties().get(ALICE);
        assertThat(alice.top()).hasSize(2);
        assertThat(alice.otherCounterparties()).isEqualTo(1);
        assertThat(alice.degree()).isEqualTo(3);
    }
}
