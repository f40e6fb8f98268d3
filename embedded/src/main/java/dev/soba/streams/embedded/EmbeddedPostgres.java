package dev.soba.streams.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (zonky's embedded binaries, run as a child process) listening on
 * 127.0.0.1, with the application database {@value #DATABASE} created on first start. With a data
 * directory it persists across restarts; without one it lives in a temporary directory that is
 * deleted on close.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final int DEFAULT_PORT = 15432;
    public static final String DATABASE = "soba";
    /** zonky runs {@code initdb -U postgres -A trust}: any password is accepted. */
    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";

    // initdb plus the first start on a slow disk can exceed zonky's 10 s default.
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgres(final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts PostgreSQL on {@code port} (0: any free port), keeping its data in {@code dataDirectory} when given
     * (initialised on first use, reused afterwards), else in a temporary directory.
     *
     * @throws PortInUseException when the port is taken
     */
    public static EmbeddedPostgres start(final Optional<Path> dataDirectory, final int requestedPort) {
        dataDirectory.ifPresent(EmbeddedPostgres::requireNoServerLeftRunning);
        final int port = LocalPorts.resolve("PostgreSQL", requestedPort);
        final io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder builder =
                io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setPort(port)
                        .setPGStartupWait(STARTUP_WAIT)
                        .setServerConfig("listen_addresses", LocalPorts.HOST)
                        // Deterministic collation whatever the user's LANG says.
                        .setLocaleConfig("locale", "C");
        dataDirectory.ifPresent(dir -> builder
                .setDataDirectory(createDirectories(dir.toAbsolutePath()))
                .setCleanDataDirectory(false));
        final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
        try {
            server = builder.start();
        } catch (final IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL failed to start on " + LocalPorts.HOST + ":" + port
                    + dataDirectory.map(dir -> " with data directory " + dir).orElse("")
                    + ": " + e.getMessage(), e);
        }
        final EmbeddedPostgres postgres = new EmbeddedPostgres(server);
        try {
            postgres.createDatabaseIfMissing();
        } catch (final RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    /** {@code postgresql://127.0.0.1:PORT/soba}, for {@code quarkus.datasource.reactive.url}. */
    public String reactiveUrl() {
        return "postgresql://" + LocalPorts.HOST + ":" + port() + "/" + DATABASE;
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/soba}; the JDBC driver comes with zonky. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + LocalPorts.HOST + ":" + port() + "/" + DATABASE;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return server.getPort();
    }

    /** Fast shutdown ({@code pg_ctl stop -m fast}): committed data is on disk. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                server.close();
            } catch (final IOException e) {
                throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
            }
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = server.getPostgresDatabase().getConnection()) {
            final boolean exists;
            try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                query.setString(1, DATABASE);
                try (ResultSet rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    create.execute("create database " + DATABASE);
                }
            }
        } catch (final SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE + " on " + reactiveUrl() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * PostgreSQL runs as a child process: if the JVM was killed, it outlives it and keeps the data
     * directory. Say so plainly instead of letting {@code pg_ctl} time out.
     */
    private static void requireNoServerLeftRunning(final Path dataDirectory) {
        final Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isReadable(pidFile)) {
            return;
        }
        final long pid;
        try (Stream<String> lines = Files.lines(pidFile)) {
            pid = Long.parseLong(lines.findFirst().orElse("").trim());
        } catch (final IOException | NumberFormatException e) {
            return; // unreadable: PostgreSQL itself will judge the file
        }
        final boolean postgresAlive = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(process -> process.info().command().map(command -> command.contains("postgres")).orElse(true))
                .orElse(false);
        if (postgresAlive) {
            throw new IllegalStateException("a PostgreSQL from an earlier run (pid " + pid + ") still uses "
                    + dataDirectory.toAbsolutePath() + ": stop it (kill " + pid + ") and start again");
        }
    }

    private static Path createDirectories(final Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create PostgreSQL data directory " + dir, e);
        }
    }
}
