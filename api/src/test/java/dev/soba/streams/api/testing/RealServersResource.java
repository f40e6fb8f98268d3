package dev.soba.streams.api.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.apache.kafka.clients.admin.NewTopic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Points a {@code @QuarkusTest} at real servers: {@code @WithTestResource(RealServersResource.class)}
 * (or {@code @QuarkusTestResource}). By default the servers are the JVM-wide {@link TestServers#shared()}
 * ones (embedded, or containers under {@code -Ptestcontainers}), left running between test classes and stopped at JVM exit; each application start still gets a
 * state directory of its own. With the init argument {@code shared=false} the resource starts a
 * private set and stops it in {@link #stop()}.
 */
public class RealServersResource implements QuarkusTestResourceLifecycleManager {

    /** Init argument: {@code "false"} for servers of this resource alone. */
    public static final String SHARED = "shared";
    /** Init argument: {@code "unreachable"} points the application at a Redis that is not there (a closed port). */
    public static final String REDIS = "redis";

    // The servers of the running application, for the static accessors below.
    private static volatile TestServers current;

    private boolean sharedServers = true;
    private boolean redisUnreachable;
    private TestServers servers;
    private Path stateDir;

    @Override
    public void init(final Map<String, String> initArgs) {
        sharedServers = !"false".equalsIgnoreCase(initArgs.getOrDefault(SHARED, "true"));
        redisUnreachable = "unreachable".equalsIgnoreCase(initArgs.getOrDefault(REDIS, ""));
    }

    @Override
    public Map<String, String> start() {
        servers = sharedServers ? TestServers.shared() : TestServers.startPrivate();
        current = servers;
        try {
            stateDir = Files.createTempDirectory("soba-streams-state-");
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create a Kafka Streams state directory", e);
        }
        final String bootstrap = servers.bootstrapServers();
        return Map.of(
                "soba.kafka.bootstrap-servers", bootstrap,
                "kafka.bootstrap.servers", bootstrap,
                "quarkus.kafka-streams.bootstrap-servers", bootstrap,
                // Passed through to Kafka Streams as state.dir (Quarkus hands on every kafka-streams.* key).
                "kafka-streams.state.dir", stateDir.toString(),
                "quarkus.datasource.reactive.url", servers.reactiveUrl(),
                "quarkus.datasource.username", servers.username(),
                "quarkus.datasource.password", servers.password(),
                "quarkus.redis.hosts", redisUnreachable ? "redis://127.0.0.1:" + closedPort() : servers.redisUrl());
    }

    @Override
    public void stop() {
        if (servers != null && !sharedServers) {
            servers.close();
        }
        if (current == servers) {
            current = null;
        }
        servers = null;
        if (stateDir != null) {
            deleteRecursively(stateDir);
            stateDir = null;
        }
    }

    /** The servers the running application uses (the shared ones when none is running). */
    public static TestServers servers() {
        final TestServers running = current;
        return running != null ? running : TestServers.shared();
    }

    /** {@code bootstrap.servers}, for tests that produce and consume themselves. */
    public static String bootstrapServers() {
        return servers().bootstrapServers();
    }

    /** PostgreSQL as a JDBC URL, for tests that look into the database. */
    public static String jdbcUrl() {
        return servers().jdbcUrl();
    }

    public static String redisUrl() {
        return servers().redisUrl();
    }

    /** Creates the missing topics and waits for their leaders. */
    public static Set<String> createTopics(final Collection<NewTopic> topics) {
        return servers().createTopics(topics);
    }

    /** A port nothing listens on: free a moment ago, so a connection is refused at once. */
    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }

    private static void deleteRecursively(final Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (final IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
