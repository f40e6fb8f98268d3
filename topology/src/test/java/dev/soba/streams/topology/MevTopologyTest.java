package dev.soba.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.processors.mev.Addresses;
import dev.soba.streams.processors.mev.MevBlockFindings;
import dev.soba.streams.processors.mev.MevKeys;
import dev.soba.streams.processors.mev.MevOutput;
import dev.soba.streams.processors.mev.SandwichBlock;
import dev.soba.streams.processors.mev.TestBlock;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.JsonSerde;
import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.schemas.mev.MevKind;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MevTopologyTest {

    private static final Topics TOPICS = new Topics("");
    private static final String KEY = Long.toString(TestBlock.NUMBER);

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestOutputTopic<String, MevFinding> alerts;

    @BeforeEach
    void start() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "mev-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(SobaTopology.build(PipelineConfig.defaults()), props);
        alerts = driver.createOutputTopic(TOPICS.mevAlerts(), new StringDeserializer(),
                new JsonSerde<>(MevFinding.class).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(final ItemType type, final String json) {
        final TestInputTopic<byte[], byte[]> topic = driver.createInputTopic(TOPICS.input(type),
                new ByteArraySerializer(), new ByteArraySerializer());
        topic.pipeInput(null, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String status(final TestRecord<String, MevFinding> record) {
        return new String(record.headers().lastHeader(MevOutput.STATUS_HEADER).value(), StandardCharsets.UTF_8);
    }

    private List<KeyValue<String, MevFinding>> searcherFindings(final String searcher) {
        final KeyValueStore<String, MevFinding> store = driver.getKeyValueStore(StoreNames.MEV_BY_SEARCHER);
        final List<KeyValue<String, MevFinding>> found = new ArrayList<>();
        try (KeyValueIterator<String, MevFinding> range = store.prefixScan(MevKeys.searcherPrefix(searcher),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            range.forEachRemaining(found::add);
        }
        return found;
    }

    @Test
    void aCompleteBlockIsAnalysedAfterTheQuietPeriodAndAReorgRetractsItsFindings() {
        final TestBlock block = SandwichBlock.build();
        send(ItemType.BLOCK, TestItems.block(TestBlock.NUMBER, TestBlock.HASH, TestItems.hash("parent"),
                block.transactionCount()));
        block.transactionJson().forEach(json -> send(ItemType.TRANSACTION, json));
        block.traceJson().forEach(json -> send(ItemType.TRACE, json));

        driver.advanceWallClockTime(Duration.ofMillis(500));
        assertThat(alerts.isEmpty()).as("not analysed before the quiet period").isTrue();

        driver.advanceWallClockTime(Duration.ofSeconds(3));
        final List<TestRecord<String, MevFinding>> published = alerts.readRecordsToList();
        assertThat(published).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(KEY);
            assertThat(status(record)).isEqualTo("new");
            assertThat(record.value().kind()).isEqualTo(MevKind.SANDWICH);
            assertThat(record.value().searcherAddress()).isEqualTo(Addresses.BOT);
            assertThat(record.value().poolAddress()).isEqualTo(Addresses.PAIR);
            assertThat(record.value().profitAmount()).isEqualTo(BigInteger.valueOf(8));
            assertThat(record.value().victimTransactionHashes()).containsExactly(TestItems.hash("tx-victim"));
        });
        final KeyValueStore<String, MevBlockFindings> byBlock = driver.getKeyValueStore(StoreNames.MEV_BY_BLOCK);
        assertThat(byBlock.get(KEY).findings()).containsExactly(published.get(0).value());
        assertThat(byBlock.get(KEY).blockHash()).isEqualTo(TestBlock.HASH);
        assertThat(searcherFindings(Addresses.BOT)).singleElement().satisfies(kv -> {
            assertThat(kv.key).startsWith(Addresses.BOT + "|00000000000015000000|" + TestItems.hash("tx-front"));
            assertThat(kv.value).isEqualTo(published.get(0).value());
        });

        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(alerts.isEmpty()).as("analysed once").isTrue();

        // Another block at the same height: the sandwich's block is orphaned, its finding withdrawn.
        send(ItemType.BLOCK, TestItems.block(TestBlock.NUMBER, TestItems.hash("replacement"), TestItems.hash("parent"), 0));
        assertThat(alerts.readRecordsToList()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(KEY);
            assertThat(status(record)).isEqualTo("retraction");
            assertThat(record.value()).isEqualTo(published.get(0).value());
        });
        assertThat(byBlock.get(KEY)).isNull();
        assertThat(searcherFindings(Addresses.BOT)).isEmpty();

        driver.advanceWallClockTime(Duration.ofSeconds(3));
        assertThat(alerts.isEmpty()).as("the replacement block has no MEV").isTrue();
    }

    @Test
    void aLateTraceReRunsTheAnalysisAndPublishesACorrection() {
        final TestBlock block = SandwichBlock.build();
        final List<String> traces = block.traceJson();
        send(ItemType.BLOCK, TestItems.block(TestBlock.NUMBER, TestBlock.HASH, TestItems.hash("parent"),
                block.transactionCount()));
        block.transactionJson().forEach(json -> send(ItemType.TRANSACTION, json));
        // The back-run's traces come late: first analysis sees no sandwich.
        traces.subList(0, 8).forEach(json -> send(ItemType.TRACE, json));
        driver.advanceWallClockTime(Duration.ofSeconds(3));
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(driver.<String, MevBlockFindings>getKeyValueStore(StoreNames.MEV_BY_BLOCK).get(KEY)).isNull();

        traces.subList(8, traces.size()).forEach(json -> send(ItemType.TRACE, json));
        driver.advanceWallClockTime(Duration.ofSeconds(3));
        assertThat(alerts.readRecordsToList()).singleElement().satisfies(record -> {
            assertThat(status(record)).isEqualTo("correction");
            assertThat(record.value().kind()).isEqualTo(MevKind.SANDWICH);
        });
        assertThat(searcherFindings(Addresses.BOT)).hasSize(1);
    }

    @Test
    void assembliesBehindTheLastKeepBlocksHeightsAreDroppedOnceQuietForTheTimeoutAndTheirLateItemsIgnored() {
        final TestBlock block = SandwichBlock.build();
        send(ItemType.BLOCK, TestItems.block(TestBlock.NUMBER, TestBlock.HASH, TestItems.hash("parent"),
                block.transactionCount()));
        block.transactionJson().forEach(json -> send(ItemType.TRANSACTION, json));
        block.traceJson().forEach(json -> send(ItemType.TRACE, json));
        driver.advanceWallClockTime(Duration.ofSeconds(3));
        assertThat(alerts.readRecordsToList()).hasSize(1);
        final KeyValueStore<Long, Object> assemblies = driver.getKeyValueStore(StoreNames.MEV_ASSEMBLIES);
        assertThat(assemblies.get(TestBlock.NUMBER)).isNotNull();

        final long later = TestBlock.NUMBER + 64;
        send(ItemType.BLOCK, TestItems.block(later, TestItems.hash("later"), TestItems.hash("later-parent"), 0));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(assemblies.get(TestBlock.NUMBER)).as("behind, but its last item is not 10 s old yet").isNotNull();
        driver.advanceWallClockTime(Duration.ofSeconds(6));
        assertThat(assemblies.get(TestBlock.NUMBER)).as("pruned").isNull();
        assertThat(assemblies.get(later)).isNotNull();
        assertThat(driver.<String, MevBlockFindings>getKeyValueStore(StoreNames.MEV_BY_BLOCK).get(KEY))
                .as("findings outlive the assembly").isNotNull();
        assertThat(alerts.isEmpty()).isTrue();

        // an item of the pruned block: too late, no fragment is analysed over the good findings
        send(ItemType.TRANSACTION, TestItems.transaction(TestItems.hash("tx-late"), TestBlock.NUMBER, TestBlock.HASH, 9,
                TestItems.address("late-from"), TestItems.address("late-to"), BigInteger.ONE));
        driver.advanceWallClockTime(Duration.ofSeconds(11));
        assertThat(assemblies.get(TestBlock.NUMBER)).isNull();
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(driver.<String, MevBlockFindings>getKeyValueStore(StoreNames.MEV_BY_BLOCK).get(KEY)).isNotNull();
    }

    @Test
    void inABacklogTheTracesOfABlockFarBehindTheNewestBlockRecordStillCount() {
        // Working through a backlog, block records (small, on their own partitions) run far ahead of the
        // traces of older blocks: those traces must still reach their block's assembly.
        final TestBlock block = SandwichBlock.build();
        send(ItemType.BLOCK, TestItems.block(TestBlock.NUMBER, TestBlock.HASH, TestItems.hash("parent"),
                block.transactionCount()));
        block.transactionJson().forEach(json -> send(ItemType.TRANSACTION, json));
        for (int ahead = 1; ahead <= 200; ahead++) {
            send(ItemType.BLOCK, TestItems.block(TestBlock.NUMBER + ahead, TestItems.hash("ahead-" + ahead),
                    TestItems.hash("ahead-parent-" + ahead), 0));
        }
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        block.traceJson().forEach(json -> send(ItemType.TRACE, json));
        driver.advanceWallClockTime(Duration.ofSeconds(3));
        final List<TestRecord<String, MevFinding>> published = alerts.readRecordsToList().stream()
                .filter(record -> record.key().equals(KEY)).toList();
        assertThat(published).isNotEmpty();
        assertThat(published.get(published.size() - 1).value().kind()).isEqualTo(MevKind.SANDWICH);
        assertThat(driver.<String, MevBlockFindings>getKeyValueStore(StoreNames.MEV_BY_BLOCK).get(KEY).findings())
                .singleElement().satisfies(finding -> assertThat(finding.kind()).isEqualTo(MevKind.SANDWICH));
    }

    @Test
    void aBlockFarBelowALiveFeedThatRanAndWasForgottenIsStillAnalysedWhenItsItemsCome() {
        // a live feed well above the block: assembled, analysed, let go (its heights are remembered as one range)
        final long head = TestBlock.NUMBER + 10_000;
        for (long n = head; n < head + 70; n++) {
            send(ItemType.BLOCK, TestItems.block(n, TestItems.hash("live-" + n), TestItems.hash("live-" + (n - 1)), 0));
            driver.advanceWallClockTime(Duration.ofSeconds(1));
        }
        driver.advanceWallClockTime(Duration.ofSeconds(11));
        final KeyValueStore<Long, Object> assemblies = driver.getKeyValueStore(StoreNames.MEV_ASSEMBLIES);
        assertThat(assemblies.get(head)).as("the live feed's oldest blocks were let go").isNull();
        final KeyValueStore<Long, Long> forgotten = driver.getKeyValueStore(StoreNames.MEV_FORGOTTEN);
        assertThat(forgotten.get(head)).as("one range of forgotten heights").isNotNull().isLessThan(head + 70);

        // then history, 10,000 blocks below the head
        final TestBlock block = SandwichBlock.build();
        send(ItemType.BLOCK, TestItems.block(TestBlock.NUMBER, TestBlock.HASH, TestItems.hash("parent"),
                block.transactionCount()));
        block.transactionJson().forEach(json -> send(ItemType.TRANSACTION, json));
        block.traceJson().forEach(json -> send(ItemType.TRACE, json));
        driver.advanceWallClockTime(Duration.ofSeconds(3));
        assertThat(alerts.readRecordsToList()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(KEY);
            assertThat(status(record)).isEqualTo("new");
            assertThat(record.value().kind()).isEqualTo(MevKind.SANDWICH);
        });
        driver.advanceWallClockTime(Duration.ofSeconds(11));
        assertThat(assemblies.get(TestBlock.NUMBER)).as("let go in its turn").isNull();
        assertThat(driver.<String, MevBlockFindings>getKeyValueStore(StoreNames.MEV_BY_BLOCK).get(KEY).findings())
                .singleElement().satisfies(finding -> assertThat(finding.kind()).isEqualTo(MevKind.SANDWICH));
        final double tooLate = metric("mev-items-too-late-total");
        send(ItemType.TRANSACTION, TestItems.transaction(TestItems.hash("tx-late"), TestBlock.NUMBER, TestBlock.HASH, 9,
                TestItems.address("late-from"), TestItems.address("late-to"), BigInteger.ONE));
        assertThat(metric("mev-items-too-late-total")).as("an item of a forgotten block is counted").isEqualTo(tooLate + 1);
    }

    private double metric(final String name) {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
    }
}
