package dev.soba.streams.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.testing.RealServersResource;
import dev.soba.streams.processors.graph.GraphEdges;
import dev.soba.streams.processors.graph.WalletClusters;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.topology.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wallet graph and clusters end to end: ethereum-etl items through a real broker and the
 * topology, the answers over HTTP (the alias paths of the replaced system included).
 */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class WalletGraphIntegrationTest {

    private static final Topics TOPICS = new Topics("");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String GRAPH = "/api/v1/blockchain/transaction-graph";
    private static final String CLUSTER = "/api/v1/blockchain/analyze-wallet-cluster";
    private static String key;

    @Inject
    ApiKeys keys;

    @BeforeEach
    void apiKey() {
        if (key == null) {
            key = keys.store().create("graph-test", Set.of("read", "write"))
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

    private static String tokenTransfer(final String token, final String from, final String to, final long value,
                                        final String tx, final int logIndex, final long block, final String blockHash) {
        return """
                {"type": "token_transfer", "token_address": "%s", "from_address": "%s", "to_address": "%s",
                 "value": %d, "transaction_hash": "%s", "log_index": %d, "block_number": %d, "block_hash": "%s"}
                """.formatted(token, from, to, value, tx, logIndex, block, blockHash);
    }

    private static String approval(final String token, final String owner, final String spender, final String tx,
                                   final long block, final String blockHash) {
        return """
                {"type": "log", "log_index": 7, "transaction_hash": "%s", "transaction_index": 0, "address": "%s",
                 "data": "0x%s", "topics": ["%s", "0x000000000000000000000000%s", "0x000000000000000000000000%s"],
                 "block_number": %d, "block_hash": "%s"}
                """.formatted(tx, token, "f".repeat(64), GraphEdges.APPROVAL_TOPIC, owner.substring(2), spender.substring(2),
                block, blockHash);
    }

    private static JsonPath graph(final String query) {
        return given().auth().oauth2(key).get(GRAPH + "?" + query).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    private static Set<String> nodes(final JsonPath graph) {
        return Set.copyOf(graph.getList("nodes.address", String.class));
    }

    @Test
    void aGraphAroundAnAddressBreadthFirstWithTruncationFormatsAndRetractionAfterAReorganisation() {
        final long number = ChainItems.blockNumber();
        final String oldHash = ChainItems.hash("old");
        final String alice = ChainItems.address("alice");
        final String bob = ChainItems.address("bob");
        final String carol = ChainItems.address("carol");
        final String dave = ChainItems.address("dave");
        final String token = ChainItems.address("token");
        final String tx1 = ChainItems.hash("tx1");
        produce(ItemType.BLOCK, ChainItems.block(number, oldHash, ChainItems.hash("parent")));
        produce(ItemType.TRANSACTION,
                ChainItems.transaction(tx1, number, oldHash, 0, alice, bob, "1000"),
                ChainItems.transaction(ChainItems.hash("tx2"), number, oldHash, 1, bob, carol, "400"),
                ChainItems.transaction(ChainItems.hash("tx3"), number, oldHash, 2, alice, dave, "5"));
        produce(ItemType.TOKEN_TRANSFER, tokenTransfer(token, alice, bob, 77, tx1, 0, number, oldHash));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(nodes(graph("address=" + alice + "&depth=2"))).containsExactlyInAnyOrder(alice, bob, carol, dave));
        final JsonPath two = graph("address=" + alice.toUpperCase().replace("0X", "0x") + "&depth=2");
        assertThat(two.getBoolean("known")).isTrue();
        assertThat(two.getBoolean("truncated")).isFalse();
        assertThat(two.getInt("nodes.find { it.address == '" + carol + "' }.hop")).isEqualTo(2);
        assertThat(two.getString("edges.find { it.from == '" + alice + "' && it.to == '" + bob + "' }.value.eth")).isEqualTo("1000");
        assertThat(two.getString("edges.find { it.from == '" + alice + "' && it.to == '" + bob + "' }.value." + token)).isEqualTo("77");
        assertThat(two.getInt("edges.find { it.from == '" + alice + "' && it.to == '" + bob + "' }.transaction_count")).isEqualTo(2);
        // depth 1, a token filter, a node limit (the alias path of the replaced system)
        assertThat(nodes(graph("address=" + alice + "&depth=1"))).containsExactlyInAnyOrder(alice, bob, dave);
        assertThat(nodes(graph("address=" + alice + "&depth=2&token=" + token))).containsExactlyInAnyOrder(alice, bob);
        final JsonPath limited = given().auth().oauth2(key).get("/api/python/blockchain/transaction-graph?address=" + alice
                + "&depth=2&limit=2").then().statusCode(200).extract().jsonPath();
        assertThat(limited.getList("nodes")).hasSize(2);
        assertThat(limited.getBoolean("truncated")).isTrue();
        // the formats investigators' tools read
        assertThat(given().auth().oauth2(key).get(GRAPH + "?address=" + alice + "&format=graphml").then().statusCode(200)
                .contentType("application/graphml+xml").extract().asString()).contains("<graphml", "<node id=\"" + bob + "\"");
        assertThat(given().auth().oauth2(key).get(GRAPH + "?address=" + alice + "&format=dot").then().statusCode(200)
                .contentType("text/vnd.graphviz").extract().asString()).contains("\"" + alice + "\" -> \"" + dave + "\"");

        // the block is replaced by one with the first transaction only: the rest is withdrawn
        final String newHash = ChainItems.hash("new");
        produce(ItemType.BLOCK, ChainItems.block(number, newHash, ChainItems.hash("parent")));
        produce(ItemType.TRANSACTION, ChainItems.transaction(tx1, number, newHash, 0, alice, bob, "1000"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            final JsonPath after = graph("address=" + alice + "&depth=2");
            assertThat(nodes(after)).containsExactlyInAnyOrder(alice, bob);
            assertThat(after.getString("edges[0].value.eth")).isEqualTo("1000");
            assertThat(after.getMap("edges[0].value")).doesNotContainKey(token);
        });
        final JsonPath carolAfter = graph("address=" + carol);
        assertThat(carolAfter.getBoolean("known")).isFalse();
    }

    @Test
    void anAddressNeverSeenIsAnEmptyGraphThatSaysSo() {
        final JsonPath unknown = graph("address=" + ChainItems.address("nobody") + "&depth=3&limit=1000");
        assertThat(unknown.getBoolean("known")).isFalse();
        assertThat(unknown.getList("nodes")).isEmpty();
        assertThat(unknown.getList("edges")).isEmpty();
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        final String address = ChainItems.address("x");
        for (final Map.Entry<String, String> bad : Map.of(
                "address=0x12", "address",
                "address=" + address + "&depth=4", "depth",
                "address=" + address + "&depth=0", "depth",
                "address=" + address + "&limit=1001", "limit",
                "address=" + address + "&from_block=9&to_block=3", "to_block",
                "address=" + address + "&token=usd", "token",
                "address=" + address + "&format=png", "format").entrySet()) {
            given().auth().oauth2(key).get(GRAPH + "?" + bad.getKey()).then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo(bad.getValue()));
        }
        final String tooMany = IntStream.range(0, 1001).mapToObj(i -> "\"" + address + "\"").collect(Collectors.joining(","));
        for (final Map.Entry<String, String> bad : Map.of(
                "{\"addresses\": [" + tooMany + "]}", "addresses",
                "{\"addresses\": []}", "addresses",
                "{\"addresses\": [\"" + address + "\", \"0xnope\"]}", "addresses[1]",
                "{\"address\": 5}", "address").entrySet()) {
            given().auth().oauth2(key).contentType(ContentType.JSON).body(bad.getKey()).post(CLUSTER).then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo(bad.getValue()));
        }
    }

    @Test
    void clustersTieADrainToItsCashOutNotToItsVictimsAndAnOwnerToTheAddressItApproved() {
        final long number = ChainItems.blockNumber();
        final String blockHash = ChainItems.hash("b");
        final String drain = ChainItems.address("drain");
        final String sink = ChainItems.address("sink");
        final String owner = ChainItems.address("owner");
        final String spender = ChainItems.address("spender");
        final List<String> victims = List.of(ChainItems.address("v1"), ChainItems.address("v2"), ChainItems.address("v3"));
        produce(ItemType.BLOCK, ChainItems.block(number, blockHash, ChainItems.hash("parent")));
        int index = 0;
        for (final String victim : victims) {
            produce(ItemType.TRANSACTION, ChainItems.transaction(ChainItems.hash("in"), number, blockHash, index++, victim, drain, "300"));
        }
        final String sweep = ChainItems.hash("sweep");
        produce(ItemType.TRANSACTION, ChainItems.transaction(sweep, number, blockHash, index++, drain, sink, "890"));
        final String approve = ChainItems.hash("approve");
        produce(ItemType.LOG, approval(ChainItems.address("usdc"), owner, spender, approve, number, blockHash));

        await().atMost(PATIENCE).untilAsserted(() -> {
            final JsonPath answer = given().auth().oauth2(key).contentType(ContentType.JSON)
                    .body("{\"addresses\": [\"" + drain + "\", \"" + victims.get(0) + "\", \"" + owner + "\"]}")
                    .post("/api/python/blockchain/analyze-wallet-cluster").then().statusCode(200).extract().jsonPath();
            assertThat(answer.getList("clusters.find { it.requested.contains('" + drain + "') }.members", String.class))
                    .containsExactlyInAnyOrder(drain, sink);
            assertThat(answer.getString("clusters.find { it.requested.contains('" + drain + "') }.evidence[0].heuristic"))
                    .isEqualTo(WalletClusters.COMMON_SINK);
            assertThat(answer.getList("clusters.find { it.requested.contains('" + drain + "') }.evidence[0].transactions",
                    String.class)).containsExactly(sweep);
            assertThat(answer.getList("clusters.find { it.requested.contains('" + victims.get(0) + "') }.members",
                    String.class)).containsExactly(victims.get(0));
            assertThat(answer.getList("clusters.find { it.requested.contains('" + owner + "') }.members", String.class))
                    .containsExactlyInAnyOrder(owner, spender);
            assertThat(answer.getString("clusters.find { it.requested.contains('" + owner + "') }.evidence[0].heuristic"))
                    .isEqualTo(WalletClusters.SELF_AUTHORISATION);
            assertThat(answer.getList("unknown_addresses")).isEmpty();
            assertThat(answer.getMap("behavioural_groups")).containsKeys("population", "groups", "noise", "model");
        });
        final JsonPath single = given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"address\": \"" + sink + "\"}").post(CLUSTER).then().statusCode(200).extract().jsonPath();
        assertThat(single.getList("clusters[0].members", String.class)).containsExactlyInAnyOrder(drain, sink);
    }
}
