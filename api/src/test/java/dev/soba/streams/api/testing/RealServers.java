package dev.soba.streams.api.testing;

import dev.soba.streams.embedded.BrokerLogLevels;
import dev.soba.streams.embedded.EmbeddedKafka;
import dev.soba.streams.embedded.EmbeddedPostgres;
import dev.soba.streams.embedded.EmbeddedRedis;
import dev.soba.streams.topology.TopicCreator;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Real back-ends for integration tests, all in temporary directories on free ports: a one-node
 * KRaft cluster from Kafka's own test kit (the one Kafka Streams' integration tests use), PostgreSQL
 * and Redis. {@link #shared()} starts them once per JVM, so test classes do not pay the start-up
 * again; they are stopped when the JVM exits.
 */
public final class RealServers implements TestServers {

    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);

    private static RealServers shared;

    private final KafkaClusterTestKit kafka;
    private final EmbeddedPostgres postgres;
    private final EmbeddedRedis redis;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RealServers(final KafkaClusterTestKit kafka, final EmbeddedPostgres postgres, final EmbeddedRedis redis) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.redis = redis;
    }

    /** The servers of this JVM, started on first use and closed by a shutdown hook. */
    public static synchronized RealServers shared() {
        if (shared == null) {
            final RealServers servers = start();
            Runtime.getRuntime().addShutdownHook(new Thread(servers::closeAtExit, "real-servers-shutdown"));
            shared = servers;
        }
        return shared;
    }

    /** A private set of servers; the caller closes it. */
    public static RealServers start() {
        BrokerLogLevels.quietUnlessConfigured();
        final KafkaClusterTestKit kafka = startKafka();
        try {
            final EmbeddedPostgres postgres = EmbeddedPostgres.start(Optional.empty(), 0);
            try {
                return new RealServers(kafka, postgres, EmbeddedRedis.start(Optional.empty(), 0));
            } catch (final RuntimeException e) {
                postgres.close();
                throw e;
            }
        } catch (final RuntimeException e) {
            closeKafka(kafka, e);
            throw e;
        }
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String reactiveUrl() {
        return postgres.reactiveUrl();
    }

    @Override
    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    @Override
    public String username() {
        return postgres.username();
    }

    @Override
    public String password() {
        return postgres.password();
    }

    @Override
    public String redisUrl() {
        return redis.url();
    }

    /** See {@link TopicCreator}: creates the missing ones and waits for their leaders. */
    @Override
    public Set<String> createTopics(final Collection<NewTopic> topics) {
        return TopicCreator.createMissing(bootstrapServers(), topics, TOPIC_TIMEOUT);
    }

    @Override
    public void stopPostgres() {
        postgres.close();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            final IllegalStateException failure = new IllegalStateException("real servers did not all stop cleanly");
            closeSuppressed(redis, failure);
            closeSuppressed(postgres, failure);
            closeKafka(kafka, failure);
            if (failure.getSuppressed().length > 0) {
                throw failure;
            }
        }
    }

    /**
     * The shutdown hook: a broker that hits a fatal error while the JVM exits would halt the test JVM
     * with a non-zero status (Kafka's {@link Exit}), which Surefire reports as a crashed fork although
     * every test passed; here such a request is reported and ignored. How long stopping took is printed,
     * as it counts against Surefire's exit timeout.
     */
    private void closeAtExit() {
        final long started = System.nanoTime();
        Exit.setHaltProcedure((status, message) ->
                System.err.println("real servers: Kafka asked to halt with status " + status + " while stopping: " + message));
        Exit.setExitProcedure((status, message) ->
                System.err.println("real servers: Kafka asked to exit with status " + status + " while stopping: " + message));
        try {
            close();
        } catch (final RuntimeException e) {
            System.err.println("real servers: " + e.getMessage());
            for (final Throwable suppressed : e.getSuppressed()) {
                System.err.println("  " + suppressed);
            }
        }
        System.err.printf("real servers stopped in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static KafkaClusterTestKit startKafka() {
        final KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                // What a production cluster runs, not the test kit's default of unreleased features.
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build());
        EmbeddedKafka.singleNodeSettings().forEach((key, value) -> builder.setConfigProp((String) key, value));
        builder.setConfigProp("unstable.api.versions.enable", "false");
        builder.setConfigProp("unstable.feature.versions.enable", "false");
        final KafkaClusterTestKit kafka;
        try {
            kafka = builder.build();
        } catch (final Exception e) {
            throw new IllegalStateException("cannot build the Kafka test cluster: " + e.getMessage(), e);
        }
        try {
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            return kafka;
        } catch (final Exception e) {
            final IllegalStateException failure =
                    new IllegalStateException("the Kafka test cluster did not start: " + e.getMessage(), e);
            closeKafka(kafka, failure);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw failure;
        }
    }

    private static void closeKafka(final KafkaClusterTestKit kafka, final RuntimeException failure) {
        try {
            kafka.close();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
        } catch (final Exception e) {
            failure.addSuppressed(e);
        }
    }

    private static void closeSuppressed(final AutoCloseable server, final RuntimeException failure) {
        try {
            server.close();
        } catch (final Exception e) {
            failure.addSuppressed(e);
        }
    }
}
