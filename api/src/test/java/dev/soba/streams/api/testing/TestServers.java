package dev.soba.streams.api.testing;

import java.util.Collection;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The back-ends an integration test runs against: a Kafka broker, PostgreSQL and Redis. The
 * embedded ones ({@link RealServers}) by default; Testcontainers' ({@link ContainerServers}) with
 * {@code -Ptestcontainers} where a Docker engine exists. Tests only see this interface.
 */
public interface TestServers extends AutoCloseable {

    /** {@code -Dintegration.servers=testcontainers} (set by the Maven profile) selects containers. */
    String SELECTOR = "integration.servers";

    String bootstrapServers();

    String reactiveUrl();

    String jdbcUrl();

    String username();

    String password();

    String redisUrl();

    /** Creates the missing topics and waits for their leaders. */
    Set<String> createTopics(Collection<NewTopic> topics);

    /** Stops PostgreSQL alone, to see how the application behaves without it (close() still stops the rest). */
    void stopPostgres();

    @Override
    void close();

    /** The JVM-wide servers of the selected kind, started on first use. */
    static TestServers shared() {
        return "testcontainers".equals(System.getProperty(SELECTOR)) ? ContainerServers.shared() : RealServers.shared();
    }

    /** A private set of the selected kind; the caller closes it. */
    static TestServers startPrivate() {
        return "testcontainers".equals(System.getProperty(SELECTOR)) ? ContainerServers.start() : RealServers.start();
    }
}
