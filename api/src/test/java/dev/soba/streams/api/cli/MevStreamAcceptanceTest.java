package dev.soba.streams.api.cli;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.testing.RealServersResource;
import dev.soba.streams.cli.ReplayCommand;
import dev.soba.streams.processors.mev.BlockInputs;
import dev.soba.streams.processors.mev.MevInspector;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.mev.BlockFiles;
import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.schemas.mev.MevKind;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A real mainnet block of mev-inspect-py's tests, replayed through the broker in Parity format,
 * produces in the stream exactly the findings the offline CLI finds in the same file; the
 * detect-mev endpoint answers the same for the file posted as it is.
 */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class MevStreamAcceptanceTest {

    private static final long BLOCK = 12775690L;
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Inject
    ApiKeys keys;

    private static JsonNode asJson(final List<MevFinding> findings) {
        return Json.tree(Json.write(findings));
    }

    @Test
    void aSandwichBlockReplayedInParityFormatGivesTheCliFindingsInTheStreamAndOverHttp() throws Exception {
        final String key = keys.store().create("acceptance-mev", Set.of("read")).await().atMost(Duration.ofSeconds(10)).secret();
        final Path file = AcceptanceSupport.data().resolve("mev-inspect/" + BLOCK + ".json");
        final List<MevFinding> offline = MevInspector.standard()
                .inspect(BlockInputs.of(BlockFiles.read(file).get(0))).findings();
        assertThat(offline).extracting(MevFinding::kind).contains(MevKind.SANDWICH);

        assertThat(AcceptanceSupport.onTestBroker(ReplayCommand::run, file.toString())).isZero();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Json.tree(given().auth().oauth2(key)
                .queryParam("block", BLOCK).get("/api/v1/mev").then().statusCode(200).extract().asByteArray())
                .get("findings")).isEqualTo(asJson(offline)));

        // the alert topic carries the same findings (status "new"), keyed by the block number
        final List<JsonNode> alerts = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServersResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "acceptance-mev-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("mev_alerts"));
            final long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (alerts.size() < offline.size() && System.nanoTime() < deadline) {
                for (final ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (Long.toString(BLOCK).equals(record.key())) {
                        alerts.add(Json.tree(record.value().getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        assertThat(Json.tree(Json.write(alerts))).isEqualTo(asJson(offline));

        final JsonNode detected = Json.tree(given().auth().oauth2(key).contentType(ContentType.JSON)
                .body(Files.readAllBytes(file)).post("/api/v1/blockchain/detect-mev")
                .then().statusCode(200).extract().asByteArray());
        assertThat(detected.get("blocks").get(0).get("findings")).isEqualTo(asJson(offline));
        assertThat(detected.get("blocks").get(0).get("swap_count").asInt()).isEqualTo(21);

        final JsonNode stored = Json.tree(given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"block_number\": " + BLOCK + "}").post("/api/v1/blockchain/detect-mev")
                .then().statusCode(200).extract().asByteArray());
        assertThat(stored.get("findings")).isEqualTo(asJson(offline));
    }
}
