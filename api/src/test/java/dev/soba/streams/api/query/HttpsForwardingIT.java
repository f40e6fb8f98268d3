package dev.soba.streams.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.soba.streams.api.ChainItems;
import dev.soba.streams.api.testing.TestServers;
import dev.soba.streams.embedded.AppInstance;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged application serving HTTPS only, configured as the Helm chart does
 * (PEM files: certificate, private key, the CA to trust), with a certificate made for this test
 * (keytool, for localhost and 127.0.0.1, written out as PEM): every block
 * is answered by either instance, the keys the other owns fetched from it over HTTPS with the
 * certificate checked against the trust store, and plain HTTP is not answered.
 */
class HttpsForwardingIT {

    private static final int PARTITIONS = 4;
    private static final int BLOCKS = 16;
    private static final Duration PATIENCE = Duration.ofSeconds(300);
    private static final String PASSWORD = "soba-test-" + UUID.randomUUID();
    private static final String KEY = "soba_https_it_" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void instancesServeHttpsAndForwardQueriesOverIt(@TempDir final Path work) throws Exception {
        final Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertThat(jar).as("the packaged application (failsafe runs after package)").exists();
        final Tls tls = makeCertificate(work);
        final HttpClient https = HttpClient.newBuilder().sslContext(trusting(tls.certificate()))
                .connectTimeout(Duration.ofSeconds(20)).build();

        try (TestServers servers = TestServers.startPrivate()) {
            final String prefix = "tls-" + UUID.randomUUID().toString().substring(0, 8) + ".";
            final String applicationId = "soba-tls-" + UUID.randomUUID().toString().substring(0, 8);
            final List<AppInstance> instances = new ArrayList<>();
            try {
                for (final String name : List.of("first", "second")) {
                    instances.add(start(name, jar, work, servers, prefix, applicationId, tls));
                }
                for (final AppInstance instance : instances) {
                    awaitReady(https, instance);
                }
                final List<Long> blocks = produceBlocks(servers, prefix);
                final AppInstance first = instances.get(0);
                final Set<String> answeredBy = new HashSet<>();
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    answeredBy.clear();
                    for (final long block : blocks) {
                        final HttpResponse<String> answer = get(https, httpsUrl(first, "/api/v1/blocks/" + block));
                        assertThat(answer.statusCode()).as("block %d: %s", block, answer.body()).isEqualTo(200);
                        answeredBy.add(answer.headers().firstValue(QueryResponder.ANSWERED_BY).orElseThrow());
                    }
                });
                // the first instance answered the second's keys by asking it, over HTTPS
                assertThat(answeredBy).containsExactlyInAnyOrder(
                        "localhost:" + first.port(), "localhost:" + instances.get(1).port());
                final String metrics = get(https, httpsUrl(first, "/q/metrics")).body();
                assertThat(metrics.lines().filter(line -> line.startsWith("soba_query_forwards_total{")
                        && line.contains("outcome=\"answered\"")).mapToDouble(line -> Double.parseDouble(
                        line.substring(line.lastIndexOf(' ') + 1))).sum()).isPositive();
                // HTTPS only: plain HTTP on the same port is not answered
                final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + first.port()
                        + "/q/health/live")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()))
                        .isInstanceOf(IOException.class);
            } finally {
                instances.forEach(AppInstance::close);
            }
        }
    }

    private static AppInstance start(final String name, final Path jar, final Path work, final TestServers servers,
                                     final String prefix, final String applicationId, final Tls tls) {
        final int port = AppInstance.freePort();
        final Map<String, String> properties = new HashMap<>();
        properties.put("soba.kafka.bootstrap-servers", servers.bootstrapServers());
        properties.put("quarkus.datasource.reactive.url", servers.reactiveUrl());
        properties.put("quarkus.datasource.username", servers.username());
        properties.put("quarkus.datasource.password", servers.password());
        properties.put("quarkus.redis.hosts", servers.redisUrl());
        properties.put("soba.topics.prefix", prefix);
        properties.put("soba.topics.partitions", Integer.toString(PARTITIONS));
        properties.put("quarkus.kafka-streams.application-id", applicationId);
        properties.put("kafka-streams.state.dir", work.resolve(name + "-state").toString());
        properties.put("kafka-streams.processing.guarantee", "at_least_once");
        properties.put("soba.api.bootstrap-key", KEY);
        properties.put("soba.query.forward-secret", PASSWORD);
        // HTTPS only, on the port the instance advertises to its peers
        properties.put("quarkus.tls.key-store.pem.0.cert", tls.certificate().toString());
        properties.put("quarkus.tls.key-store.pem.0.key", tls.key().toString());
        properties.put("quarkus.tls.trust-store.pem.certs", tls.certificate().toString());
        properties.put("quarkus.http.ssl-port", Integer.toString(port));
        properties.put("quarkus.http.insecure-requests", "disabled");
        properties.put("soba.advertised-host", "localhost");
        properties.put("soba.advertised-port", Integer.toString(port));
        properties.put("soba.query.forward-scheme", "https");
        // AppInstance reports this port: the HTTPS one (the plain HTTP port is not opened)
        return AppInstance.start(name, jar, port, properties, work.resolve(name + ".log"));
    }

    /** PEM files as a Kubernetes TLS Secret holds them (tls.crt, tls.key; the self-signed certificate is its own CA). */
    private record Tls(Path certificate, Path key) {
    }

    private static Tls makeCertificate(final Path work) throws Exception {
        final Path keyStore = work.resolve("server.p12");
        keytool(work, "-genkeypair", "-alias", "soba", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        final KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        final Path certificate = work.resolve("tls.crt");
        final Path key = work.resolve("tls.key");
        Files.writeString(certificate, pem("CERTIFICATE", store.getCertificate("soba").getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", store.getKey("soba", PASSWORD.toCharArray()).getEncoded()));
        return new Tls(certificate, key);
    }

    private static String pem(final String type, final byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void keytool(final Path work, final String... arguments) throws Exception {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        final Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("keytool %s: %s", arguments[0], output).isZero();
    }

    private static SSLContext trusting(final Path certificate) throws Exception {
        final KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("soba", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        final SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static void awaitReady(final HttpClient https, final AppInstance instance) throws Exception {
        final long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!instance.isAlive()) {
                throw new AssertionError(instance.name() + " exited; its log ends with:\n" + instance.logTail(60));
            }
            try {
                final HttpResponse<String> ready = get(https, httpsUrl(instance, "/q/health/ready"));
                if (ready.statusCode() == 200) {
                    return;
                }
                last = ready.statusCode() + " " + ready.body();
            } catch (final IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError(instance.name() + " not ready over HTTPS (" + last + "); its log ends with:\n"
                + instance.logTail(60));
    }

    private static List<Long> produceBlocks(final TestServers servers, final String prefix) {
        final List<Long> numbers = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            String parent = ChainItems.hash("genesis");
            final long start = ChainItems.blockNumber() + 7_000_000L;
            for (int i = 0; i < BLOCKS; i++) {
                final String hash = ChainItems.hash("block");
                producer.send(new ProducerRecord<>(prefix + "blocks",
                        ChainItems.block(start + i, hash, parent).getBytes(StandardCharsets.UTF_8)));
                numbers.add(start + i);
                parent = hash;
            }
            producer.flush();
        }
        return numbers;
    }

    private static String httpsUrl(final AppInstance instance, final String path) {
        return "https://localhost:" + instance.port() + path;
    }

    private static HttpResponse<String> get(final HttpClient client, final String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
