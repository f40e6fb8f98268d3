package dev.soba.streams.api.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.api.ChainItems;
import dev.soba.streams.api.testing.TestServers;
import dev.soba.streams.embedded.AppInstance;
import dev.soba.streams.schemas.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of the packaged application (two JVMs, {@code java -jar quarkus-run.jar serve})
 * against one broker, one PostgreSQL and one Redis, as an operator runs them: any instance answers
 * any key, rate limits hold across both, a revoked key is refused by both, and when one instance
 * is killed the other takes over its partitions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final int PARTITIONS = 4;
    private static final int BLOCKS = 24;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String FORWARD_SECRET = UUID.randomUUID().toString();
    private static TestServers servers;
    private static AppInstance first;
    private static AppInstance second;
    private static String prefix;
    private static String key;
    /** Block number → the hash produced for it; transaction hash → its block number. */
    private static final Map<Long, String> BLOCK_HASHES = new LinkedHashMap<>();
    private static final Map<String, Long> TRANSACTIONS = new LinkedHashMap<>();
    /** The sender and the receiver of every transaction of the chain (one busy pair for the graph). */
    private static final String ALICE = ChainItems.address("alice");
    private static final String BOB = ChainItems.address("bob");

    @BeforeAll
    static void startTwoInstances() throws Exception {
        servers = TestServers.startPrivate();
        prefix = "two-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        key = createKey("it-reader", "read,write,admin", "read=100000/m,admin=1000/m");
        final Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertThat(jar).as("the packaged application (failsafe runs after package)").exists();
        final Path work = Files.createTempDirectory("soba-two-instances");
        final String applicationId = "soba-it-" + UUID.randomUUID().toString().substring(0, 8);
        first = start("first", jar, work, applicationId);
        second = start("second", jar, work, applicationId);
        first.awaitReady(PATIENCE);
        second.awaitReady(PATIENCE);
        produceChain();
    }

    @AfterAll
    static void stopEverything() {
        for (final AppInstance instance : new AppInstance[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    @Order(1)
    void everyKeyIsAnsweredCorrectlyAndIdenticallyByBothInstances() throws Exception {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (final Map.Entry<Long, String> block : BLOCK_HASHES.entrySet()) {
                final JsonNode fromFirst = okJson(first, "/api/v1/blocks/" + block.getKey());
                final JsonNode fromSecond = okJson(second, "/api/v1/blocks/" + block.getKey());
                assertThat(fromFirst.get("hash").asText()).isEqualTo(block.getValue());
                assertThat(fromSecond).isEqualTo(fromFirst);
            }
            for (final Map.Entry<String, Long> tx : TRANSACTIONS.entrySet()) {
                final JsonNode fromFirst = okJson(first, "/api/v1/transactions/" + tx.getKey());
                final JsonNode fromSecond = okJson(second, "/api/v1/transactions/" + tx.getKey());
                assertThat(fromFirst.get("block_number").asLong()).isEqualTo(tx.getValue());
                assertThat(fromSecond).isEqualTo(fromFirst);
            }
        });
        // both instances own some keys, so both answered some of them by forwarding
        final Set<String> answeredBy = new HashSet<>();
        for (final Long block : BLOCK_HASHES.keySet()) {
            answeredBy.add(get(first, "/api/v1/blocks/" + block, key).headers().firstValue("X-Soba-Answered-By").orElseThrow());
        }
        assertThat(answeredBy).containsExactlyInAnyOrder("localhost:" + first.port(), "localhost:" + second.port());
        assertThat(forwardsAnswered(first)).isPositive();
        assertThat(forwardsAnswered(second)).isPositive();
    }

    @Test
    @Order(1)
    void theTransactionGraphAndClustersAreReadAcrossBothInstancesAndAnsweredIdentically() {
        final String alice = ALICE;
        final String bob = BOB;
        // every transaction of the chain is alice → bob; each hop's keys are read where they are stored
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (final String root : List.of(alice, bob)) {
                final String path = "/api/v1/blockchain/transaction-graph?depth=2&address=" + root;
                final JsonNode fromFirst = okJson(first, path);
                final JsonNode fromSecond = okJson(second, path);
                assertThat(fromFirst.get("known").asBoolean()).isTrue();
                assertThat(fromFirst.get("nodes")).hasSize(2);
                assertThat(fromFirst.get("edges").get(0).get("transaction_count").asInt()).isEqualTo(BLOCKS);
                assertThat(fromFirst.get("edges").get(0).get("value").get("eth").asText()).isEqualTo(Integer.toString(1000 * BLOCKS));
                assertThat(fromSecond).isEqualTo(fromFirst);
            }
        });
        final JsonNode fromFirst = postJson(first, "/api/python/blockchain/analyze-wallet-cluster",
                "{\"addresses\": [\"" + alice + "\", \"" + bob + "\"]}");
        final JsonNode fromSecond = postJson(second, "/api/v1/blockchain/analyze-wallet-cluster",
                "{\"addresses\": [\"" + alice + "\", \"" + bob + "\"]}");
        assertThat(fromFirst.get("unknown_addresses")).isEmpty();
        assertThat(fromSecond.get("clusters")).isEqualTo(fromFirst.get("clusters"));
    }

    @Test
    @Order(2)
    void instancesShowsBothAndThePartitionsEachHolds() {
        final JsonNode fromFirst = okJson(first, "/api/v1/instances");
        final JsonNode fromSecond = okJson(second, "/api/v1/instances");
        assertThat(fromFirst.get("count").asInt()).isEqualTo(2);
        assertThat(fromFirst.get("self").asText()).endsWith(":" + first.port());
        assertThat(fromSecond.get("self").asText()).endsWith(":" + second.port());
        assertThat(withoutViewerFields(fromSecond.get("instances"))).isEqualTo(withoutViewerFields(fromFirst.get("instances")));
        final Set<Integer> blocksPartitions = new HashSet<>();
        for (final JsonNode instance : fromFirst.get("instances")) {
            final JsonNode held = instance.get("partitions").get(prefix + "blocks");
            assertThat(held).as("each instance holds partitions of the blocks topic: " + instance).isNotNull();
            for (final JsonNode partition : held) {
                assertThat(blocksPartitions.add(partition.asInt())).as("partition held twice").isTrue();
            }
            assertThat(instance.get("stores")).isNotEmpty();
        }
        assertThat(blocksPartitions).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    @Order(3)
    void aRateLimitHoldsAcrossBothInstances() throws Exception {
        final String limited = createKey("it-limited", "read", "read=10/1h");
        int ok = 0;
        int refused = 0;
        final List<Long> blocks = new ArrayList<>(BLOCK_HASHES.keySet());
        for (int i = 0; i < 30; i++) {
            final HttpResponse<String> response = get(i % 2 == 0 ? first : second,
                    "/api/v1/blocks/" + blocks.get(i % blocks.size()), limited);
            if (response.statusCode() == 200) {
                ok++;
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                refused++;
            }
        }
        // forwarded requests are signed with the cluster's secret: counted once, on the instance first asked
        assertThat(ok).as("answered within a limit of 10 shared by two instances").isEqualTo(10);
        assertThat(ok + refused).isEqualTo(30);
    }

    @Test
    @Order(4)
    void aRevokedKeyIsRefusedByBothInstancesWithinSeconds() throws Exception {
        final String name = "it-revoked-" + UUID.randomUUID().toString().substring(0, 6);
        final String doomed = createKey(name, "admin", "");
        assertThat(get(first, "/api/v1/instances", doomed).statusCode()).isEqualTo(200);
        assertThat(get(second, "/api/v1/instances", doomed).statusCode()).isEqualTo(200);
        assertThat(KeysCommand.run(new String[] {"revoke", name, "--db-url", servers.reactiveUrl()}, quiet())).isZero();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(get(first, "/api/v1/instances", doomed).statusCode()).isEqualTo(401);
            assertThat(get(second, "/api/v1/instances", doomed).statusCode()).isEqualTo(401);
        });
    }

    @Test
    @Order(5)
    void whenOneInstanceIsKilledTheOtherTakesOverItsPartitions() {
        second.kill();
        // Until the group notices (session timeout) and the survivor has restored the stores, the
        // answer for a key the dead instance owned is 503 + Retry-After: never a wrong or empty one.
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            int answered = 0;
            for (final Map.Entry<Long, String> block : BLOCK_HASHES.entrySet()) {
                final HttpResponse<String> response = get(first, "/api/v1/blocks/" + block.getKey(), key);
                if (response.statusCode() == 200) {
                    assertThat(Json.tree(response.body().getBytes(StandardCharsets.UTF_8)).get("hash").asText())
                            .isEqualTo(block.getValue());
                    answered++;
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                }
            }
            assertThat(answered).isEqualTo(BLOCK_HASHES.size());
        });
        final JsonNode instances = okJson(first, "/api/v1/instances");
        assertThat(instances.get("count").asInt()).isEqualTo(1);
        assertThat(instances.get("instances").get(0).get("partitions").get(prefix + "blocks"))
                .extracting(JsonNode::asInt).containsExactlyInAnyOrder(0, 1, 2, 3);
        for (final Map.Entry<String, Long> tx : TRANSACTIONS.entrySet()) {
            assertThat(okJson(first, "/api/v1/transactions/" + tx.getKey()).get("block_number").asLong())
                    .isEqualTo(tx.getValue());
        }
    }

    @Test
    @Order(6)
    void withoutPostgresqlAKeyThatCannotBeCheckedIsA503NotA500() throws Exception {
        servers.stopPostgres();
        // a key never seen (so not in the instance's short key cache) must be looked up, and cannot be
        final HttpResponse<String> response = get(first, "/api/v1/blocks/" + BLOCK_HASHES.keySet().iterator().next(),
                "sk_" + UUID.randomUUID().toString().replace("-", ""));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("API keys cannot be checked");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            final HttpResponse<String> health = get(first, "/api/v1/health", null);
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"unhealthy\"");
        });
    }

    private static AppInstance start(final String name, final Path jar, final Path work, final String applicationId) {
        final Map<String, String> properties = new HashMap<>();
        properties.put("soba.kafka.bootstrap-servers", servers.bootstrapServers());
        properties.put("quarkus.datasource.reactive.url", servers.reactiveUrl());
        properties.put("quarkus.datasource.username", servers.username());
        properties.put("quarkus.datasource.password", servers.password());
        properties.put("quarkus.redis.hosts", servers.redisUrl());
        properties.put("soba.topics.prefix", prefix);
        properties.put("soba.topics.partitions", Integer.toString(PARTITIONS));
        properties.put("soba.advertised-host", "localhost");
        properties.put("soba.query.forward-secret", FORWARD_SECRET);
        properties.put("quarkus.kafka-streams.application-id", applicationId);
        properties.put("kafka-streams.state.dir", work.resolve(name + "-state").toString());
        // notice a killed instance quickly (the default 15 s session would only make the test slower)
        properties.put("kafka-streams.consumer.session.timeout.ms", "6000");
        properties.put("kafka-streams.consumer.heartbeat.interval.ms", "1000");
        properties.put("kafka-streams.commit.interval.ms", "100");
        return AppInstance.start(name, jar, AppInstance.freePort(), properties, work.resolve(name + ".log"));
    }

    private static void produceChain() {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            String parent = ChainItems.hash("genesis");
            final long start = ChainItems.blockNumber() + 5_000_000L;
            for (int i = 0; i < BLOCKS; i++) {
                final long number = start + i;
                final String hash = ChainItems.hash("block");
                producer.send(new ProducerRecord<>(prefix + "blocks", ChainItems.block(number, hash, parent)
                        .getBytes(StandardCharsets.UTF_8)));
                final String tx = ChainItems.hash("tx");
                producer.send(new ProducerRecord<>(prefix + "transactions", ChainItems.transaction(tx, number, hash, 0,
                        ALICE, BOB, "1000").getBytes(StandardCharsets.UTF_8)));
                BLOCK_HASHES.put(number, hash);
                TRANSACTIONS.put(tx, number);
                parent = hash;
            }
            producer.flush();
        }
    }

    private static String createKey(final String name, final String scopes, final String limits) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final List<String> argv = new ArrayList<>(List.of("create", "--name", name, "--scopes", scopes,
                "--db-url", servers.reactiveUrl()));
        if (!limits.isEmpty()) {
            argv.addAll(List.of("--rate-limit", limits));
        }
        assertThat(KeysCommand.run(argv.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(final AppInstance instance, final String path, final String bearer)
            throws Exception {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.baseUrl() + path))
                .timeout(Duration.ofSeconds(20)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode okJson(final AppInstance instance, final String path) {
        try {
            final HttpResponse<String> response = get(instance, path, key);
            assertThat(response.statusCode()).as(instance.name() + " " + path + ": " + response.body()).isEqualTo(200);
            return Json.tree(response.body().getBytes(StandardCharsets.UTF_8));
        } catch (final Exception e) {
            throw new AssertionError(instance.name() + " " + path + " failed: " + e, e);
        }
    }

    private static JsonNode postJson(final AppInstance instance, final String path, final String body) {
        try {
            final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + path))
                    .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(instance.name() + " " + path + ": " + response.body()).isEqualTo(200);
            return Json.tree(response.body().getBytes(StandardCharsets.UTF_8));
        } catch (final Exception e) {
            throw new AssertionError(instance.name() + " " + path + " failed: " + e, e);
        }
    }

    private static double forwardsAnswered(final AppInstance instance) {
        try {
            final HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(
                    URI.create(instance.baseUrl() + "/q/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
            return metrics.body().lines()
                    .filter(line -> line.startsWith("soba_query_forwards_total{") && line.contains("outcome=\"answered\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (final Exception e) {
            throw new AssertionError("metrics of " + instance.name() + ": " + e, e);
        }
    }

    /** The instance list minus what only the viewer knows (which one is itself, its circuits). */
    private static JsonNode withoutViewerFields(final JsonNode instances) {
        final com.fasterxml.jackson.databind.node.ArrayNode copy = Json.mapper().createArrayNode();
        for (final JsonNode instance : instances) {
            final com.fasterxml.jackson.databind.node.ObjectNode stripped = instance.deepCopy();
            stripped.remove(List.of("self", "circuit"));
            copy.add(stripped);
        }
        return copy;
    }
}
