package dev.soba.streams.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * A real Redis server (the Linux/macOS binary shipped inside codemonstur's embedded-redis jar, run
 * as a child process) bound to 127.0.0.1. With a directory it persists through an append-only file
 * there; without one it is memory only and writes nothing to disk.
 */
public final class EmbeddedRedis implements AutoCloseable {

    public static final int DEFAULT_PORT = 16379;

    private static final String PID_FILE = "redis.pid";

    private final RedisServer server;
    private final int port;
    private final Optional<Path> dataDirectory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedRedis(final RedisServer server, final int port, final Optional<Path> dataDirectory) {
        this.server = server;
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts Redis on {@code port} (0: any free port), persisting into {@code dataDirectory} when given.
     *
     * @throws PortInUseException when the port is taken
     */
    public static EmbeddedRedis start(final Optional<Path> dataDirectory, final int requestedPort) {
        dataDirectory.ifPresent(dir -> LeftoverProcess.stop(dir.toAbsolutePath().resolve(PID_FILE), "redis", "Redis"));
        final int port = LocalPorts.resolve("Redis", requestedPort);
        final RedisServerBuilder builder = RedisServer.newRedisServer()
                .port(port)
                .bind(LocalPorts.HOST)
                .setting("appendonly " + (dataDirectory.isPresent() ? "yes" : "no"))
                // No RDB snapshots: the append-only file is the persistence, and without a
                // directory nothing should land in the binary's temporary folder.
                .setting("save \"\"")
                // Drain the server's output: an unread pipe would eventually block Redis.
                .soutListener(line -> { })
                .serrListener(line -> { });
        // The settings go to a config file, where a quoted path may contain spaces.
        dataDirectory.ifPresent(dir -> builder.setting("dir \"" + createDirectories(dir.toAbsolutePath()) + "\""));
        // Written by Redis, removed when it stops: how the next start finds a server left by a killed JVM.
        dataDirectory.ifPresent(dir -> builder.setting("pidfile \"" + dir.toAbsolutePath().resolve(PID_FILE) + "\""));
        final RedisServer server;
        try {
            server = builder.build();
            server.start();
        } catch (final IOException e) {
            throw new IllegalStateException("Redis failed to start on " + LocalPorts.HOST + ":" + port
                    + dataDirectory.map(dir -> " with directory " + dir).orElse("") + ": " + e.getMessage(), e);
        }
        return new EmbeddedRedis(server, port, dataDirectory.map(Path::toAbsolutePath));
    }

    /** {@code redis://127.0.0.1:PORT}, for {@code quarkus.redis.hosts}. */
    public String url() {
        return "redis://" + LocalPorts.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** The server's pid, when it runs on a data directory (from the pid file it writes there). */
    public Optional<Long> pid() {
        return dataDirectory.flatMap(dir -> LeftoverProcess.pid(dir.resolve(PID_FILE), "redis"));
    }

    /** SIGTERM: Redis flushes the append-only file before it exits. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                server.stop();
            } catch (final IOException e) {
                throw new UncheckedIOException("Redis did not stop cleanly", e);
            }
        }
    }

    private static Path createDirectories(final Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create Redis directory " + dir, e);
        }
    }
}
