package dev.soba.streams.api.ml;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.testing.RealServersResource;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.market.Candle;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A training job's life over HTTP on the real servers: one-minute candles imported through
 * {@code market_candles}, {@code POST /api/v1/ml/train} answered 202, the job followed to its model
 * in the registry, the model listed and activated (through the replaced system's alias too), a
 * worse one refused without force; a range without candles ends in a failed job.
 */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class MlJobsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");
    private static final int MINUTES = 720;

    @Inject
    ApiKeys keys;

    private String key(final String... scopes) {
        return keys.store().create("ml-" + UUID.randomUUID(), Set.of(scopes)).await().atMost(Duration.ofSeconds(10)).secret();
    }

    @Test
    void aJobTrainsOnTheStoredCandlesRegistersACandidateAndActivationSwapsIt() throws Exception {
        final String pair = "M" + UUID.randomUUID().toString().substring(0, 5).toUpperCase().replace("-", "") + "-USDT";
        final List<Candle> candles = importCandles(pair);
        final String writer = key("read", "write");
        final String admin = key("admin");
        final String body = """
                {"pair": "%s", "venue": "mlvenue", "interval": "1m", "horizon": "5m", "from": "%s", "to": "%s"}"""
                .formatted(pair, START, START.plusSeconds(60L * (MINUTES - 1)));
        // the candles must be in the store before the job reads them
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(writer)
                .queryParam("pair", pair).queryParam("interval", "1m").queryParam("venue", "mlvenue")
                .queryParam("from", START.toString()).queryParam("to", START.plusSeconds(60L * (MINUTES - 1)).toString())
                .get("/api/v1/data/aggregate-market-data").then().statusCode(200)
                .body("candles.size()", equalTo(MINUTES)));

        final JsonPath accepted = given().auth().oauth2(writer).contentType(ContentType.JSON).body(body)
                .post("/api/v1/ml/train").then().statusCode(202).extract().jsonPath();
        final String job = accepted.getString("job_id");
        assertThat(accepted.getString("location")).isEqualTo("/api/v1/ml/jobs/" + job);
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(writer).get("/api/v1/ml/jobs/" + job)
                .then().statusCode(200).body("state", equalTo("succeeded")));
        final JsonPath done = given().auth().oauth2(writer).get("/api/python/ml/jobs/" + job).then().statusCode(200)
                .extract().jsonPath();
        final long first = done.getLong("model.id");
        assertThat(done.getString("model.name")).isEqualTo("price-" + pair + "-mlvenue-5m");
        assertThat(done.getString("model.state")).isEqualTo("candidate");
        assertThat(done.getString("model.data_sha256")).hasSize(64);
        assertThat(done.getString("model.data_from")).isEqualTo(START.toString());
        assertThat(done.getMap("model.metrics")).containsKeys("mae_ratio", "coverage", "interval_score_gain");

        assertThat(given().auth().oauth2(writer).get("/api/v1/ml/models").then().statusCode(200).extract()
                .jsonPath().getList("id", Long.class)).contains(first);
        given().auth().oauth2(writer).post("/api/v1/ml/models/" + first + "/activate").then().statusCode(403);
        given().auth().oauth2(admin).post("/api/python/ml/models/" + first + "/activate").then().statusCode(200)
                .body("model.state", equalTo("active"));

        // the same data again gives a model with the same figures: activation passes the gate, the first retires
        final String again = given().auth().oauth2(writer).contentType(ContentType.JSON).body(body)
                .post("/api/python/ml/train").then().statusCode(202).extract().jsonPath().getString("job_id");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(writer).get("/api/v1/ml/jobs/" + again)
                .then().statusCode(200).body("state", equalTo("succeeded")));
        final long second = given().auth().oauth2(writer).get("/api/v1/ml/jobs/" + again).jsonPath().getLong("model.id");
        given().auth().oauth2(admin).post("/api/v1/ml/models/" + second + "/activate").then().statusCode(200)
                .body("model.version", equalTo(2)).body("previous.id", equalTo((int) first))
                .body("previous.state", equalTo("retired"));
        given().auth().oauth2(admin).post("/api/v1/ml/models/999999999/activate").then().statusCode(404)
                .contentType("application/problem+json");

        // a forecast on request from candles in the body, by the active model, through the alias too
        final String forecastBody = "{\"pair\": \"" + pair + "\", \"venue\": \"mlvenue\", \"horizon\": \"5m\","
                + " \"candles\": [" + candleJson(candles.subList(MINUTES - 120, MINUTES)) + "]}";
        final JsonPath forecast = given().auth().oauth2(writer).contentType(ContentType.JSON).body(forecastBody)
                .post("/api/python/ml/predict").then().statusCode(200).extract().jsonPath();
        final Candle last = candles.get(MINUTES - 1);
        assertThat(forecast.getLong("model.id")).isEqualTo(second);
        assertThat(forecast.getString("as_of")).isEqualTo(Instant.ofEpochMilli(last.openTime()).toString());
        assertThat(forecast.getString("target_time")).isEqualTo(Instant.ofEpochMilli(last.openTime() + 6 * 60_000L).toString());
        assertThat(forecast.getDouble("close")).isEqualTo(last.close().doubleValue());
        assertThat(forecast.getDouble("lower")).isLessThan(forecast.getDouble("predicted_close"));
        assertThat(forecast.getDouble("upper")).isGreaterThan(forecast.getDouble("predicted_close"));
        assertThat(forecast.getDouble("direction_probability")).isBetween(0.0, 1.0);
        given().auth().oauth2(writer).contentType(ContentType.JSON)
                .body(forecastBody.replace("\"horizon\": \"5m\"", "\"horizon\": \"1h\""))
                .post("/api/v1/ml/predict").then().statusCode(404).body("field", equalTo("horizon"));
        given().auth().oauth2(writer).contentType(ContentType.JSON)
                .body("{\"pair\": \"" + pair + "\", \"venue\": \"mlvenue\", \"horizon\": \"5m\", \"candles\": ["
                        + candleJson(candles.subList(0, 30)) + "]}")
                .post("/api/v1/ml/predict").then().statusCode(400).body("field", equalTo("candles"));
    }

    private static String candleJson(final List<Candle> candles) {
        return String.join(",", candles.stream().map(c -> "{\"open_time\": " + c.openTime()
                + ", \"open\": " + c.open().toPlainString() + ", \"high\": " + c.high().toPlainString()
                + ", \"low\": " + c.low().toPlainString() + ", \"close\": " + c.close().toPlainString()
                + ", \"volume\": " + c.baseVolume().toPlainString() + "}").toList());
    }

    @Test
    void aRangeWithoutCandlesEndsInAFailedJob() {
        final String writer = key("read", "write");
        final String job = given().auth().oauth2(writer).contentType(ContentType.JSON)
                .body("{\"pair\": \"NONE-USDT\", \"horizon\": \"1h\", \"from\": 0, \"to\": 3600000}")
                .post("/api/v1/ml/train").then().statusCode(202).extract().jsonPath().getString("job_id");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(writer).get("/api/v1/ml/jobs/" + job)
                .then().statusCode(200).body("state", equalTo("failed")));
        assertThat(given().auth().oauth2(writer).get("/api/v1/ml/jobs/" + job).jsonPath().getString("error"))
                .contains("no 1m candles of NONE-USDT");
        given().auth().oauth2(writer).contentType(ContentType.JSON)
                .body("{\"pair\": \"ETH-USDT\", \"horizon\": \"2m\", \"from\": 0, \"to\": 1}")
                .post("/api/v1/ml/train").then().statusCode(400).body("field", equalTo("horizon"));
        given().auth().oauth2(writer).get("/api/v1/ml/jobs/nope").then().statusCode(404);
    }

    private static List<Candle> importCandles(final String pair) throws Exception {
        final List<Candle> all = new ArrayList<>();
        final Random random = new Random(5);
        double price = 2500;
        double variance = 1e-7;
        double last = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServersResource.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < MINUTES; i++) {
                variance = 2e-9 + 0.1 * last * last + 0.88 * variance;
                final double open = price;
                double high = open;
                double low = open;
                for (int step = 0; step < 6; step++) {
                    price *= Math.exp(Math.sqrt(variance / 6) * random.nextGaussian());
                    high = Math.max(high, price);
                    low = Math.min(low, price);
                }
                last = Math.log(price / open);
                final long t = START.toEpochMilli() + i * 60_000L;
                final Candle candle = new Candle("mlvenue", pair, "1m", t, t + 60_000L, money(open), money(high),
                        money(low), money(price), BigDecimal.valueOf(1 + random.nextInt(9)), null, null, 0, t,
                        t + 59_999L, true);
                all.add(candle);
                producer.send(new ProducerRecord<>("market_candles", null, t, "mlvenue|" + pair, Json.write(candle)));
            }
            producer.flush();
        }
        return all;
    }

    private static BigDecimal money(final double v) {
        return BigDecimal.valueOf(Math.round(v * 100) / 100.0);
    }
}
