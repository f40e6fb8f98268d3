package dev.soba.streams.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.testing.RealServersResource;
import dev.soba.streams.processors.ingest.PipelineCounters;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.topology.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The spine end to end on real servers: a KRaft broker, PostgreSQL and Redis started in-process,
 * the Quarkus application with its Kafka Streams topology, and the REST API over HTTP.
 */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class PipelineIntegrationTest {

    private static final Topics TOPICS = new Topics("");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static String key;

    @Inject
    ApiKeys keys;

    @Inject
    KafkaStreams streams;

    @BeforeEach
    void apiKey() {
        if (key == null) {
            key = keys.store().create("integration-test", Set.of("read", "write", "admin"))
                    .await().atMost(Duration.ofSeconds(10)).secret();
        }
    }

    private static void produce(final ItemType type, final String... values) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServersResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (final String value : values) {
                producer.send(new ProducerRecord<>(TOPICS.input(type), value.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    /** Reads the topic from the beginning until {@code wanted} records match (other tests write there too). */
    private static List<JsonNode> readMatching(final String topic, final Predicate<JsonNode> match, final int wanted) {
        final List<JsonNode> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServersResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            final long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (values.size() < wanted && System.nanoTime() < deadline) {
                for (final ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    final JsonNode value = Json.tree(record.value().getBytes(StandardCharsets.UTF_8));
                    if (match.test(value)) {
                        values.add(value);
                    }
                }
            }
        }
        return values;
    }

    private static double counter(final KafkaStreams streams, final String name) {
        return streams.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name + "-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    @Test
    void producedItemsBecomeQueryableOverHttp() {
        final long number = ChainItems.blockNumber();
        final String blockHash = ChainItems.hash("block");
        final String tx1 = ChainItems.hash("tx1");
        final String tx2 = ChainItems.hash("tx2");
        final String alice = ChainItems.address("alice");
        final String bob = ChainItems.address("bob");
        produce(ItemType.BLOCK, ChainItems.block(number, blockHash, ChainItems.hash("parent")));
        produce(ItemType.TRANSACTION,
                ChainItems.transaction(tx1, number, blockHash, 0, alice, bob, "115792089237316195423570985008687907853269984665640564039457584007913129639935"),
                ChainItems.transaction(tx2, number, blockHash, 1, bob, alice, "1"));

        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(key)
                .get("/api/v1/blocks/{n}", number).then().statusCode(200)
                .body("hash", equalTo(blockHash))
                .body("blob_gas_used", equalTo(131072)));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(key)
                .get("/api/v1/transactions/{h}", tx1).then().statusCode(200)
                .body("value", equalTo("115792089237316195423570985008687907853269984665640564039457584007913129639935"))
                .body("block_number", equalTo((int) number)));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(key)
                .get("/api/v1/addresses/{a}/transactions?limit=1", alice).then().statusCode(200)
                .body("transactions", hasSize(1))
                .body("transactions[0].hash", equalTo(tx2)));
        given().auth().oauth2(key).get("/api/v1/addresses/{a}/transactions", bob.toUpperCase().replace("0X", "0x"))
                .then().statusCode(200).body("transactions", hasSize(2));
    }

    @Test
    void poisonPillsOnEveryInputTopicAreRejectedAndThePipelineKeepsRunning() {
        final String marker = UUID.randomUUID().toString();
        for (final ItemType type : ItemType.values()) {
            produce(type, "{\"poison\": \"" + marker + "\"", "[1, 2, 3] " + marker);
        }
        final List<JsonNode> ours = readMatching(TOPICS.rejected(),
                r -> r.path("original_text").asText().contains(marker), 2 * ItemType.values().length);
        assertThat(ours).hasSize(2 * ItemType.values().length);
        assertThat(ours).extracting(r -> r.get("source_topic").asText()).containsAll(TOPICS.inputs());
        assertThat(ours).allSatisfy(r -> {
            assertThat(r.get("reason").asText()).isNotBlank();
            assertThat(r.get("source_offset").asLong()).isNotNegative();
            assertThat(r.get("source_partition").asInt()).isNotNegative();
        });
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(counter(streams, PipelineCounters.REJECTED)).isGreaterThanOrEqualTo(2 * ItemType.values().length);

        // and still processes good records afterwards
        final long number = ChainItems.blockNumber();
        final String hash = ChainItems.hash("after-poison");
        produce(ItemType.BLOCK, ChainItems.block(number, hash, ChainItems.hash("p")));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(key)
                .get("/api/v1/blocks/{n}", number).then().statusCode(200).body("hash", equalTo(hash)));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** {@code GET /api/v1/rejected}: what the validator set aside, filtered by source topic, reason and time. */
    @Test
    void rejectedRecordsAreReadableOverHttpFilteredByTopicReasonAndTime() {
        final long before = System.currentTimeMillis() - 1;
        final String marker = UUID.randomUUID().toString();
        produce(ItemType.BLOCK, "{\"poison\": \"" + marker + "\"");
        final JsonNode found = await().atMost(PATIENCE).until(() -> {
            final JsonNode answer = Json.tree(given().auth().oauth2(key)
                    .queryParam("topic", TOPICS.input(ItemType.BLOCK)).queryParam("since", Long.toString(before))
                    .get("/api/v1/rejected").then().statusCode(200).extract().asByteArray());
            for (final JsonNode record : answer.get("records")) {
                if (record.path("original_text").asText().contains(marker)) {
                    return record;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        assertThat(found.get("source_topic").asText()).isEqualTo(TOPICS.input(ItemType.BLOCK));
        assertThat(found.get("rejected_at").asLong()).isGreaterThanOrEqualTo(before);
        final String reason = found.get("reason").asText();
        assertThat(reason).isNotBlank();

        final String part = reason.substring(0, Math.min(reason.length(), 12)).toUpperCase(java.util.Locale.ROOT);
        given().auth().oauth2(key).queryParam("reason", part).queryParam("since", Long.toString(before))
                .get("/api/v1/rejected").then().statusCode(200)
                .body("records.original_text", hasItem(containsString(marker)));
        given().auth().oauth2(key).queryParam("reason", "no such reason " + marker)
                .get("/api/v1/rejected").then().statusCode(200).body("count", equalTo(0));
        given().auth().oauth2(key).queryParam("topic", TOPICS.input(ItemType.TRANSACTION))
                .queryParam("since", Long.toString(before)).get("/api/v1/rejected").then().statusCode(200)
                .body("records.original_text", not(hasItem(containsString(marker))));
        given().auth().oauth2(key).queryParam("since", java.time.Instant.now().plusSeconds(3600).toString())
                .get("/api/v1/rejected").then().statusCode(200).body("count", equalTo(0));
        given().auth().oauth2(key).queryParam("since", "yesterday").get("/api/v1/rejected").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(key).queryParam("limit", "0").get("/api/v1/rejected").then().statusCode(400);
    }

    @Test
    void aDuplicateIsDroppedAndAReorgIsPublished() {
        final long number = ChainItems.blockNumber();
        final String oldHash = ChainItems.hash("old");
        final String newHash = ChainItems.hash("new");
        final String orphanedTx = ChainItems.hash("orphaned-tx");
        final String alice = ChainItems.address("alice");
        final String bob = ChainItems.address("bob");
        final double duplicatesBefore = counter(streams, PipelineCounters.DUPLICATES);
        final String block = ChainItems.block(number, oldHash, ChainItems.hash("p"));
        produce(ItemType.BLOCK, block, block);
        produce(ItemType.TRANSACTION, ChainItems.transaction(orphanedTx, number, oldHash, 0, alice, bob, "5"));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(key)
                .get("/api/v1/transactions/{h}", orphanedTx).then().statusCode(200));
        await().atMost(PATIENCE).until(() -> counter(streams, PipelineCounters.DUPLICATES) >= duplicatesBefore + 1);

        produce(ItemType.BLOCK, ChainItems.block(number, newHash, ChainItems.hash("p")));
        final List<JsonNode> reorgs = readMatching(TOPICS.reorgs(), r -> r.get("block_number").asLong() == number, 1);
        assertThat(reorgs).hasSize(1);
        assertThat(reorgs.get(0).get("old_hash").asText()).isEqualTo(oldHash);
        assertThat(reorgs.get(0).get("new_hash").asText()).isEqualTo(newHash);
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(key)
                .get("/api/v1/blocks/{n}", number).then().statusCode(200).body("hash", equalTo(newHash)));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(key)
                .get("/api/v1/transactions/{h}", orphanedTx).then().statusCode(404));
    }

    @Test
    void processEventStreamWritesValidItemsAndExplainsInvalidOnes() {
        final long number = ChainItems.blockNumber();
        final String blockHash = ChainItems.hash("posted");
        final String body = "{\"items\": [" + ChainItems.block(number, blockHash, ChainItems.hash("p"))
                + ", {\"type\": \"block\", \"number\": -1}]}";
        given().auth().oauth2(key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/data/process-event-stream").then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("results[0].status", equalTo("accepted"))
                .body("results[0].topic", equalTo("blocks"))
                .body("results[1].status", equalTo("rejected"))
                .body("results[1].violations.field", org.hamcrest.Matchers.hasItem("number"));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(key)
                .get("/api/v1/blocks/{n}", number).then().statusCode(200).body("hash", equalTo(blockHash)));
    }

    @Test
    void validationEndpointsAnswerWithEveryViolation() {
        final String tx = ChainItems.transaction(ChainItems.hash("v"), 1, ChainItems.hash("b"), 0,
                ChainItems.address("a"), ChainItems.address("b"), "1");
        given().auth().oauth2(key).contentType(ContentType.JSON).body(tx)
                .post("/api/v1/data/validate-blockchain-event").then().statusCode(200)
                .body("valid", equalTo(true)).body("type", equalTo("transaction"));
        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body(tx.replace("\"value\": 1", "\"value\": \"lots\"").replace("\"gas\": 21000", "\"gas\": -1"))
                .post("/api/v1/data/validate-blockchain-event").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("violations.field", org.hamcrest.Matchers.hasItems("value", "gas"));
        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"exchange\": \"binance\", \"symbol\": \"ETH-USDT\", \"price\": \"3150.25\", \"quantity\": \"0.5\","
                        + " \"side\": \"buy\", \"trade_id\": \"42\", \"timestamp\": 1748563200000}")
                .post("/api/v1/data/validate-market-data").then().statusCode(200).body("valid", equalTo(true));
        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"exchange\": \"binance\", \"symbol\": \"ethusdt\", \"price\": \"-1\", \"side\": \"buy\","
                        + " \"trade_id\": \"42\", \"timestamp\": 1748563200000}")
                .post("/api/v1/data/validate-market-data").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("violations.field", org.hamcrest.Matchers.hasItems("symbol", "price", "quantity"));
    }

    @Test
    void everyApiRouteNeedsAKeyButProbesStayOpen() {
        given().get("/api/v1/blocks/1").then().statusCode(401)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(401));
        given().auth().oauth2("soba_not-a-real-key").get("/api/v1/blocks/1").then().statusCode(401);
        given().header("Authorization", "Basic abc").get("/api/v1/blocks/1").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/data/process-event-stream").then().statusCode(401);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void badRequestsGetProblemDetailsWithTheField() {
        given().auth().oauth2(key).get("/api/v1/blocks/twelve").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("number"));
        given().auth().oauth2(key).get("/api/v1/blocks/-5").then().statusCode(400).body("field", equalTo("number"));
        given().auth().oauth2(key).get("/api/v1/transactions/0x1234").then().statusCode(400).body("field", equalTo("hash"));
        given().auth().oauth2(key).get("/api/v1/addresses/0xabc/transactions").then().statusCode(400)
                .body("field", equalTo("address"));
        given().auth().oauth2(key).get("/api/v1/addresses/{a}/transactions?limit=0", ChainItems.address("x"))
                .then().statusCode(400).body("field", equalTo("limit"));
        given().auth().oauth2(key).get("/api/v1/blocks/{n}", 1L).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(key).get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(404));
        given().auth().oauth2(key).delete("/api/v1/blocks/1").then().statusCode(405)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"items\": [1,")
                .post("/api/v1/data/process-event-stream").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"items\": 5}")
                .post("/api/v1/data/process-event-stream").then().statusCode(400).body("field", equalTo("items"));
        given().auth().oauth2(key).contentType(ContentType.JSON).body("")
                .post("/api/v1/data/validate-blockchain-event").then().statusCode(400);
    }
}
