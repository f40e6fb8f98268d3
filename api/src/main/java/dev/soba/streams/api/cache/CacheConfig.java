package dev.soba.streams.api.cache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code soba.cache.*}: the Redis cache of expensive pure results ({@link ResultCache}). */
@ConfigMapping(prefix = "soba.cache")
public interface CacheConfig {

    @WithDefault("true")
    boolean enabled();

    /** How long a result is kept. The key includes the application version, so a new release never reads old results. */
    @WithDefault("PT1H")
    Duration ttl();

    /** How long a request waits for Redis before it computes the result without the cache. */
    @WithDefault("PT0.25S")
    Duration redisTimeout();

    /** After a Redis failure, how long the cache is not asked again (an outage costs no request its timeout). */
    @WithDefault("PT5S")
    Duration redisPause();

    /** Results larger than this (bytes of JSON) are answered but not kept. */
    @WithDefault("1048576")
    int maxEntryBytes();
}
