package dev.soba.streams.api.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The application's gate, on the Quarkus Redis client ({@code quarkus.redis.hosts}). */
public class RateLimitProducer {

    @Produces
    @Singleton
    RateLimitGate gate(final Redis redis, final RateLimitConfig config, final MeterRegistry registry) {
        return new RateLimitGate(new RateLimiter(redis, config.redisTimeout(), config.redisPause()),
                config.whenRedisFails() == RateLimitConfig.WhenRedisFails.ALLOW, registry);
    }
}
