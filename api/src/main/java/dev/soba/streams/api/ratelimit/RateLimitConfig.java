package dev.soba.streams.api.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * {@code soba.rate-limit.*}: the default bucket of each endpoint group (a key created with
 * {@code --rate-limit} overrides it for that key) and what to do while Redis cannot be reached.
 */
@ConfigMapping(prefix = "soba.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** Queries ({@code GET}). */
    @WithDefault("1200/m")
    Rate read();

    /** Ingestion. */
    @WithDefault("120/m")
    Rate write();

    /** The validation endpoints. */
    @WithDefault("600/m")
    Rate validate();

    @WithDefault("60/m")
    Rate admin();

    /**
     * {@code allow} (fail open): a Redis outage must not take the API down with it, so requests
     * pass unlimited, with a warning in the log and {@code outcome="unchecked"} in the metrics.
     * {@code reject} (fail closed): 503 with {@code Retry-After} until Redis is back.
     */
    @WithDefault("allow")
    WhenRedisFails whenRedisFails();

    /** How long a request waits for Redis before it is decided without it. */
    @WithDefault("PT0.25S")
    Duration redisTimeout();

    /** After a Redis failure, how long requests are decided without asking Redis again. */
    @WithDefault("PT5S")
    Duration redisPause();

    enum WhenRedisFails {
        ALLOW, REJECT
    }
}
