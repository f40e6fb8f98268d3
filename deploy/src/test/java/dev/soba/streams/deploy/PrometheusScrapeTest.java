package dev.soba.streams.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.soba.streams.embedded.AppInstance;
import dev.soba.streams.embedded.EmbeddedServers;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's package) scrapes a running instance of the application (the packaged
 * jar, on the embedded Kafka, PostgreSQL and Redis) with the alert rules loaded: a pipeline metric
 * is read back through Prometheus' HTTP API, every rule evaluates without error on the real series,
 * and every metric the rules and the Grafana dashboard use is one the application exports.
 */
class PrometheusScrapeTest {

    private static final Path JAR = Repository.ROOT.resolve("api/target/quarkus-app/quarkus-run.jar");
    private static final String KEY = "soba_prometheus_test_admin_key_0123456789";
    /** Series Prometheus makes itself, not the application. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up", "ALERTS", "ALERTS_FOR_STATE");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void prometheusScrapesTheApplicationAndEveryMetricInUseExists(@TempDir final Path directory) throws Exception {
        final var prometheusBinary = Tool.find("prometheus");
        assumeTrue(prometheusBinary.isPresent(), "prometheus is not installed (apt-get install prometheus): "
                + "no real Prometheus scrapes the application");
        assertThat(JAR).as("the packaged application (./mvnw -B -pl api -am package -DskipTests)").exists();
        try (EmbeddedServers servers = EmbeddedServers.start(directory.resolve("servers"), EmbeddedServers.Ports.random());
             AppInstance app = AppInstance.start("a", JAR, AppInstance.freePort(), properties(servers, directory),
                     directory.resolve("app.log"))) {
            app.awaitReady(Duration.ofSeconds(180));
            // a record the pipeline rejects: the rejected counter moves and an output topic is written
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.bootstrapServers()),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>("blocks", "not an ethereum-etl item".getBytes(StandardCharsets.UTF_8))).get();
            }
            // API traffic, so the request series exist: a keyed request (rate limit checked), one refused without a key
            get(app.baseUrl() + "/api/v1/pools/0x0000000000000000000000000000000000000001", KEY);
            get(app.baseUrl() + "/api/v1/pools/0x0000000000000000000000000000000000000001", null);

            final int prometheusPort = AppInstance.freePort();
            final Path config = directory.resolve("prometheus.yml");
            Files.copy(Repository.PROMETHEUS.resolve("alerts.yml"), directory.resolve("alerts.yml"));
            Files.writeString(config, """
                    global:
                      scrape_interval: 1s
                      evaluation_interval: 1s
                    rule_files:
                      - alerts.yml
                    scrape_configs:
                      - job_name: soba-dex-streams
                        metrics_path: /q/metrics
                        static_configs:
                          - targets: ['127.0.0.1:%d']
                    """.formatted(app.port()));
            final Process prometheus = new ProcessBuilder(prometheusBinary.get().executable().toString(),
                    "--config.file=" + config, "--storage.tsdb.path=" + directory.resolve("tsdb"),
                    "--web.listen-address=127.0.0.1:" + prometheusPort)
                    .redirectErrorStream(true).redirectOutput(directory.resolve("prometheus.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            try {
                final String api = "http://127.0.0.1:" + prometheusPort + "/api/v1/";
                final JsonNode up = await(api + "query?query=" + encode("up{job=\"soba-dex-streams\"}"),
                        answer -> answer.at("/data/result/0/value/1").asText().equals("1"), prometheus, directory);
                assertThat(up.at("/data/result/0/metric/instance").asText()).isEqualTo("127.0.0.1:" + app.port());
                // the pipeline's state, through Prometheus: 2 = RUNNING
                final JsonNode state = await(api + "query?query=" + encode("max(kafka_stream_client_state{job=\"soba-dex-streams\"})"),
                        answer -> answer.at("/data/result/0/value/1").asText().equals("2"), prometheus, directory);
                assertThat(state.at("/data/result/0/value/1").asText()).isEqualTo("2");

                // Kafka's client metrics reach the registry when Micrometer next looks for new ones (every 60 s)
                final Set<String> used = metricsInUse();
                final JsonNode names = await(api + "label/__name__/values",
                        answer -> exported(answer).containsAll(used), prometheus, Duration.ofSeconds(150), directory);
                assertThat(exported(names)).containsAll(used);
                final JsonNode rules = await(api + "rules", answer -> answer.at("/data/groups/0/rules").size() > 0
                        && ruleHealth(answer).stream().allMatch(health -> !health.equals("unknown")), prometheus, directory);
                assertThat(ruleHealth(rules)).as("every alert rule evaluates on the real series").containsOnly("ok");
            } finally {
                prometheus.destroy();
                if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                }
            }
        }
    }

    private static Map<String, String> properties(final EmbeddedServers servers, final Path directory) {
        final Map<String, String> properties = new HashMap<>();
        properties.put("soba.kafka.bootstrap-servers", servers.bootstrapServers());
        properties.put("quarkus.datasource.reactive.url", servers.reactiveUrl());
        properties.put("quarkus.datasource.username", servers.postgres().username());
        properties.put("quarkus.datasource.password", servers.postgres().password());
        properties.put("quarkus.redis.hosts", servers.redisUrl());
        properties.put("soba.topics.partitions", "2");
        properties.put("soba.advertised-host", "127.0.0.1");
        properties.put("soba.api.bootstrap-key", KEY);
        properties.put("quarkus.kafka-streams.application-id", "soba-prometheus-test");
        properties.put("kafka-streams.state.dir", directory.resolve("state").toString());
        properties.put("kafka-streams.processing.guarantee", "at_least_once");
        properties.put("quarkus.log.level", "WARN");
        return properties;
    }

    /** Every metric name the alert rules and the dashboard's queries read. */
    static Set<String> metricsInUse() throws IOException {
        final Set<String> names = new TreeSet<>();
        final JsonNode rules = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(Repository.PROMETHEUS.resolve("alerts.yml").toFile());
        rules.findValues("expr").forEach(expr -> names.addAll(MetricNames.in(expr.asText())));
        JSON.readTree(Repository.DASHBOARD.toFile()).findValues("expr").forEach(expr -> names.addAll(MetricNames.in(expr.asText())));
        JSON.readTree(Repository.DASHBOARD.toFile()).at("/templating/list").forEach(variable ->
                names.addAll(MetricNames.in(variable.path("definition").asText().replaceAll("^label_values\\(([^,]+),.*", "$1"))));
        names.removeAll(PROMETHEUS_OWN);
        return names;
    }

    private static Set<String> exported(final JsonNode names) {
        final Set<String> exported = new TreeSet<>();
        names.path("data").forEach(name -> exported.add(name.asText()));
        return exported;
    }

    private static List<String> ruleHealth(final JsonNode rules) {
        final List<String> health = new ArrayList<>();
        rules.at("/data/groups").forEach(group -> group.path("rules").forEach(rule ->
                health.add(rule.path("name").asText() + ": " + rule.path("health").asText() + " " + rule.path("lastError").asText())));
        return health.stream().map(entry -> entry.substring(entry.indexOf(": ") + 2).trim()).toList();
    }

    private static JsonNode await(final String url, final Predicate<JsonNode> done, final Process prometheus,
                                  final Path directory) throws Exception {
        return await(url, done, prometheus, Duration.ofSeconds(60), directory);
    }

    private static JsonNode await(final String url, final Predicate<JsonNode> done, final Process prometheus,
                                  final Duration patience, final Path directory) throws Exception {
        final long deadline = System.nanoTime() + patience.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            if (!prometheus.isAlive()) {
                throw new AssertionError("prometheus exited: " + Files.readString(directory.resolve("prometheus.log")));
            }
            try {
                final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    last = JSON.readTree(response.body());
                    if (done.test(last)) {
                        return last;
                    }
                }
            } catch (final IOException notYet) {
                // Prometheus still starting
            }
            Thread.sleep(500);
        }
        return last == null ? JSON.createObjectNode() : last;
    }

    private static void get(final String url, final String key) throws Exception {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private static String encode(final String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }
}
