package dev.soba.streams.embedded;

import dev.soba.streams.topology.TopicCreator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The whole back-end of {@code ./soba demo} on one machine with nothing installed: Kafka, then
 * PostgreSQL, then Redis, each keeping its data under one base directory ({@code <base>/kafka},
 * {@code <base>/postgres}, {@code <base>/redis}), closed in reverse order.
 */
public final class EmbeddedServers implements AutoCloseable {

    /** The ports the servers listen on, all on 127.0.0.1. */
    public record Ports(int kafka, int kafkaController, int postgres, int redis) {

        public Ports {
            if (Set.of(kafka, kafkaController, postgres, redis).size() != 4) {
                throw new IllegalArgumentException("the four ports must differ: " + kafka + ", "
                        + kafkaController + ", " + postgres + ", " + redis);
            }
        }

        /** 9092, 9093, 15432, 16379: Kafka's usual ports; PostgreSQL and Redis off theirs, to not clash with local installs. */
        public static Ports defaults() {
            return new Ports(EmbeddedKafka.DEFAULT_PORT, EmbeddedKafka.DEFAULT_CONTROLLER_PORT,
                    EmbeddedPostgres.DEFAULT_PORT, EmbeddedRedis.DEFAULT_PORT);
        }

        /** Four distinct ports free right now, for tests that run beside other servers. */
        public static Ports random() {
            final List<Integer> free = LocalPorts.pickFree(4);
            return new Ports(free.get(0), free.get(1), free.get(2), free.get(3));
        }
    }

    private final EmbeddedKafka kafka;
    private final EmbeddedPostgres postgres;
    private final EmbeddedRedis redis;
    private final ParentDeathWatch watch;

    private EmbeddedServers(final EmbeddedKafka kafka, final EmbeddedPostgres postgres, final EmbeddedRedis redis,
                            final ParentDeathWatch watch) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.redis = redis;
        this.watch = watch;
    }

    /**
     * Starts the three servers with their data under {@code baseDirectory}, reusing whatever an
     * earlier run left there. If one fails, those already started are stopped again.
     *
     * @throws PortInUseException when one of the ports is taken
     */
    public static EmbeddedServers start(final Path baseDirectory, final Ports ports) {
        final Path base = baseDirectory.toAbsolutePath();
        final Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            final EmbeddedKafka kafka = EmbeddedKafka.start(base.resolve("kafka"), ports.kafka(), ports.kafkaController());
            started.push(kafka);
            final EmbeddedPostgres postgres = EmbeddedPostgres.start(Optional.of(base.resolve("postgres")), ports.postgres());
            started.push(postgres);
            final EmbeddedRedis redis = EmbeddedRedis.start(Optional.of(base.resolve("redis")), ports.redis());
            started.push(redis);
            // PostgreSQL and Redis are processes of their own: they must not outlive this JVM, even killed.
            final List<ParentDeathWatch.Target> targets = new java.util.ArrayList<>();
            postgres.pid().ifPresent(pid -> targets.add(new ParentDeathWatch.Target(pid, "INT", "PostgreSQL")));
            redis.pid().ifPresent(pid -> targets.add(new ParentDeathWatch.Target(pid, "TERM", "Redis")));
            return new EmbeddedServers(kafka, postgres, redis, ParentDeathWatch.start(targets));
        } catch (final RuntimeException e) {
            while (!started.isEmpty()) {
                closeSuppressed(started.pop(), e);
            }
            throw e;
        }
    }

    /**
     * Stops the PostgreSQL and Redis an earlier run left running on {@code baseDirectory} (its JVM was
     * killed before it could), found by their pid files; {@link #start} does it too, this lets a caller
     * free their ports before checking them.
     */
    public static void stopLeftovers(final Path baseDirectory) {
        final Path base = baseDirectory.toAbsolutePath();
        LeftoverProcess.stop(base.resolve("postgres").resolve("postmaster.pid"), "postgres", "PostgreSQL");
        LeftoverProcess.stop(base.resolve("redis").resolve("redis.pid"), "redis", "Redis");
    }

    /** Whether {@code port} can be bound now, on 127.0.0.1 or (with {@code anyInterface}) on every interface too. */
    public static boolean isPortFree(final int port, final boolean anyInterface) {
        return LocalPorts.isFree(port, anyInterface);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String reactiveUrl() {
        return postgres.reactiveUrl();
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public String redisUrl() {
        return redis.url();
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedPostgres postgres() {
        return postgres;
    }

    public EmbeddedRedis redis() {
        return redis;
    }

    /** See {@link TopicCreator}: creates the missing ones, waits for their leaders. */
    public Set<String> createTopics(final Collection<NewTopic> topics, final Duration timeout) {
        return TopicCreator.createMissing(bootstrapServers(), topics, timeout);
    }

    /** The process that stops PostgreSQL and Redis if this JVM dies without closing them. */
    public long watchPid() {
        return watch.pid();
    }

    /** Redis, PostgreSQL, then Kafka; every server gets its chance to stop even if one fails. */
    @Override
    public void close() {
        watch.close();
        RuntimeException failure = null;
        for (final AutoCloseable server : List.<AutoCloseable>of(redis, postgres, kafka)) {
            try {
                server.close();
            } catch (final Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("embedded servers did not all stop cleanly", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void closeSuppressed(final AutoCloseable server, final RuntimeException cause) {
        try {
            server.close();
        } catch (final Exception e) {
            cause.addSuppressed(e);
        }
    }
}
