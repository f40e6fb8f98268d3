package dev.soba.streams.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.testing.RealServersResource;
import dev.soba.streams.cli.PoolsCommand;
import dev.soba.streams.schemas.Json;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;

/** Market data end to end on the real broker: ticks in, candles out over HTTP; pools; swaps. */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class MarketIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";
    private static final String WETH = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2";
    private static String key;

    @Inject
    ApiKeys keys;

    @TempDir
    Path scratch;

    @BeforeEach
    void apiKey() {
        if (key == null) {
            key = keys.store().create("market-test", Set.of("read", "write")).await().atMost(Duration.ofSeconds(10)).secret();
        }
    }

    private static String tick(final String symbol, final String id, final String price, final String qty, final Instant at) {
        return """
                {"type": "market_tick", "exchange": "testex", "symbol": "%s", "price": "%s", "quantity": "%s",
                 "side": "sell", "trade_id": "%s", "timestamp": %d}""".formatted(symbol, price, qty, id, at.toEpochMilli());
    }

    private static void post(final String... items) {
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"items\": [" + String.join(",", items) + "]}")
                .post("/api/v1/data/process-event-stream").then().statusCode(200).body("rejected", equalTo(0));
    }

    @Test
    void ticksBecomeCandlesQueryableByTimeRange() {
        final String symbol = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace("-", "") + "-USDT";
        final Instant minute = Instant.parse("2025-06-01T10:00:00Z");
        post(tick(symbol, "1", "2500.5", "2", minute.plusSeconds(1)),
                tick(symbol, "2", "2510", "1", minute.plusSeconds(40)),
                tick(symbol, "3", "2490", "1", minute.plusSeconds(20)));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(key)
                .queryParam("pair", symbol).queryParam("interval", "1m").queryParam("venue", "testex")
                .queryParam("from", minute.toString()).queryParam("to", minute.plusSeconds(3600).toString())
                .get("/api/v1/data/aggregate-market-data").then().statusCode(200)
                .body("candles", hasSize(1))
                .body("candles[0].trade_count", equalTo(3)));
        final JsonPath candle = given().auth().oauth2(key)
                .queryParam("pair", symbol).queryParam("interval", "1m")
                .queryParam("from", minute.toEpochMilli()).queryParam("to", minute.toEpochMilli())
                .get("/api/v1/data/aggregate-market-data").then().statusCode(200)
                .body("venue", equalTo("all")).extract().jsonPath();
        assertThat(candle.getString("candles[0].open")).isEqualTo("2500.5");
        assertThat(candle.getString("candles[0].high")).isEqualTo("2510");
        assertThat(candle.getString("candles[0].low")).isEqualTo("2490");
        assertThat(candle.getString("candles[0].close")).isEqualTo("2510");
        assertThat(candle.getString("candles[0].base_volume")).isEqualTo("4");
        assertThat(candle.getString("candles[0].quote_volume")).isEqualTo("10001");
        assertThat(candle.getBoolean("candles[0].closed")).isFalse();

        // a tick an hour later closes the minute (and the hour): the final candle is served
        post(tick(symbol, "4", "2600", "1", minute.plusSeconds(3700)));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(key)
                .queryParam("pair", symbol).queryParam("interval", "1h").queryParam("venue", "testex")
                .queryParam("from", minute.toEpochMilli()).queryParam("to", minute.toEpochMilli())
                .get("/api/v1/data/aggregate-market-data").then().statusCode(200)
                .body("candles[0].closed", equalTo(true)).body("candles[0].close", equalTo("2510")));
    }

    @Test
    void importedPoolsAreServedAndItsSwapsAreQueryableByBlockRange() throws Exception {
        final String pool = ChainItems.address("pool");
        final Path csv = scratch.resolve("pools.csv");
        Files.writeString(csv, "pool,protocol,token0,token1,fee,token0_symbol,token1_symbol,token0_decimals,token1_decimals\n"
                + pool + ",uniswap_v3," + USDC + "," + WETH + ",500,USDC,WETH,6,18\n", StandardCharsets.UTF_8);
        assertThat(PoolsCommand.run(new String[] {"import", csv.toString(), "--bootstrap-servers", RealServersResource.bootstrapServers()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isZero();
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(key).get("/api/v1/pools/{a}", pool)
                .then().statusCode(200)
                .body("pair", equalTo("WETH-USDC")).body("trusted_for_aggregate", equalTo(true))
                .body("token0_decimals", equalTo(6)));

        // a V3 Swap log of that pool: 2,000 USDC in, 1 WETH out, at sqrtPriceX96 for 2,000 USDC per WETH
        final long block = ChainItems.blockNumber();
        final BigInteger sqrtPrice = new BigInteger("1771595571142957166518320255467520");
        final String data = "0x" + word(BigInteger.valueOf(2_000_000_000L))
                + word(BigInteger.ONE.shiftLeft(256).subtract(new BigInteger("1000000000000000000")))
                + word(sqrtPrice) + word(BigInteger.valueOf(1_000_000_000_000L))
                + word(BigInteger.valueOf(198_000));
        final String log = """
                {"type": "log", "log_index": 7, "transaction_hash": "%s", "transaction_index": 1, "address": "%s",
                 "data": "%s", "topics": ["%s", "%s", "%s"], "block_number": %d,
                 "block_timestamp": 1750000000, "block_hash": "%s"}""".formatted(ChainItems.hash("tx"), pool, data,
                Hash.sha3String("Swap(address,address,int256,int256,uint160,uint128,int24)"),
                "0x" + "0".repeat(24) + ChainItems.address("router").substring(2),
                "0x" + "0".repeat(24) + ChainItems.address("trader").substring(2), block, ChainItems.hash("b"));
        post(log);
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(key)
                .queryParam("pool", pool).queryParam("from_block", block - 5).queryParam("to_block", block + 5)
                .get("/api/v1/dex/swaps").then().statusCode(200)
                .body("swaps", hasSize(1))
                .body("swaps[0].resolved", equalTo(true))
                .body("swaps[0].pair", equalTo("WETH-USDC"))
                .body("swaps[0].amount1", equalTo("-1000000000000000000"))
                .body("swaps[0].tick", equalTo(198000)));
        given().auth().oauth2(key).queryParam("pool", pool).queryParam("from_block", block + 1)
                .get("/api/v1/dex/swaps").then().statusCode(200).body("swaps", hasSize(0));
    }

    @Test
    void badMarketQueriesAreProblemsWithTheField() {
        given().auth().oauth2(key).queryParam("pair", "eth/usdt").queryParam("interval", "1m")
                .get("/api/v1/data/aggregate-market-data").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("pair"));
        given().auth().oauth2(key).queryParam("pair", "ETH-USDT").queryParam("interval", "7m")
                .get("/api/v1/data/aggregate-market-data").then().statusCode(400).body("field", equalTo("interval"));
        given().auth().oauth2(key).queryParam("pair", "ETH-USDT").queryParam("interval", "1m").queryParam("from", "yesterday")
                .get("/api/v1/data/aggregate-market-data").then().statusCode(400).body("field", equalTo("from"));
        given().auth().oauth2(key).queryParam("pair", "ETH-USDT").queryParam("interval", "1m")
                .queryParam("from", 0).queryParam("to", 1_000_000_000_000L)
                .get("/api/v1/data/aggregate-market-data").then().statusCode(400).body("field", equalTo("from"));
        given().auth().oauth2(key).queryParam("pool", "0x12").queryParam("from_block", 1)
                .get("/api/v1/dex/swaps").then().statusCode(400).body("field", equalTo("pool"));
        given().auth().oauth2(key).queryParam("pool", ChainItems.address("p"))
                .get("/api/v1/dex/swaps").then().statusCode(400).body("field", equalTo("from_block"));
        given().auth().oauth2(key).queryParam("pool", ChainItems.address("p")).queryParam("from_block", 10)
                .queryParam("to_block", 5).get("/api/v1/dex/swaps").then().statusCode(400).body("field", equalTo("to_block"));
        given().auth().oauth2(key).get("/api/v1/pools/{a}", ChainItems.address("nowhere")).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(key).get("/api/v1/pools/0xzz").then().statusCode(400).body("field", equalTo("address"));
    }

    @Test
    void aBadImportedCandleIsRejectedOnTheTopic() throws Exception {
        final String marker = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServersResource.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("market_candles", "{\"venue\": \"" + marker + "\"}")).get();
        }
        final List<JsonNode> mine = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServersResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "market-" + marker,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("rejected_records"));
            final long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (mine.isEmpty() && System.nanoTime() < deadline) {
                for (final ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains(marker)) {
                        mine.add(Json.tree(record.value().getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        assertThat(mine).singleElement().satisfies(rejection -> {
            assertThat(rejection.get("source_topic").asText()).isEqualTo("market_candles");
            assertThat(rejection.get("field").asText()).isEqualTo("pair");
            assertThat(rejection.get("reason").asText()).isEqualTo("required");
        });
    }

    private static String word(final BigInteger value) {
        final String hex = value.toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }
}
