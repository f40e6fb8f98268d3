package dev.soba.streams.api.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.soba.streams.api.testing.RealServersResource;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.topology.PipelineConfig;
import dev.soba.streams.topology.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/health}, its service entries and metrics, in the replaced system's shape, without a key. */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class HealthTest {

    private static final Topics TOPICS = PipelineConfig.defaults().topics();

    @BeforeEach
    void pipelineIsRunning() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "healthy".equals(given().get("/api/v1/health").jsonPath().getString("status")));
    }

    @Test
    void oneEntryPerAreaWithThreadsLagAndWhatIsNotBuiltYet() {
        final JsonPath health = given().get("/api/v1/health").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("status", equalTo("healthy"))
                .body("reasons", empty())
                .body("pipeline_state", equalTo("RUNNING"))
                .body("dependencies.postgresql.healthy", equalTo(true))
                .body("dependencies.redis.healthy", equalTo(true))
                .body("uptime", greaterThanOrEqualTo(0))
                .extract().jsonPath();
        assertThat(health.getMap("services").keySet())
                .containsExactly("data-processing", "blockchain-intelligence", "fraud-detection", "ml-models", "nlp-translation");
        for (final String built : List.of("data-processing", "blockchain-intelligence")) {
            final Map<String, Object> area = health.getMap("services.'" + built + "'");
            assertThat(area).containsEntry("built", true).containsEntry("healthy", true).containsKey("uptime");
            assertThat(((Number) area.get("consumer_lag")).longValue()).as(built).isNotNegative();
            // one instance owns every task: the area's threads are here, running its tasks
            final List<Map<String, Object>> threads = health.getList("services.'" + built + "'.threads");
            assertThat(threads).as(built).isNotEmpty().allSatisfy(thread -> {
                assertThat(thread.get("name")).asString().contains("StreamThread");
                assertThat(thread.get("state")).isEqualTo("RUNNING");
            });
            assertThat(threads.stream().mapToInt(thread -> ((List<?>) thread.get("active_tasks")).size()).sum())
                    .as(built).isPositive();
            assertThat(health.getList("services.'" + built + "'.endpoints", String.class)).as(built).isNotEmpty();
        }
        // served on request, outside the stream: built, no stream threads (its health is NlpIntegrationTest's)
        assertThat(health.getMap("services.'nlp-translation'")).containsEntry("built", true).containsEntry("consumer_lag", 0);
        assertThat(health.getList("services.'nlp-translation'.threads")).isEmpty();
        assertThat(health.getList("services.'nlp-translation'.endpoints", String.class))
                .contains("POST /api/v1/nlp/detect-language", "POST /api/v1/nlp/translate");
        for (final String planned : List.of("fraud-detection", "ml-models")) {
            final Map<String, Object> area = health.getMap("services.'" + planned + "'");
            assertThat(area).as(planned).containsEntry("built", false).containsEntry("healthy", false)
                    .containsEntry("uptime", 0).containsEntry("consumer_lag", 0);
            assertThat(area.get("detail")).asString().startsWith("not built yet");
            assertThat(health.getList("services.'" + planned + "'.capabilities", String.class)).isNotEmpty();
            assertThat(health.getList("services.'" + planned + "'.endpoints", String.class)).isEmpty();
            assertThat(health.getList("services.'" + planned + "'.threads")).isEmpty();
        }
        // the areas' routes are the catalogue's (no stubs for what is not built)
        assertThat(health.getList("services.'blockchain-intelligence'.endpoints", String.class))
                .containsExactly("POST /api/v1/blockchain/detect-mev", "GET /api/v1/mev",
                        "POST /api/v1/blockchain/analyze-contract", "GET /api/v1/blockchain/transaction-graph",
                        "POST /api/v1/blockchain/analyze-wallet-cluster", "POST /api/v1/blockchain/address-state");
    }

    @Test
    void oneServiceAloneAndAnUnknownNameListsTheValidOnes() {
        given().get("/api/v1/health/service/blockchain-intelligence").then().statusCode(200)
                .body("name", equalTo("blockchain-intelligence"))
                .body("built", equalTo(true))
                .body("healthy", equalTo(true));
        // not built is an honest 200, not an outage
        given().get("/api/health/service/fraud-detection").then().statusCode(200)
                .body("built", equalTo(false))
                .body("healthy", equalTo(false))
                .body("capabilities", hasItem(containsString("fraud")));
        given().get("/api/health/service/pricing").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("field", equalTo("name"))
                .body("instance", equalTo("/api/health/service/pricing"))
                .body("detail", containsString("data-processing, blockchain-intelligence, fraud-detection, ml-models, nlp-translation"));
    }

    @Test
    void metricsCountRecordsInRejectedAndRequestLatency() throws Exception {
        final JsonPath before = given().get("/api/v1/health/metrics").then().statusCode(200).extract().jsonPath();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServersResource.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPICS.input(ItemType.BLOCK), "not json at all".getBytes(StandardCharsets.UTF_8))).get();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            final JsonPath after = given().get("/api/v1/health/metrics").then().statusCode(200).extract().jsonPath();
            assertThat(after.getLong("records.in")).isGreaterThan(before.getLong("records.in"));
            assertThat(after.getLong("records.rejected")).isGreaterThan(before.getLong("records.rejected"));
            // the rejection itself was written to rejected_records
            assertThat(after.getLong("records.out")).isGreaterThan(before.getLong("records.out"));
        });
        given().get("/api/health/metrics").then().statusCode(200)
                .body("consumer_lag", greaterThanOrEqualTo(0))
                .body("alerts", hasKey("mev"))
                .body("alerts", hasKey("reorgs"))
                .body("requests.total", greaterThanOrEqualTo(1))
                .body("requests.routes.uri", hasItem("/api/v1/health/metrics"))
                .body("requests.routes.uri", everyItem(startsWith("/api/v1")))
                .body("requests.routes.find { it.uri == '/api/v1/health/metrics' }.percentiles_ms", hasKey("p99"))
                .body("requests.routes.find { it.uri == '/api/v1/health/metrics' }.percentiles_ms", hasKey("p50"));
    }

    @Test
    void readinessKeepsRedisWithoutDependingOnIt() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Redis' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Redis' }.data.reachable", equalTo(true))
                .body("checks.find { it.name == 'Redis' }.data.when-redis-fails", equalTo("allow"))
                .body("checks.name", not(hasItem("Redis connection health check")));
    }
}
