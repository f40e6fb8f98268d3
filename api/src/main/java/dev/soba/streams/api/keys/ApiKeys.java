package dev.soba.streams.api.keys;

import dev.soba.streams.api.pipeline.SobaConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's view of the key store, with a short cache so that every request does not
 * cost a database round trip. Entries live a few seconds: a revoked key stops working on every
 * instance within that time.
 */
@ApplicationScoped
public class ApiKeys {

    /** The name of the key given as {@code soba.api.bootstrap-key}. */
    public static final String BOOTSTRAP_KEY_NAME = "bootstrap";
    static final Duration VALID_TTL = Duration.ofSeconds(5);
    static final Duration INVALID_TTL = Duration.ofSeconds(1);

    private final ApiKeyStore store;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private final Optional<String> bootstrapKey;
    private final RateLimits bootstrapRateLimits;

    public ApiKeys(final Pool pool, final SobaConfig config) {
        this.store = new ApiKeyStore(pool);
        this.bootstrapKey = config.api().bootstrapKey().map(String::strip).filter(key -> !key.isEmpty());
        this.bootstrapRateLimits = config.api().bootstrapKeyRateLimit().map(RateLimits::parse).orElse(RateLimits.DEFAULTS);
    }

    /** Creates the table, then the operator's bootstrap key when one is configured. */
    void migrate(@Observes final StartupEvent start) {
        store.migrate().await().atMost(Duration.ofSeconds(30));
        bootstrapKey.ifPresent(secret -> store.ensure(BOOTSTRAP_KEY_NAME, secret, ApiKeyStore.ALL_SCOPES, bootstrapRateLimits)
                .await().atMost(Duration.ofSeconds(30)));
    }

    public ApiKeyStore store() {
        return store;
    }

    public Uni<Optional<ApiKey>> authenticate(final String secret) {
        final String hash = ApiKeyStore.hash(secret);
        final long now = System.nanoTime();
        final Cached hit = cache.get(hash);
        if (hit != null && hit.expiresAt - now > 0) {
            return Uni.createFrom().item(hit.key);
        }
        return store.authenticate(secret).invoke(found -> {
            final Duration ttl = found.isPresent() ? VALID_TTL : INVALID_TTL;
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(hash, new Cached(found, now + ttl.toNanos()));
        });
    }

    private record Cached(Optional<ApiKey> key, long expiresAt) {
    }
}
