package dev.soba.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.models.fraud.FraudModel;
import dev.soba.streams.models.fraud.FraudTraining;
import dev.soba.streams.models.fraud.LabelledWallet;
import dev.soba.streams.models.fraud.WalletActivity;
import dev.soba.streams.models.fraud.WalletEvent;
import dev.soba.streams.models.fraud.WalletFeature;
import dev.soba.streams.processors.TestItems;
import dev.soba.streams.processors.fraud.FraudAlert;
import dev.soba.streams.processors.fraud.FraudModels;
import dev.soba.streams.processors.fraud.WalletLabel;
import dev.soba.streams.processors.fraud.WalletRisk;
import dev.soba.streams.processors.fraud.WalletState;
import dev.soba.streams.schemas.EthItem;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.JsonSerde;
import dev.soba.streams.schemas.TokenTransfer;
import dev.soba.streams.schemas.Transaction;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fraud branch of the whole topology: feature parity stream = batch, retraction, scoring, alerts, activation. */
class FraudTopologyTest {

    private static final Topics TOPICS = new Topics("");
    private static final String ALICE = TestItems.address("alice");
    private static final String BOB = TestItems.address("bob");
    private static final String DRAINER = TestItems.address("drainer");
    private static final String TOKEN = TestItems.address("token");
    private static final BigInteger ETHER = BigInteger.TEN.pow(18);

    static FraudModel model;
    static FraudModel otherModel;

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private FraudModels models;
    private final Map<ItemType, TestInputTopic<byte[], byte[]>> inputs = new EnumMap<>(ItemType.class);
    private TestOutputTopic<String, FraudAlert> alerts;
    private final List<EthItem> sent = new ArrayList<>();

    /** A small model on generated rows: many distinct recipients sent to quickly is illicit. */
    @BeforeAll
    static void train() {
        model = train(7);
        otherModel = train(8);
    }

    private static FraudModel train(final long seed) {
        final Random random = new Random(seed);
        final List<LabelledWallet> rows = new ArrayList<>();
        final int width = WalletFeature.MODEL_INPUTS.size();
        for (int i = 0; i < 200; i++) {
            final boolean illicit = i % 4 == 0;
            final double[] f = new double[width];
            for (int j = 0; j < width; j++) {
                f[j] = random.nextDouble();
            }
            f[WalletFeature.MODEL_INPUTS.indexOf(WalletFeature.UNIQUE_SENT_TO)] = illicit ? 20 + random.nextInt(40) : random.nextInt(5);
            f[WalletFeature.MODEL_INPUTS.indexOf(WalletFeature.SENT_COUNT)] = illicit ? 20 + random.nextInt(40) : random.nextInt(5);
            rows.add(new LabelledWallet(String.format("0x%040x", i), f, Optional.of(illicit), false));
        }
        return new FraudTraining(List.of(new FraudTraining.Settings(15, 2, 0.3)), 2, 1)
                .train(rows, "generated", "00".repeat(32), m -> { }).model();
    }

    @BeforeEach
    void start() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "fraud-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        models = new FraudModels(model);
        driver = new TopologyTestDriver(SobaTopology.build(PipelineConfig.defaults(), SobaTopology.Scope.FULL, models), props);
        for (final ItemType type : ItemType.values()) {
            inputs.put(type, driver.createInputTopic(TOPICS.input(type), new ByteArraySerializer(), new ByteArraySerializer()));
        }
        alerts = driver.createOutputTopic(TOPICS.fraudAlerts(), new StringDeserializer(), new JsonSerde<>(FraudAlert.class).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void block(final long number, final String hash) {
        inputs.get(ItemType.BLOCK).pipeInput(null, TestItems.block(number, hash, TestItems.hash("p" + number), 1).getBytes(StandardCharsets.UTF_8));
    }

    private void tx(final String hash, final long block, final String blockHash, final int index, final String from, final String to,
                    final BigInteger value, final long time) {
        final String json = TestItems.transaction(hash, block, blockHash, index, from, to, value)
                .replace("\"block_timestamp\": 1683029999", "\"block_timestamp\": " + time);
        inputs.get(ItemType.TRANSACTION).pipeInput(null, json.getBytes(StandardCharsets.UTF_8));
        sent.add(TestItems.parse(json, Transaction.class));
    }

    private void tokenTransfer(final String from, final String to, final BigInteger value, final long block, final String blockHash,
                               final int logIndex, final long time) {
        final String txHash = TestItems.hash("tt" + block + "-" + logIndex);
        final String json = """
                {"type": "token_transfer", "token_address": "%s", "from_address": "%s", "to_address": "%s", "value": %s,
                 "transaction_hash": "%s", "log_index": %d, "block_number": %d, "block_timestamp": %d, "block_hash": "%s",
                 "item_id": "token_transfer_%s_%d", "item_timestamp": "2023-05-02T12:19:59Z"}
                """.formatted(TOKEN, from, to, value, txHash, logIndex, block, time, blockHash, txHash, logIndex);
        inputs.get(ItemType.TOKEN_TRANSFER).pipeInput(null, json.getBytes(StandardCharsets.UTF_8));
        sent.add(TestItems.parse(json, TokenTransfer.class));
    }

    private KeyValueStore<String, WalletState> activity() {
        return driver.getKeyValueStore(StoreNames.WALLET_ACTIVITY);
    }

    private KeyValueStore<String, WalletRisk> risk() {
        return driver.getKeyValueStore(StoreNames.WALLET_RISK);
    }

    /** The batch computation: the same items, straight through the feature definitions. */
    private double[] direct(final String address) {
        final List<WalletEvent> events = new ArrayList<>();
        for (final EthItem item : sent) {
            events.addAll(item instanceof Transaction tx ? WalletEvent.of(tx) : WalletEvent.of((TokenTransfer) item));
        }
        return WalletFeature.vector(WalletActivity.of(events.stream().filter(e -> address.equals(e.address())).toList()));
    }

    @Test
    void streamAndBatchComputeIdenticalFeatureVectors() {
        final Random random = new Random(5);
        long time = 1_700_000_000L;
        for (int b = 0; b < 12; b++) {
            final long number = 1000 + b;
            final String hash = TestItems.hash("blk" + number);
            block(number, hash);
            time += 12 + random.nextInt(300);
            for (int i = 0; i < 3; i++) {
                final String other = TestItems.address("peer" + random.nextInt(6));
                final boolean out = random.nextBoolean();
                tx(TestItems.hash("t" + number + "-" + i), number, hash, i, out ? ALICE : other, out ? other : ALICE,
                        ETHER.multiply(BigInteger.valueOf(random.nextInt(9) + 1)).divide(BigInteger.valueOf(random.nextInt(3) + 1)), time);
            }
            tokenTransfer(random.nextBoolean() ? ALICE : BOB, random.nextBoolean() ? BOB : TestItems.address("peer9"),
                    ETHER.multiply(BigInteger.valueOf(1 + random.nextInt(1000))), number, hash, 10, time);
        }
        for (final String address : List.of(ALICE, BOB, TestItems.address("peer1"))) {
            final WalletState state = activity().get(address);
            assertThat(state).as(address).isNotNull();
            assertThat(WalletFeature.vector(state.activity())).as(address).containsExactly(direct(address));
        }
        assertThat(direct(ALICE)[WalletFeature.MODEL_INPUTS.indexOf(WalletFeature.TOTAL_TRANSACTIONS)]).isEqualTo(36);
    }

    @Test
    void anOrphanedBlockIsTakenOutOfTheActivity() {
        final String oldHash = TestItems.hash("old-100");
        final String newHash = TestItems.hash("new-100");
        block(99, TestItems.hash("b99"));
        tx(TestItems.hash("keep"), 99, TestItems.hash("b99"), 0, ALICE, BOB, ETHER, 1_700_000_000L);
        block(100, oldHash);
        tx(TestItems.hash("orphaned"), 100, oldHash, 0, ALICE, DRAINER, ETHER, 1_700_000_012L);
        assertThat(activity().get(DRAINER)).isNotNull();
        assertThat(activity().get(ALICE).activity().sent().count()).isEqualTo(2);

        block(100, newHash);
        assertThat(activity().get(DRAINER)).isNull();
        assertThat(activity().get(ALICE).activity().sent().count()).isEqualTo(1);
        sent.remove(sent.size() - 1);
        assertThat(WalletFeature.vector(activity().get(ALICE).activity())).containsExactly(direct(ALICE));
    }

    @Test
    void aDrainingWalletIsScoredExplainedAndAlerted() {
        block(500, TestItems.hash("b500"));
        tx(TestItems.hash("in"), 500, TestItems.hash("b500"), 0, ALICE, DRAINER, ETHER.multiply(BigInteger.TEN), 1_700_000_000L);
        for (int i = 0; i < 40; i++) {
            final long number = 501 + i;
            block(number, TestItems.hash("b" + number));
            tx(TestItems.hash("out" + i), number, TestItems.hash("b" + number), 0, DRAINER, TestItems.address("sink" + i),
                    ETHER.divide(BigInteger.valueOf(5)), 1_700_000_012L + 12L * i);
        }
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        final WalletRisk drainer = risk().get(DRAINER);
        assertThat(drainer.score()).isGreaterThan(0.5);
        assertThat(drainer.level()).isEqualTo("high");
        assertThat(drainer.model().version()).isEqualTo(model.card().version());
        assertThat(drainer.featuresAsOfBlock()).isEqualTo(540);
        assertThat(drainer.reasons()).extracting(WalletRisk.Reason::detail)
                .anySatisfy(d -> assertThat(d).containsAnyOf("Unique Sent To Addresses", "Sent tnx"));
        assertThat(risk().get(BOB)).isNull();
        final List<FraudAlert> raised = alerts.readValuesToList();
        assertThat(raised).extracting(FraudAlert::address).contains(DRAINER);
        final FraudAlert alert = raised.stream().filter(a -> a.address().equals(DRAINER)).findFirst().orElseThrow();
        assertThat(alert.status()).isEqualTo(FraudAlert.RAISED);
        assertThat(alert.model().name()).isEqualTo("wallet-fraud");
        // scored again without a crossing: no second alert
        tx(TestItems.hash("out-more"), 540, TestItems.hash("b540"), 1, DRAINER, TestItems.address("sink-x"), ETHER, 1_700_000_600L);
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertThat(alerts.readValuesToList()).noneMatch(a -> a.address().equals(DRAINER));
    }

    @Test
    void aLabelledCounterpartyIsAReason() {
        final TestInputTopic<String, WalletLabel> labels = driver.createInputTopic(TOPICS.walletLabels(), new StringSerializer(),
                new JsonSerde<>(WalletLabel.class).serializer());
        labels.pipeInput(DRAINER, new WalletLabel(DRAINER, "Fake_Phishing1", "etherscan"));
        block(7, TestItems.hash("b7"));
        tx(TestItems.hash("to-phish"), 7, TestItems.hash("b7"), 0, ALICE, DRAINER, ETHER, 1_700_000_000L);
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertThat(risk().get(ALICE).reasons()).extracting(WalletRisk.Reason::code).contains("LABELLED_COUNTERPARTY");
        assertThat(risk().get(DRAINER).reasons()).extracting(WalletRisk.Reason::code).contains("LABELLED_ADDRESS");
        assertThat(risk().get(DRAINER).alerted()).isTrue();
    }

    @Test
    void anActivatedModelIsTakenUpAndABadOneRefused() {
        final TestInputTopic<String, byte[]> activations = driver.createInputTopic(TOPICS.fraudModel(), new StringSerializer(),
                new ByteArraySerializer());
        activations.pipeInput("fraud", otherModel.pack());
        assertThat(models.current().orElseThrow().card().version()).isEqualTo(otherModel.card().version());
        activations.pipeInput("fraud", new byte[] {1, 2, 3});
        assertThat(models.current().orElseThrow().card().version()).isEqualTo(otherModel.card().version());
    }
}
