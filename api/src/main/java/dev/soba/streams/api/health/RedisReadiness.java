package dev.soba.streams.api.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Redis in {@code /q/health/ready}, in place of the Redis extension's own check (disabled with
 * {@code quarkus.redis.health.enabled=false}): every instance shares the one Redis, so counting it
 * in readiness would take every instance out of the load balancer at once. While rate limits fail
 * open ({@code soba.rate-limit.when-redis-fails=allow}, the default) the API still answers without
 * Redis, so the instance stays ready and reports Redis as unreachable in the check's data (and as
 * {@code degraded} in {@code /api/v1/health}). Only when they fail closed ({@code reject}), and so
 * every {@code /api} request would get 503 anyway, is the instance not ready.
 */
@Readiness
@ApplicationScoped
public class RedisReadiness implements AsyncHealthCheck {

    private final DependencyProbe probe;

    public RedisReadiness(final DependencyProbe probe) {
        this.probe = probe;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return probe.dependencies().map(dependencies -> HealthCheckResponse.named("Redis")
                .status(dependencies.redis().healthy() || probe.redisFailsOpen())
                .withData("reachable", dependencies.redis().healthy())
                .withData("when-redis-fails", probe.redisFailsOpen() ? "allow" : "reject")
                .build());
    }
}
