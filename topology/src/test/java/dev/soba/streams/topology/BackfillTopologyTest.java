package dev.soba.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.processors.mev.MevBlockFindings;
import dev.soba.streams.processors.mev.SandwichBlock;
import dev.soba.streams.processors.mev.TestBlock;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.JsonSerde;
import dev.soba.streams.schemas.market.Candle;
import dev.soba.streams.schemas.mev.MevKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backfill: a live feed runs first (blocks far above, ticks a day ahead), then older history arrives.
 * The history's MEV findings and candles (the last published version of each window, every venue
 * and the cross-venue {@code all}) equal those of the history processed alone.
 */
class BackfillTopologyTest {

    private static final Topics TOPICS = new Topics("");
    private static final Instant HISTORY = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant LIVE = HISTORY.plus(Duration.ofDays(1));

    @TempDir
    Path stateDir;

    /** What a run leaves for the history: its block's findings and its windows' last published candles. */
    private record Outcome(Object findings, Map<String, Candle> candles) {
    }

    private Outcome run(final boolean liveFirst, final String name) {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "backfill-" + name);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(name).toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(SobaTopology.build(PipelineConfig.defaults()), props)) {
            final TestOutputTopic<String, Candle> published = driver.createOutputTopic(TOPICS.candles(),
                    new StringDeserializer(), new JsonSerde<>(Candle.class).deserializer());
            if (liveFirst) {
                for (long n = TestBlock.NUMBER + 50_000; n < TestBlock.NUMBER + 50_070; n++) {
                    send(driver, ItemType.BLOCK, TestItems.block(n, TestItems.hash("live-" + n), TestItems.hash("live-" + (n - 1)), 0));
                    driver.advanceWallClockTime(Duration.ofSeconds(1));
                }
                for (int s = 0; s < 300; s += 30) {
                    send(driver, ItemType.MARKET_TICK, tick("binance", "live-" + s, 2000 + s % 7, LIVE.plusSeconds(s)));
                }
                driver.advanceWallClockTime(Duration.ofSeconds(11));
            }
            // the history: a block with a sandwich, and five minutes of two exchanges' trades
            final TestBlock block = SandwichBlock.build();
            send(driver, ItemType.BLOCK, TestItems.block(TestBlock.NUMBER, TestBlock.HASH, TestItems.hash("parent"),
                    block.transactionCount()));
            block.transactionJson().forEach(json -> send(driver, ItemType.TRANSACTION, json));
            block.traceJson().forEach(json -> send(driver, ItemType.TRACE, json));
            for (int s = 0; s < 300; s += 10) {
                send(driver, ItemType.MARKET_TICK, tick("binance", "h-" + s, 100 + s % 11, HISTORY.plusSeconds(s)));
                send(driver, ItemType.MARKET_TICK, tick("kraken", "k-" + s, 99 + s % 5, HISTORY.plusSeconds(s + 1)));
            }
            driver.advanceWallClockTime(Duration.ofSeconds(3));
            driver.advanceWallClockTime(Duration.ofSeconds(11));
            final Map<String, Candle> candles = new TreeMap<>();
            published.readValuesToList().stream()
                    .filter(c -> c.openTime() < LIVE.toEpochMilli())
                    .forEach(c -> candles.put(c.venue() + "|" + c.interval() + "|" + c.openTime(), c));
            final MevBlockFindings findings = driver.<String, MevBlockFindings>getKeyValueStore(StoreNames.MEV_BY_BLOCK)
                    .get(Long.toString(TestBlock.NUMBER));
            return new Outcome(findings == null ? List.of() : findings.findings(), candles);
        }
    }

    @Test
    void historyAfterALiveFeedGivesTheFindingsAndCandlesOfTheHistoryAlone() {
        final Outcome alone = run(false, "alone");
        final Outcome backfilled = run(true, "backfilled");
        assertThat(alone.findings()).asList().extracting(f -> ((dev.soba.streams.schemas.mev.MevFinding) f).kind())
                .containsExactly(MevKind.SANDWICH);
        assertThat(alone.candles()).containsKeys("all|1m|" + HISTORY.toEpochMilli(), "binance|1m|" + HISTORY.toEpochMilli(),
                "kraken|1m|" + HISTORY.toEpochMilli());
        assertThat(backfilled.findings()).isEqualTo(alone.findings());
        // alone, the last minutes are not final yet (nothing later came); backfilled, the live feed made them final
        final Map<String, Candle> finalInBoth = new TreeMap<>(backfilled.candles());
        finalInBoth.keySet().retainAll(alone.candles().keySet());
        assertThat(finalInBoth).isEqualTo(alone.candles());
        assertThat(backfilled.candles().get("all|1m|" + HISTORY.toEpochMilli()).tradeCount()).isEqualTo(12);
    }

    private static String tick(final String exchange, final String tradeId, final int price, final Instant time) {
        return """
                {"exchange": "%s", "symbol": "ETH-USDT", "price": "%d", "quantity": "1", "side": "buy",
                 "trade_id": "%s", "timestamp": %d}
                """.formatted(exchange, price, tradeId, time.toEpochMilli());
    }

    private static void send(final TopologyTestDriver driver, final ItemType type, final String json) {
        driver.createInputTopic(TOPICS.input(type), new ByteArraySerializer(), new ByteArraySerializer())
                .pipeInput(null, json.getBytes(StandardCharsets.UTF_8));
    }
}
