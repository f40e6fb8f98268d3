package dev.soba.streams.api.testing;

import dev.soba.streams.topology.TopicCreator;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.NewTopic;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same back-ends as containers, for machines with a Docker engine ({@code -Ptestcontainers}):
 * Apache Kafka in KRaft mode, PostgreSQL and Redis. The integration tests are unchanged.
 */
public final class ContainerServers implements TestServers {

    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static ContainerServers shared;

    private final KafkaContainer kafka;
    private final PostgreSQLContainer postgres;
    private final GenericContainer<?> redis;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ContainerServers(final KafkaContainer kafka, final PostgreSQLContainer postgres, final GenericContainer<?> redis) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.redis = redis;
    }

    static synchronized ContainerServers shared() {
        if (shared == null) {
            final ContainerServers servers = start();
            Runtime.getRuntime().addShutdownHook(new Thread(servers::close, "container-servers-shutdown"));
            shared = servers;
        }
        return shared;
    }

    static ContainerServers start() {
        final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine").withDatabaseName("soba");
        final GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        kafka.start();
        postgres.start();
        redis.start();
        return new ContainerServers(kafka, postgres, redis);
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String reactiveUrl() {
        return "postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + postgres.getDatabaseName();
    }

    @Override
    public String jdbcUrl() {
        return postgres.getJdbcUrl();
    }

    @Override
    public String username() {
        return postgres.getUsername();
    }

    @Override
    public String password() {
        return postgres.getPassword();
    }

    @Override
    public String redisUrl() {
        return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
    }

    @Override
    public Set<String> createTopics(final Collection<NewTopic> topics) {
        return TopicCreator.createMissing(bootstrapServers(), topics, TOPIC_TIMEOUT);
    }

    @Override
    public void stopPostgres() {
        postgres.stop();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            redis.stop();
            postgres.stop();
            kafka.stop();
        }
    }
}
