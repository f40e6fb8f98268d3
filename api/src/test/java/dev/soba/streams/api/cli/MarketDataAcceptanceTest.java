package dev.soba.streams.api.cli;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.testing.RealServersResource;
import dev.soba.streams.cli.PoolsCommand;
import dev.soba.streams.cli.ReplayCommand;
import dev.soba.streams.schemas.Json;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Market data from real files through the real broker, compared with what the test computes
 * directly from the same files: a day of the Uniswap V3 USDC/WETH 0.05% pool (raw logs →
 * ethereum-etl log items → replay → swaps → one-minute candles) and a month of Bybit ETH-USDT
 * one-minute candles (replay → 5m and 1h candles). Reads {@code -Dsoba.data} at run time.
 */
@QuarkusTest
@WithTestResource(RealServersResource.class)
@TestProfile(MarketDataAcceptanceTest.HistoricalReplay.class)
class MarketDataAcceptanceTest {

    /**
     * A day of swaps replayed in seconds: ethereum-etl's logs are unkeyed, so the input partitions
     * drift apart by hours of event time, far beyond the live default grace of 30 s. History
     * replayed that fast needs a grace that covers the file, as an operator would configure it.
     */
    public static class HistoricalReplay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("soba.market.candle-grace", "P2D");
        }
    }

    // a month of minutes through the whole pipeline: about a minute on 2 idle cores, several on busy ones
    private static final Duration PATIENCE = Duration.ofMinutes(8);
    private static final String POOL = "0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640";
    private static final String USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";
    private static final String WETH = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2";
    private static final Pattern RAW_ROW = Pattern.compile(
            "^(\\d+),([^,]+),(0x[0-9a-f]{64}),(\\d+),(\\d+),\"(.*)\",(0x[0-9a-f]*)$");
    private static final Pattern TOPIC = Pattern.compile("0x[0-9a-f]{64}");
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal Q96 = new BigDecimal(BigInteger.ONE.shiftLeft(96));

    @Inject
    ApiKeys keys;

    @TempDir
    Path scratch;

    private static long epochSeconds(final String csvTime) {
        return LocalDateTime.parse(csvTime.replace("+00:00", ""), CSV_TIME).toEpochSecond(ZoneOffset.UTC);
    }

    /** The raw logs as ethereum-etl log items (the block hash is not in the file: one is made per block). */
    private Path rawLogsAsEthereumEtl(final Path raw) throws IOException {
        final List<String> items = new ArrayList<>();
        final List<String> lines = Files.readAllLines(raw, StandardCharsets.UTF_8);
        for (final String line : lines.subList(1, lines.size())) {
            final Matcher row = RAW_ROW.matcher(line);
            assertThat(row.matches()).as("raw log row: " + line).isTrue();
            final List<String> topics = new ArrayList<>();
            final Matcher topic = TOPIC.matcher(row.group(6));
            while (topic.find()) {
                topics.add('"' + topic.group() + '"');
            }
            final String blockHash = "0x" + String.format("%064x", Long.parseLong(row.group(1)));
            items.add("""
                    {"type": "log", "log_index": %s, "transaction_hash": "%s", "transaction_index": %s, "address": "%s", \
                    "data": "%s", "topics": [%s], "block_number": %s, "block_timestamp": %d, "block_hash": "%s"}"""
                    .formatted(row.group(5), row.group(3), row.group(4), POOL, row.group(7), String.join(", ", topics),
                            row.group(1), epochSeconds(row.group(2)), blockHash));
        }
        final Path file = scratch.resolve("pool-logs.json");
        Files.write(file, items, StandardCharsets.UTF_8);
        return file;
    }

    /** One-minute candles computed here, directly from the decoded reference file, in chain order. */
    private static Map<Long, Expected> minutesFromTickFile(final Path tickCsv) throws IOException {
        final Map<Long, Expected> minutes = new TreeMap<>();
        final List<String> lines = Files.readAllLines(tickCsv, StandardCharsets.UTF_8);
        final List<String> header = List.of(lines.get(0).split(","));
        final int type = header.indexOf("tx_type");
        final int time = header.indexOf("block_timestamp");
        final int amount0 = header.indexOf("amount0");
        final int amount1 = header.indexOf("amount1");
        final int sqrt = header.indexOf("sqrtPriceX96");
        for (final String line : lines.subList(1, lines.size())) {
            final String[] f = line.split(",", -1);
            if (!"SWAP".equals(f[type])) {
                continue;
            }
            // WETH per USDC = (sqrtP / 2^96)^2 × 10^(6−18); the WETH-USDC price is its inverse
            final BigDecimal ratio = new BigDecimal(new BigInteger(f[sqrt])).divide(Q96, MC).pow(2, MC).scaleByPowerOfTen(-12);
            final BigDecimal price = BigDecimal.ONE.divide(ratio, MC);
            final BigDecimal weth = new BigDecimal(new BigInteger(f[amount1]).abs(), 18);
            final BigDecimal usdc = new BigDecimal(new BigInteger(f[amount0]).abs(), 6);
            final long minute = epochSeconds(f[time]) / 60 * 60_000;
            minutes.computeIfAbsent(minute, m -> new Expected()).add(price, weth, usdc);
        }
        return minutes;
    }

    /** A candle computed by the test: rows arrive in chain order. */
    private static final class Expected {
        BigDecimal open;
        BigDecimal high;
        BigDecimal low;
        BigDecimal close;
        BigDecimal base = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;
        int count;

        void add(final BigDecimal price, final BigDecimal baseAmount, final BigDecimal quoteAmount) {
            open = open == null ? price : open;
            high = high == null || price.compareTo(high) > 0 ? price : high;
            low = low == null || price.compareTo(low) < 0 ? price : low;
            close = price;
            base = base.add(baseAmount);
            quote = quote.add(quoteAmount);
            count++;
        }

        void merge(final Expected later) {
            open = open == null ? later.open : open;
            high = high == null || later.high.compareTo(high) > 0 ? later.high : high;
            low = low == null || later.low.compareTo(low) < 0 ? later.low : low;
            close = later.close;
            base = base.add(later.base);
            quote = quote.add(later.quote);
            count += later.count;
        }
    }

    private static List<JsonNode> candles(final String key, final String pair, final String venue, final String interval,
                                          final long from, final long to) {
        final JsonNode answer = Json.tree(given().auth().oauth2(key)
                .queryParam("pair", pair).queryParam("venue", venue).queryParam("interval", interval)
                .queryParam("from", from).queryParam("to", to)
                .get("/api/v1/data/aggregate-market-data").then().statusCode(200).extract().asByteArray());
        final List<JsonNode> list = new ArrayList<>();
        answer.get("candles").forEach(list::add);
        return list;
    }

    /** Prices agree to 25 significant digits (both sides compute with 34); volumes exactly. */
    private static void assertCandle(final JsonNode served, final Expected expected, final boolean exactPrices) {
        final BigDecimal tolerance = exactPrices ? BigDecimal.ZERO : expected.close.abs().movePointLeft(25);
        assertThat(new BigDecimal(served.get("open").asText())).isCloseTo(expected.open, org.assertj.core.data.Offset.offset(tolerance));
        assertThat(new BigDecimal(served.get("high").asText())).isCloseTo(expected.high, org.assertj.core.data.Offset.offset(tolerance));
        assertThat(new BigDecimal(served.get("low").asText())).isCloseTo(expected.low, org.assertj.core.data.Offset.offset(tolerance));
        assertThat(new BigDecimal(served.get("close").asText())).isCloseTo(expected.close, org.assertj.core.data.Offset.offset(tolerance));
        assertThat(new BigDecimal(served.get("base_volume").asText())).isEqualByComparingTo(expected.base);
    }

    @Test
    void aDayOfTheUsdcWethPoolDecodesIntoTheSameOneMinuteCandlesAsTheReferenceFile() throws Exception {
        final String key = keys.store().create("acceptance-market", Set.of("read")).await().atMost(Duration.ofSeconds(10)).secret();
        final Path folder = AcceptanceSupport.data().resolve("uniswap-v3");
        final Path pools = scratch.resolve("pools.csv");
        Files.writeString(pools, "pool,protocol,token0,token1,fee,token0_symbol,token1_symbol,token0_decimals,token1_decimals\n"
                + POOL + ",uniswap_v3," + USDC + "," + WETH + ",500,USDC,WETH,6,18\n", StandardCharsets.UTF_8);
        assertThat(AcceptanceSupport.onTestBroker(PoolsCommand::run, "import", pools.toString())).isZero();
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(key).get("/api/v1/pools/{a}", POOL)
                .then().statusCode(200));

        final Path logs = rawLogsAsEthereumEtl(folder.resolve("ethereum-" + POOL + "-2024-01-05.raw.csv"));
        assertThat(AcceptanceSupport.onTestBroker(ReplayCommand::run, logs.toString())).isZero();

        final Map<Long, Expected> expected = minutesFromTickFile(folder.resolve("ethereum-" + POOL + "-2024-01-05.pool.tick.csv"));
        final int swaps = expected.values().stream().mapToInt(e -> e.count).sum();
        assertThat(swaps).isEqualTo(6046);
        final long first = expected.keySet().iterator().next();
        final long last = ((TreeMap<Long, Expected>) expected).lastKey();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(candles(key, "WETH-USDC", POOL, "1m", first, last)
                .stream().mapToInt(c -> c.get("trade_count").asInt()).sum()).isEqualTo(swaps));

        final List<JsonNode> served = candles(key, "WETH-USDC", POOL, "1m", first, last);
        assertThat(served).hasSize(expected.size());
        for (final JsonNode candle : served) {
            final Expected want = expected.get(candle.get("open_time").asLong());
            assertThat(want).as("a minute with swaps at " + candle.get("open_time")).isNotNull();
            assertCandle(candle, want, false);
            assertThat(new BigDecimal(candle.get("quote_volume").asText())).isEqualByComparingTo(want.quote);
            assertThat(candle.get("trade_count").asInt()).isEqualTo(want.count);
        }
        // every swap was also published with its decoded values, queryable by block range
        final JsonNode one = Json.tree(given().auth().oauth2(key).queryParam("pool", POOL)
                .queryParam("from_block", 18937382).queryParam("to_block", 18937382)
                .get("/api/v1/dex/swaps").then().statusCode(200).extract().asByteArray());
        assertThat(one.get("swaps").get(0).get("amount0").asText()).isEqualTo("-22686110");
        assertThat(one.get("swaps").get(0).get("sqrt_price_x96").asText()).isEqualTo("1662995104975155420368771254341874");
    }

    @Test
    void aMonthOfOneMinuteCandlesImportsAndRollsUpLikeADirectAggregation() throws Exception {
        final String key = keys.store().create("acceptance-candles", Set.of("read")).await().atMost(Duration.ofSeconds(10)).secret();
        final Path csv;
        try (var files = Files.list(AcceptanceSupport.data().resolve("market"))) {
            csv = files.filter(p -> p.getFileName().toString().startsWith("bybit_linear_ETHUSDT_1m")).findFirst().orElseThrow();
        }
        assertThat(AcceptanceSupport.onTestBroker(ReplayCommand::run, csv.toString(), "--venue", "bybit")).isZero();

        final TreeMap<Long, Expected> minutes = new TreeMap<>();
        final List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (final String line : lines.subList(1, lines.size())) {
            final String[] f = line.split(",");
            final Expected minute = new Expected();
            minute.open = new BigDecimal(f[1]);
            minute.high = new BigDecimal(f[2]);
            minute.low = new BigDecimal(f[3]);
            minute.close = new BigDecimal(f[4]);
            minute.base = new BigDecimal(f[5]);
            minutes.put(epochSeconds(f[0]) * 1000, minute);
        }
        assertThat(minutes).hasSize(43_200);
        for (final String interval : List.of("5m", "1h")) {
            final long length = interval.equals("5m") ? 300_000 : 3_600_000;
            final TreeMap<Long, Expected> direct = new TreeMap<>();
            minutes.forEach((open, minute) -> direct.computeIfAbsent(open / length * length, w -> new Expected()).merge(minute));
            final long first = direct.firstKey();
            final long last = direct.lastKey();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(candles(key, "ETH-USDT", "bybit", interval,
                    Math.max(first, last - 4000 * length), last)).isNotEmpty()
                    .last().satisfies(c -> assertThat(c.get("open_time").asLong()).isEqualTo(last)));
            final List<JsonNode> served = new ArrayList<>();
            for (long from = first; from <= last; from += 4000 * length) {
                served.addAll(candles(key, "ETH-USDT", "bybit", interval, from, Math.min(last, from + 3999 * length)));
            }
            assertThat(served).as(interval + " windows").hasSize(direct.size());
            for (final JsonNode candle : served) {
                assertCandle(candle, direct.get(candle.get("open_time").asLong()), true);
            }
        }
    }
}
