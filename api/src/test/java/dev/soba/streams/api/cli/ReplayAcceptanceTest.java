package dev.soba.streams.api.cli;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.testing.RealServersResource;
import dev.soba.streams.cli.ReplayCommand;
import dev.soba.streams.schemas.Json;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real mainnet data through the real broker: ethereum-etl's own stream output for blocks
 * 17173049–17173050, replayed with {@code ./soba replay}'s code, queried back over HTTP. Reads
 * {@code -Dsoba.data} at run time; nothing of that data is in this repository.
 */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class ReplayAcceptanceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Inject
    ApiKeys keys;

    @TempDir
    Path scratch;

    private static List<JsonNode> lines(final Path file) throws IOException {
        final List<JsonNode> items = new ArrayList<>();
        for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                items.add(Json.tree(line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return items;
    }

    private static int replay(final String... args) throws Exception {
        return AcceptanceSupport.onTestBroker(ReplayCommand::run, args);
    }

    /**
     * Every field of the file's item is served with the same value, nested ones too. Integers are
     * compared exactly: the API writes big amounts as decimal strings, the file as bare numbers.
     */
    private static void assertSameFields(final JsonNode expected, final JsonNode served) {
        assertSameValue("", expected, served);
    }

    private static void assertSameValue(final String path, final JsonNode want, final JsonNode actual) {
        if (want.isNull()) {
            assertThat(actual == null || actual.isNull()).as(path).isTrue();
        } else if (want.isIntegralNumber()) {
            assertThat(actual).as(path).isNotNull();
            assertThat(new BigInteger(actual.asText())).as(path).isEqualTo(want.bigIntegerValue());
        } else if (want.isObject()) {
            assertThat(actual).as(path).isNotNull();
            final Iterator<Map.Entry<String, JsonNode>> fields = want.fields();
            while (fields.hasNext()) {
                final Map.Entry<String, JsonNode> field = fields.next();
                assertSameValue(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()));
            }
        } else if (want.isArray()) {
            assertThat(actual).as(path).isNotNull();
            assertThat(actual.size()).as(path + " size").isEqualTo(want.size());
            for (int i = 0; i < want.size(); i++) {
                assertSameValue(path + "[" + i + "]", want.get(i), actual.get(i));
            }
        } else {
            assertThat(actual).as(path).isEqualTo(want);
        }
    }

    @Test
    void mainnetBlocksReplayedThroughTheBrokerAreQueryableWithTheirExactValues() throws Exception {
        final String key = keys.store().create("acceptance", Set.of("read")).await().atMost(Duration.ofSeconds(10)).secret();
        final Path folder = AcceptanceSupport.data().resolve("ethereum-etl/test_stream/blocks_17173049_17173050");
        final List<String> files = new ArrayList<>();
        try (var listing = Files.list(folder)) {
            listing.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> files.add(p.toString()));
        }
        assertThat(replay(files.toArray(String[]::new))).isZero();

        final List<JsonNode> blocks = lines(folder.resolve("expected_blocks.json"));
        final List<JsonNode> transactions = lines(folder.resolve("expected_transactions.json"));
        assertThat(blocks).hasSize(2);
        assertThat(transactions).hasSize(298);
        for (final JsonNode block : blocks) {
            await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(key)
                    .get("/api/v1/blocks/{n}", block.get("number").asLong()).then().statusCode(200));
            final JsonNode served = Json.tree(given().auth().oauth2(key)
                    .get("/api/v1/blocks/{n}", block.get("number").asLong()).asByteArray());
            assertSameFields(block, served);
        }
        for (final JsonNode tx : transactions) {
            await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(key)
                    .get("/api/v1/transactions/{h}", tx.get("hash").asText()).then().statusCode(200));
            final JsonNode served = Json.tree(given().auth().oauth2(key)
                    .get("/api/v1/transactions/{h}", tx.get("hash").asText()).asByteArray());
            assertSameFields(tx, served);
        }
        // a busy address of block 17173049 lists its transactions newest first
        final String sender = transactions.get(0).get("from_address").asText();
        final long expected = transactions.stream()
                .filter(t -> sender.equals(t.get("from_address").asText()) || sender.equals(t.path("to_address").asText()))
                .count();
        final JsonNode history = Json.tree(given().auth().oauth2(key)
                .get("/api/v1/addresses/{a}/transactions?limit=1000", sender).asByteArray());
        assertThat(history.get("transactions")).hasSize((int) expected);
    }

    @Test
    void mutatedCopiesAreRejectedOnTheTopicWithTheRightReason() throws Exception {
        final JsonNode original = lines(AcceptanceSupport.data().resolve(
                "ethereum-etl/test_stream/blocks_17173049_17173050/expected_transactions.json")).get(0);
        final String text = Json.mapper().writeValueAsString(original);
        final String marker = UUID.randomUUID().toString().replace("-", "");
        final String hash = original.get("hash").asText();
        final Map<String, String> mutations = Map.of(
                "hash", text.replace(hash, hash.substring(0, 10) + "zz" + hash.substring(12)),
                "from_address", text.replace(original.get("from_address").asText(), "0x1234"),
                "value", text.replace("\"value\":" + original.get("value").asText(), "\"value\":\"a lot\""),
                "gas", text.replace("\"gas\":" + original.get("gas").asText(), "\"gas\":-1"));
        final Path file = scratch.resolve("mutated.json");
        final List<String> lines = new ArrayList<>();
        for (final String mutated : mutations.values()) {
            // a marker field identifies this run's rejections
            lines.add(mutated.substring(0, mutated.length() - 1) + ",\"test_marker\":\"" + marker + "\"}");
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        assertThat(replay(file.toString())).as("every mutated line is still routed by its type").isZero();
        // truncated JSON cannot be routed by type (replay reports it), so it goes straight to the topic
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServersResource.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("transactions", marker + text.substring(0, text.length() / 2))).get();
        }
        final int expectedRejections = mutations.size() + 1;

        final List<JsonNode> rejected = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServersResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "acceptance-" + marker,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("rejected_records"));
            final long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (rejected.size() < expectedRejections && System.nanoTime() < deadline) {
                for (final ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    final JsonNode value = Json.tree(record.value().getBytes(StandardCharsets.UTF_8));
                    if (value.path("original_text").asText().contains(marker)) {
                        rejected.add(value);
                    }
                }
            }
        }
        final List<String> fields = new ArrayList<>(mutations.keySet());
        fields.add("");
        assertThat(rejected).extracting(r -> r.get("field").asText()).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(rejected).allSatisfy(r -> assertThat(r.get("source_topic").asText()).isEqualTo("transactions"));
        assertThat(rejected).filteredOn(r -> r.get("field").asText().equals("gas"))
                .singleElement().satisfies(r -> assertThat(r.get("reason").asText()).contains("negative"));
        assertThat(rejected).filteredOn(r -> r.get("field").asText().isEmpty())
                .singleElement().satisfies(r -> assertThat(r.get("reason").asText()).startsWith("not valid JSON"));
    }
}
