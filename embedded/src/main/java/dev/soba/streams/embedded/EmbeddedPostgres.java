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

/**
 * A real PostgreSQL server (zonky's embedded binaries, run as a child process) listening on
 * 127.0.0.1, with the application database {@value #DATABASE} created on first start. With a data
 * directory it persists across restarts; without one it lives in a temporary directory that is
 * deleted on close. A server an earlier run left running on the same data directory (its JVM was
 * killed) is stopped before this one starts.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final int DEFAULT_PORT = 15432;
    public static final String DATABASE = "soba";
    /** zonky runs {@code initdb -U postgres -A trust}: any password is accepted. */
    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";

    // initdb plus the first start on a slow disk can exceed zonky's 10 s default.
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private static final String PID_FILE = "postmaster.pid";

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private final Optional<Path> dataDirectory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgres(final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server,
                             final Optional<Path> dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts PostgreSQL on {@code port} (0: any free port), keeping its data in {@code dataDirectory} when given
     * (initialised on first use, reused afterwards), else in a temporary directory.
     *
     * @throws PortInUseException when the port is taken
     */
    public static EmbeddedPostgres start(final Optional<Path> dataDirectory, final int requestedPort) {
        dataDirectory.ifPresent(dir -> LeftoverProcess.stop(dir.toAbsolutePath().resolve(PID_FILE), "postgres", "PostgreSQL"));
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
        final EmbeddedPostgres postgres = new EmbeddedPostgres(server, dataDirectory.map(Path::toAbsolutePath));
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

    /** The postmaster's pid (a daemon, not this JVM's child), when it runs on a data directory. */
    public Optional<Long> pid() {
        return dataDirectory.flatMap(dir -> LeftoverProcess.pid(dir.resolve(PID_FILE), "postgres"));
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

    private static Path createDirectories(final Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create PostgreSQL data directory " + dir, e);
        }
    }
}
