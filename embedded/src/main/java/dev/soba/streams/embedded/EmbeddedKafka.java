package dev.soba.streams.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real single-node KRaft Kafka (broker and controller in one process, like
 * {@code bin/kafka-server-start.sh} with a combined {@code server.properties}) running inside this
 * JVM, for {@code ./soba demo}. Its log directory persists: a formatted directory is reused, so
 * topics, offsets and state-store changelogs survive a restart.
 */
public final class EmbeddedKafka implements AutoCloseable {

    public static final int DEFAULT_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String META_PROPERTIES = "meta.properties";

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDir;
    private final String clusterId;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(final KafkaRaftServer server, final int port, final Path logDir,
                          final String clusterId) {
        this.server = server;
        this.port = port;
        this.logDir = logDir;
        this.clusterId = clusterId;
    }

    /**
     * Formats {@code logDir} if it has never been formatted, then starts the node and returns once
     * the broker is registered and unfenced, i.e. ready for clients.
     *
     * @throws PortInUseException when either port is taken
     */
    public static EmbeddedKafka start(final Path logDir, final int port, final int controllerPort) {
        if (port == controllerPort) {
            throw new IllegalArgumentException("Kafka port and controller port must differ, both are " + port);
        }
        LocalPorts.requireFree("Kafka", port);
        LocalPorts.requireFree("Kafka controller", controllerPort);
        BrokerLogLevels.quietUnlessConfigured();
        final Path dir = logDir.toAbsolutePath();
        final KafkaConfig config = KafkaConfig.fromProps(serverProperties(dir, port, controllerPort), false);
        final String clusterId = formatIfNeeded(dir);
        final KafkaRaftServer server;
        try {
            server = new KafkaRaftServer(config, Time.SYSTEM);
        } catch (final Exception e) {
            throw startFailure(dir, port, e);
        }
        try {
            server.startup();
        } catch (final Exception e) {
            // A broker that failed to start may leave the controller half running.
            shutdownQuietly(server);
            throw startFailure(dir, port, e);
        }
        return new EmbeddedKafka(server, port, dir, clusterId);
    }

    /** {@code 127.0.0.1:PORT}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return LocalPorts.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    public String clusterId() {
        return clusterId;
    }

    /** Controlled shutdown: flushes the logs so the next start needs no recovery. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    private static Properties serverProperties(final Path logDir, final int port, final int controllerPort) {
        final Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        // A static voter set (not a dynamic quorum) so the controller port may change between runs.
        props.put("controller.quorum.voters", NODE_ID + "@" + LocalPorts.HOST + ":" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listeners", "PLAINTEXT://" + LocalPorts.HOST + ":" + port
                + "," + CONTROLLER_LISTENER + "://" + LocalPorts.HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + LocalPorts.HOST + ":" + port);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("metadata.log.dir", logDir.toString());
        props.putAll(singleNodeSettings());
        return props;
    }

    /**
     * What a one-broker cluster needs so that consumer groups and exactly-once Kafka Streams work:
     * internal topics with one replica, and no waiting for group members that will never come.
     * Also shared by the integration-test cluster.
     */
    public static Properties singleNodeSettings() {
        final Properties props = new Properties();
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Fewer partitions than the defaults (50 each): created on first use, much faster on a laptop.
        props.put("offsets.topic.num.partitions", "10");
        props.put("transaction.state.log.num.partitions", "10");
        // The log cleaner's dedupe buffer is heap of this JVM; 128 MiB by default is far too much here.
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        return props;
    }

    /** What {@code kafka-storage.sh format} does, skipped when the directory already holds a node. */
    private static String formatIfNeeded(final Path logDir) {
        final Path metaProperties = logDir.resolve(META_PROPERTIES);
        if (Files.exists(metaProperties)) {
            return readClusterId(metaProperties);
        }
        final String clusterId = Uuid.randomUuid().toString();
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (final Exception e) {
            throw new IllegalStateException("cannot format Kafka log directory " + logDir + ": " + e.getMessage(), e);
        }
        return clusterId;
    }

    private static String readClusterId(final Path metaProperties) {
        final Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(metaProperties)) {
            meta.load(in);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + metaProperties, e);
        }
        final String clusterId = meta.getProperty("cluster.id");
        if (clusterId == null) {
            throw new IllegalStateException(metaProperties + " has no cluster.id: delete the directory to start afresh");
        }
        return clusterId;
    }

    // Exception, not RuntimeException: Scala code may throw checked exceptions undeclared.
    private static IllegalStateException startFailure(final Path logDir, final int port, final Exception cause) {
        return new IllegalStateException("Kafka failed to start on " + LocalPorts.HOST + ":" + port
                + " with log directory " + logDir + ": " + cause.getMessage(), cause);
    }

    private static void shutdownQuietly(final KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (final Exception ignored) {
            // the start-up failure is the error worth reporting
        }
    }
}
