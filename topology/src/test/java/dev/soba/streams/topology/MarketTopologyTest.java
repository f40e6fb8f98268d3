package dev.soba.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.processors.market.CandleInterval;
import dev.soba.streams.processors.market.CandleProcessor;
import dev.soba.streams.processors.market.LateRecord;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.JsonSerde;
import dev.soba.streams.schemas.RejectedRecord;
import dev.soba.streams.schemas.market.Candle;
import dev.soba.streams.schemas.market.PoolInfo;
import dev.soba.streams.schemas.market.Swap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import dev.soba.streams.processors.dex.SwapIndexProcessor;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;

class MarketTopologyTest {

    private static final Topics TOPICS = new Topics("");
    private static final String FACTORY = "0x5c69bee701ef814a2b6a3edd4b1652cb9cc5aa6f";
    private static final String USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";
    private static final String WETH = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2";
    private static final String PAIR = "0xb4e16d0168e52d35cacd2c6185b44281ec28c9dc";
    private static final String ROUTER = "0x7a250d5630b4cf539739df2c5dacb4c659f2488d";
    private static final String TRADER = TestItems.address("trader");
    private static final long BLOCK = 19_000_000L;
    private static final long BLOCK_TIME = Instant.parse("2024-01-01T00:00:12Z").getEpochSecond();
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> logs;
    private TestInputTopic<byte[], byte[]> ticks;
    private TestInputTopic<byte[], byte[]> importedCandles;

    @BeforeEach
    void start() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "market-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(SobaTopology.build(PipelineConfig.defaults()), props);
        logs = input(TOPICS.input(ItemType.LOG));
        ticks = input(TOPICS.input(ItemType.MARKET_TICK));
        importedCandles = input(TOPICS.marketCandles());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private TestInputTopic<byte[], byte[]> input(final String topic) {
        return driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private <V> TestOutputTopic<String, V> output(final String topic, final Class<V> type) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new JsonSerde<>(type).deserializer());
    }

    private static void send(final TestInputTopic<byte[], byte[]> topic, final String json) {
        topic.pipeInput(null, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String topic0(final String signature) {
        return Hash.sha3String(signature);
    }

    private static String word(final BigInteger value) {
        final String hex = value.toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    private static String addressWord(final String address) {
        return "0x" + "0".repeat(24) + address.substring(2);
    }

    private static String log(final String address, final List<String> topics, final String data, final String tx,
                              final int logIndex) {
        return """
                {"type": "log", "log_index": %d, "transaction_hash": "%s", "transaction_index": 0, "address": "%s",
                 "data": "%s", "topics": [%s], "block_number": %d, "block_timestamp": %d, "block_hash": "%s"}
                """.formatted(logIndex, tx, address, data,
                String.join(", ", topics.stream().map(t -> '"' + t + '"').toList()), BLOCK, BLOCK_TIME,
                TestItems.hash("block-" + BLOCK));
    }

    private static String tick(final String exchange, final String tradeId, final String price, final String quantity,
                               final Instant time) {
        return """
                {"exchange": "%s", "symbol": "ETH-USDT", "price": "%s", "quantity": "%s", "side": "buy",
                 "trade_id": "%s", "timestamp": %d}
                """.formatted(exchange, price, quantity, tradeId, time.toEpochMilli());
    }

    @Test
    void factoryLogsFillTheRegistryAndV2SwapsDecodeWithTheirSyncInEitherOrder() {
        final TestOutputTopic<String, PoolInfo> pools = output(TOPICS.pools(), PoolInfo.class);
        final TestOutputTopic<String, Swap> swaps = output(TOPICS.swaps(), Swap.class);
        final String tx = TestItems.hash("swap-tx");
        send(logs, log(FACTORY, List.of(topic0("PairCreated(address,address,address,uint256)"), addressWord(USDC),
                addressWord(WETH)), "0x" + word(new BigInteger(PAIR.substring(2), 16)) + word(BigInteger.ONE),
                TestItems.hash("create-tx"), 0));
        assertThat(pools.readValue()).satisfies(pool -> {
            assertThat(pool.address()).isEqualTo(PAIR);
            assertThat(pool.token0()).isEqualTo(USDC);
            assertThat(pool.token1()).isEqualTo(WETH);
        });

        // the Swap arrives before its Sync (another partition of the logs topic)
        final BigInteger usdcIn = BigInteger.valueOf(2_000_000_000L);
        final BigInteger wethOut = new BigInteger("1000000000000000000");
        send(logs, log(PAIR, List.of(topic0("Swap(address,uint256,uint256,uint256,uint256,address)"),
                addressWord(ROUTER), addressWord(TRADER)),
                "0x" + word(usdcIn) + word(BigInteger.ZERO) + word(BigInteger.ZERO) + word(wethOut), tx, 2));
        assertThat(swaps.isEmpty()).as("the swap waits for its Sync").isTrue();
        final BigInteger reserveUsdc = new BigInteger("2000000000000");
        final BigInteger reserveWeth = new BigInteger("1000000000000000000000");
        send(logs, log(PAIR, List.of(topic0("Sync(uint112,uint112)")), "0x" + word(reserveUsdc) + word(reserveWeth), tx, 1));

        final Swap swap = swaps.readValue();
        assertThat(swap.poolAddress()).isEqualTo(PAIR);
        assertThat(swap.protocol()).isEqualTo("uniswap_v2");
        assertThat(swap.resolved()).isTrue();
        assertThat(swap.pair()).isEqualTo("WETH-USDC");
        assertThat(swap.tokenIn()).isEqualTo(USDC);
        assertThat(swap.amountIn()).isEqualTo(usdcIn);
        assertThat(swap.tokenOut()).isEqualTo(WETH);
        assertThat(swap.amountOut()).isEqualTo(wethOut);
        assertThat(swap.reserve0()).isEqualTo(reserveUsdc);
        // 1000 WETH per 2,000,000 USDC after the swap: 0.0005 WETH per USDC
        assertThat(swap.price()).isEqualByComparingTo("0.0005");

        final KeyValueStore<String, Swap> byPool = driver.getKeyValueStore("swaps-by-pool");
        try (KeyValueIterator<String, Swap> range = byPool.range(SwapIndexProcessor.key(PAIR, BLOCK - 10, 0),
                SwapIndexProcessor.key(PAIR, BLOCK + 10, 0))) {
            assertThat(range.next().value.transactionHash()).isEqualTo(tx);
            assertThat(range.hasNext()).isFalse();
        }

        // the swap became a trade: WETH-USDC at 2000 on the pool and, the tokens being well known, on all venues
        final KeyValueStore<String, Candle> minutes = driver.getKeyValueStore(CandleProcessor.storeName(CandleInterval.ONE_MINUTE));
        final long minute = CandleInterval.ONE_MINUTE.windowStart(BLOCK_TIME * 1000);
        final Candle pool = minutes.get(CandleProcessor.candleKey("WETH-USDC", PAIR, minute));
        assertThat(pool.close()).isEqualByComparingTo("2000");
        assertThat(pool.baseVolume()).isEqualByComparingTo("1");
        assertThat(pool.quoteVolume()).isEqualByComparingTo("2000");
        assertThat(minutes.get(CandleProcessor.candleKey("WETH-USDC", "all", minute))).isNotNull();
    }

    @Test
    void aSwapOnAnUnknownPoolIsPublishedUnresolved() {
        final TestOutputTopic<String, Swap> swaps = output(TOPICS.swaps(), Swap.class);
        final String unknownPool = TestItems.address("unknown-pool");
        send(logs, log(unknownPool, List.of(topic0("Swap(address,address,int256,int256,uint160,uint128,int24)"),
                addressWord(ROUTER), addressWord(TRADER)),
                "0x" + word(BigInteger.valueOf(5000)) + word(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.TEN))
                        + word(BigInteger.ONE.shiftLeft(96)) + word(BigInteger.valueOf(777)) + word(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.valueOf(3))),
                TestItems.hash("v3-tx"), 4));
        final Swap swap = swaps.readValue();
        assertThat(swap.resolved()).isFalse();
        assertThat(swap.protocol()).isEqualTo("uniswap_v3");
        assertThat(swap.amount0()).isEqualTo(BigInteger.valueOf(5000));
        assertThat(swap.amount1()).isEqualTo(BigInteger.valueOf(-10));
        assertThat(swap.tick()).isEqualTo(-3);
        assertThat(swap.pair()).isNull();
    }

    @Test
    void ticksMakeCandlesInEventTimeAndLateOnesAreReported() {
        final TestOutputTopic<String, Candle> finals = output(TOPICS.candles(), Candle.class);
        final TestOutputTopic<String, LateRecord> late = output(TOPICS.lateTrades(), LateRecord.class);
        send(ticks, tick("binance", "1", "100", "1", T0.plusSeconds(10)));
        send(ticks, tick("binance", "2", "110", "1", T0.plusSeconds(20)));
        send(ticks, tick("binance", "3", "90", "1", T0.plusSeconds(5)));
        send(ticks, tick("binance", "3", "90", "1", T0.plusSeconds(5)));   // a re-send: dropped upstream
        assertThat(finals.isEmpty()).isTrue();

        final KeyValueStore<String, Candle> minutes = driver.getKeyValueStore(CandleProcessor.storeName(CandleInterval.ONE_MINUTE));
        final Candle live = minutes.get(CandleProcessor.candleKey("ETH-USDT", "binance", T0.toEpochMilli()));
        assertThat(live.closed()).isFalse();
        assertThat(live.open()).isEqualByComparingTo("90");
        assertThat(live.close()).isEqualByComparingTo("110");
        assertThat(live.tradeCount()).isEqualTo(3);

        // two minutes later the first minute (end 00:01 + 30 s grace) is final, for the venue and for all venues
        send(ticks, tick("binance", "4", "120", "2", T0.plusSeconds(130)));
        final List<Candle> closed = finals.readValuesToList().stream()
                .filter(c -> c.interval().equals("1m") && c.openTime() == T0.toEpochMilli()).toList();
        assertThat(closed).extracting(Candle::venue).containsExactlyInAnyOrder("binance", "all");
        assertThat(closed).allSatisfy(c -> {
            assertThat(c.closed()).isTrue();
            assertThat(c.open()).isEqualByComparingTo("90");
            assertThat(c.high()).isEqualByComparingTo("110");
            assertThat(c.low()).isEqualByComparingTo("90");
            assertThat(c.close()).isEqualByComparingTo("110");
            assertThat(c.baseVolume()).isEqualByComparingTo("3");
            assertThat(c.quoteVolume()).isEqualByComparingTo("300");
            assertThat(c.vwap()).isEqualByComparingTo("100");
        });

        // a trade for that minute now still reaches it: the final candle is corrected and the correction published,
        // and it counts in the open 5m and 1h windows as well
        final TestOutputTopic<String, Candle> published = output(TOPICS.candles(), Candle.class);
        send(ticks, tick("binance", "5", "1", "1", T0.plusSeconds(30)));
        assertThat(late.isEmpty()).isTrue();
        final List<TestRecord<String, Candle>> corrections = published.readRecordsToList();
        assertThat(corrections).extracting(r -> r.value().venue()).containsExactlyInAnyOrder("binance", "all");
        assertThat(corrections).allSatisfy(r -> {
            assertThat(new String(r.headers().lastHeader(CandleProcessor.STATUS_HEADER).value(), StandardCharsets.UTF_8))
                    .isEqualTo(CandleProcessor.CORRECTION);
            assertThat(r.value().closed()).isTrue();
            assertThat(r.value().tradeCount()).isEqualTo(4);
            assertThat(r.value().low()).isEqualByComparingTo("1");
        });
        assertThat(minutes.get(CandleProcessor.candleKey("ETH-USDT", "all", T0.toEpochMilli())).tradeCount()).isEqualTo(4);
        final KeyValueStore<String, Candle> fives = driver.getKeyValueStore(CandleProcessor.storeName(CandleInterval.FIVE_MINUTES));
        assertThat(fives.get(CandleProcessor.candleKey("ETH-USDT", "binance", T0.toEpochMilli())).low())
                .isEqualByComparingTo("1");
        // another exchange's clock is its own: its old trade makes kraken's minute, and corrects the
        // cross-venue minute, which was final already
        send(ticks, tick("kraken", "k1", "95", "1", T0.plusSeconds(40)));
        assertThat(late.isEmpty()).isTrue();
        assertThat(published.readValuesToList()).extracting(Candle::venue, Candle::tradeCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("all", 5L));
        assertThat(minutes.get(CandleProcessor.candleKey("ETH-USDT", "kraken", T0.toEpochMilli())).close())
                .isEqualByComparingTo("95");

        // only input older than the store's retention is late, with the reason
        send(ticks, tick("binance", "6", "100", "1", T0.minus(MarketConfig.defaultRetention(CandleInterval.ONE_MINUTE))
                .minusSeconds(3_600)));
        assertThat(late.readValuesToList()).extracting(LateRecord::reason).isNotEmpty()
                .allSatisfy(reason -> assertThat(reason).contains("retention"));
    }

    @Test
    void importedMinuteCandlesRollUpOnceAndBadOnesAreRejected() {
        final TestOutputTopic<String, RejectedRecord> rejected = output(TOPICS.rejected(), RejectedRecord.class);
        for (int minute = 0; minute < 5; minute++) {
            final long open = T0.plusSeconds(60L * minute).toEpochMilli();
            final String candle = """
                    {"venue": "bybit", "pair": "ETH-USDT", "interval": "1m", "open_time": %d, "close_time": %d,
                     "open": "%d", "high": "%d", "low": "%d", "close": "%d", "base_volume": "10",
                     "trade_count": 0, "first_trade_time": %d, "last_trade_time": %d, "closed": true}
                    """.formatted(open, open + 60_000, 100 + minute, 105 + minute, 95 + minute, 101 + minute, open, open + 59_999);
            send(importedCandles, candle);
            send(importedCandles, candle);   // imported twice: counted once
        }
        final KeyValueStore<String, Candle> fives = driver.getKeyValueStore(CandleProcessor.storeName(CandleInterval.FIVE_MINUTES));
        final Candle five = fives.get(CandleProcessor.candleKey("ETH-USDT", "bybit", T0.toEpochMilli()));
        assertThat(five.open()).isEqualByComparingTo("100");
        assertThat(five.close()).isEqualByComparingTo("105");
        assertThat(five.high()).isEqualByComparingTo("109");
        assertThat(five.low()).isEqualByComparingTo("95");
        assertThat(five.baseVolume()).isEqualByComparingTo(BigDecimal.valueOf(50));
        assertThat(five.quoteVolume()).isNull();

        send(importedCandles, "{\"venue\": \"bybit\", \"pair\": \"eth/usdt\", \"interval\": \"1m\"}");
        final RejectedRecord rejection = rejected.readValue();
        assertThat(rejection.sourceTopic()).isEqualTo(TOPICS.marketCandles());
        assertThat(rejection.violations()).extracting(v -> v.field()).contains("open_time", "open", "base_volume");
    }

    @Test
    void importedHistoryAfterALiveFeedRanReachesTheCrossVenueCandlesNotLateTrades() {
        final TestOutputTopic<String, LateRecord> late = output(TOPICS.lateTrades(), LateRecord.class);
        // the live feed is a day ahead of the history
        send(ticks, tick("binance", "live-1", "2000", "1", T0.plus(java.time.Duration.ofDays(1))));
        send(ticks, tick("binance", "live-2", "2001", "1", T0.plus(java.time.Duration.ofDays(1)).plusSeconds(120)));
        for (int minute = 0; minute < 5; minute++) {
            final long open = T0.plusSeconds(60L * minute).toEpochMilli();
            send(importedCandles, """
                    {"venue": "bybit", "pair": "ETH-USDT", "interval": "1m", "open_time": %d, "close_time": %d,
                     "open": "%d", "high": "%d", "low": "%d", "close": "%d", "base_volume": "10",
                     "trade_count": 3, "first_trade_time": %d, "last_trade_time": %d, "closed": true}
                    """.formatted(open, open + 60_000, 100 + minute, 105 + minute, 95 + minute, 101 + minute, open, open + 59_999));
        }
        assertThat(late.isEmpty()).as("nothing of the history is late").isTrue();
        final KeyValueStore<String, Candle> fives = driver.getKeyValueStore(CandleProcessor.storeName(CandleInterval.FIVE_MINUTES));
        final Candle all = fives.get(CandleProcessor.candleKey("ETH-USDT", "all", T0.toEpochMilli()));
        assertThat(all.tradeCount()).isEqualTo(15);
        assertThat(all.baseVolume()).isEqualByComparingTo("50");
        assertThat(all.open()).isEqualByComparingTo("100");
        assertThat(all.close()).isEqualByComparingTo("105");
        assertThat(all.closed()).as("final on arrival: the live feed is past it").isTrue();
    }
}
