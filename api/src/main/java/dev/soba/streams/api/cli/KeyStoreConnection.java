package dev.soba.streams.api.cli;

import dev.soba.streams.api.keys.ApiKeyStore;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;

/** The key store over its own small reactive pool, for tools that run without the application. */
final class KeyStoreConnection implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final io.vertx.sqlclient.Pool pool;
    private final ApiKeyStore store;

    private KeyStoreConnection(final Vertx vertx, final io.vertx.sqlclient.Pool pool) {
        this.vertx = vertx;
        this.pool = pool;
        this.store = new ApiKeyStore(Pool.newInstance(pool));
    }

    static KeyStoreConnection open(final String reactiveUrl, final String user, final String password) {
        final Vertx vertx = Vertx.vertx();
        final io.vertx.sqlclient.Pool pool = PgBuilder.pool()
                .connectingTo(PgConnectOptions.fromUri(reactiveUrl).setUser(user).setPassword(password))
                .with(new PoolOptions().setMaxSize(1))
                .using(vertx)
                .build();
        final KeyStoreConnection connection = new KeyStoreConnection(vertx, pool);
        try {
            connection.store.migrate().await().atMost(TIMEOUT);
        } catch (final RuntimeException e) {
            connection.close();
            throw new IllegalStateException("cannot reach PostgreSQL at " + reactiveUrl + ": " + e.getMessage(), e);
        }
        return connection;
    }

    ApiKeyStore store() {
        return store;
    }

    @Override
    public void close() {
        pool.close();
        vertx.close();
    }
}
