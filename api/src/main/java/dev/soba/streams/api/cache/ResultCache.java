package dev.soba.streams.api.cache;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Results of expensive pure computations kept in Redis, shared by every instance: the key is
 * {@code soba:cache:<namespace>:<version>:<SHA-256 of the canonical request>} and the value the
 * answer's JSON bytes, kept for {@code soba.cache.ttl}. The version is the application's, so a new
 * release never answers with an old release's results (a SNAPSHOT build, which can change without
 * its version changing, also adds its start time).
 *
 * <p>Fail-open: when Redis fails or is slower than {@code redis-timeout} the result is computed as
 * if the cache were empty, and Redis is left alone for {@code redis-pause}. Every lookup is counted
 * in {@code soba_result_cache_total{namespace, outcome}}: {@code hit}, {@code miss},
 * {@code unavailable} (Redis failed), {@code disabled}.
 *
 * <p>Blocking: call it from a worker thread (a resource method that is not reactive).
 */
@ApplicationScoped
public class ResultCache {

    public static final String METRIC = "soba.result.cache";
    /** The response header that says whether the answer came from the cache: {@code hit} or {@code miss}. */
    public static final String HEADER = "X-Cache";
    public static final String KEY_PREFIX = "soba:cache:";
    private static final Logger LOG = Logger.getLogger(ResultCache.class);

    /** How a lookup went. */
    public enum Outcome {
        HIT, MISS, UNAVAILABLE, DISABLED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The {@link #HEADER} value: only a real hit is a hit. */
        public String header() {
            return this == HIT ? "hit" : "miss";
        }
    }

    /** An answer as JSON bytes, and where it came from. */
    public record Answer(byte[] json, Outcome outcome) {
    }

    private final Redis redis;
    private final CacheConfig config;
    private final MeterRegistry registry;
    private final String version;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicLong pausedUntil = new AtomicLong(System.nanoTime());

    public ResultCache(final Redis redis, final CacheConfig config, final MeterRegistry registry,
                       @ConfigProperty(name = "quarkus.application.version", defaultValue = "unversioned") final String version) {
        this.redis = redis;
        this.config = config;
        this.registry = registry;
        this.version = version.endsWith("-SNAPSHOT") ? version + "@" + Instant.now().toEpochMilli() : version;
    }

    /** The cached answer to {@code request} in {@code namespace}, or {@code compute}'s, serialised with the project's mapper. */
    public Answer answer(final String namespace, final JsonNode request, final Supplier<Object> compute) {
        if (!config.enabled()) {
            return counted(namespace, new Answer(Json.write(compute.get()), Outcome.DISABLED));
        }
        final String key = key(namespace, request);
        if (pausedUntil.get() - System.nanoTime() > 0) {
            return counted(namespace, new Answer(Json.write(compute.get()), Outcome.UNAVAILABLE));
        }
        final byte[] cached;
        try {
            final Response found = redis.send(Request.cmd(Command.GET).arg(key)).await().atMost(config.redisTimeout());
            cached = found == null ? null : found.toBytes();
        } catch (final RuntimeException failure) {
            pauseAfter(failure);
            return counted(namespace, new Answer(Json.write(compute.get()), Outcome.UNAVAILABLE));
        }
        if (cached != null) {
            return counted(namespace, new Answer(cached, Outcome.HIT));
        }
        final byte[] json = Json.write(compute.get());
        if (json.length <= config.maxEntryBytes()) {
            // not awaited: the caller has its answer; a failed write only means a later miss
            redis.send(Request.cmd(Command.SET).arg(key).arg(json).arg("PX").arg(config.ttl().toMillis()))
                    .subscribe().with(ignored -> { }, this::pauseAfter);
        }
        return counted(namespace, new Answer(json, Outcome.MISS));
    }

    String key(final String namespace, final JsonNode request) {
        return KEY_PREFIX + namespace + ":" + version + ":" + CanonicalJson.sha256(request);
    }

    private Answer counted(final String namespace, final Answer answer) {
        counters.computeIfAbsent(namespace + '/' + answer.outcome().label(), ignored -> Counter.builder(METRIC)
                        .description("Result cache lookups by namespace and outcome: hit, miss, unavailable (Redis failed), disabled")
                        .tag("namespace", namespace)
                        .tag("outcome", answer.outcome().label())
                        .register(registry))
                .increment();
        return answer;
    }

    private void pauseAfter(final Throwable failure) {
        final long now = System.nanoTime();
        final long previous = pausedUntil.getAndSet(now + config.redisPause().toNanos());
        if (previous - now <= 0) {
            LOG.warnf("the result cache cannot reach Redis (%s); results are computed without it for %s",
                    failure.getMessage(), config.redisPause());
        }
    }
}
