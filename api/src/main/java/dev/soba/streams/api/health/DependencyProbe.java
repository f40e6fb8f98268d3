package dev.soba.streams.api.health;

import dev.soba.streams.api.ratelimit.RateLimitConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Asks Redis ({@code PING}) and PostgreSQL ({@code SELECT 1}) whether they answer, each within
 * {@link #TIMEOUT}. The answer is shared for {@link #REUSE}: the health routes are public, so
 * however often they are called the back-ends see at most one probe per second from this instance.
 */
@ApplicationScoped
public class DependencyProbe {

    static final Duration TIMEOUT = Duration.ofMillis(500);
    static final Duration REUSE = Duration.ofSeconds(1);

    /** What this instance's back-ends answered. */
    public record Dependencies(Dependency postgresql, Dependency redis) {
    }

    private final Uni<Dependencies> probe;
    private final boolean redisFailsOpen;

    public DependencyProbe(final Redis redis, final Pool pool, final RateLimitConfig rateLimits) {
        this.redisFailsOpen = rateLimits.whenRedisFails() == RateLimitConfig.WhenRedisFails.ALLOW;
        final String redisEffect = redisFailsOpen
                ? "rate limits are not checked (soba.rate-limit.when-redis-fails=allow) and results are not cached"
                : "every /api request is refused with 503 (soba.rate-limit.when-redis-fails=reject)";
        final Uni<Dependency> redisUp = Uni.createFrom().deferred(() -> redis.send(Request.cmd(Command.PING)))
                .ifNoItem().after(TIMEOUT).fail()
                .map(answer -> Dependency.up())
                .onFailure().recoverWithItem(failure -> Dependency.down(reason(failure), redisEffect));
        final Uni<Dependency> postgresUp = Uni.createFrom().deferred(() -> pool.query("SELECT 1").execute())
                .ifNoItem().after(TIMEOUT).fail()
                .map(rows -> Dependency.up())
                .onFailure().recoverWithItem(failure -> Dependency.down(reason(failure),
                        "API keys cannot be checked: authenticated requests fail once their key's 5-second cache entry expires"));
        this.probe = Uni.combine().all().unis(postgresUp, redisUp).asTuple()
                .map(both -> new Dependencies(both.getItem1(), both.getItem2()))
                .memoize().atLeast(REUSE);
    }

    public Uni<Dependencies> dependencies() {
        return probe;
    }

    /** Whether the API keeps answering while Redis is down (rate limits fail open). */
    public boolean redisFailsOpen() {
        return redisFailsOpen;
    }

    private static String reason(final Throwable failure) {
        return failure instanceof io.smallrye.mutiny.TimeoutException
                ? "no answer within " + TIMEOUT.toMillis() + " ms"
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
