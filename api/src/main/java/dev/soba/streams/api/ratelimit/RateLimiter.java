package dev.soba.streams.api.ratelimit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Token buckets kept in Redis, shared by every instance that uses the same Redis: one atomic
 * script per request ({@link TokenBucketScript}), so the sum of what all instances allow stays
 * within the bucket. Buckets are the Redis hashes {@code soba:rate-limit:<bucket>}.
 *
 * <p>When Redis fails or is slower than {@code timeout} the answer is a failed {@link Uni}, and
 * for {@code pause} afterwards the limiter does not ask Redis at all: during an outage requests
 * are decided at once instead of each waiting for its own timeout.
 */
public final class RateLimiter {

    public static final String KEY_PREFIX = "soba:rate-limit:";
    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    private final Redis redis;
    private final Duration timeout;
    private final Duration pause;
    private final AtomicLong pausedUntil = new AtomicLong(System.nanoTime());

    public RateLimiter(final Redis redis, final Duration timeout, final Duration pause) {
        this.redis = redis;
        this.timeout = timeout;
        this.pause = pause;
    }

    /** Takes one token from {@code bucket}, sized by {@code rate}. */
    public Uni<Verdict> acquire(final String bucket, final Rate rate) {
        final long now = System.nanoTime();
        if (pausedUntil.get() - now > 0) {
            return Uni.createFrom().failure(new UnavailableException("Redis failed recently; not asked again before the pause ends"));
        }
        return evaluate(Command.EVALSHA, TokenBucketScript.SHA1, bucket, rate)
                .onFailure(RateLimiter::scriptNotLoaded)
                .recoverWithUni(() -> evaluate(Command.EVAL, TokenBucketScript.SOURCE, bucket, rate))
                .ifNoItem().after(timeout).failWith(() -> new UnavailableException("Redis did not answer within " + timeout))
                .map(answer -> verdict(answer, rate))
                .onFailure().transform(failure -> {
                    pauseAfter(failure);
                    return failure instanceof UnavailableException ? failure : new UnavailableException(failure.getMessage());
                });
    }

    private Uni<Response> evaluate(final Command command, final String script, final String bucket, final Rate rate) {
        return redis.send(Request.cmd(command)
                .arg(script)
                .arg(1)
                .arg(KEY_PREFIX + bucket)
                .arg(rate.capacity())
                .arg(rate.period().toNanos() / 1_000)
                .arg(1));
    }

    private void pauseAfter(final Throwable failure) {
        final long now = System.nanoTime();
        final long previous = pausedUntil.getAndSet(now + pause.toNanos());
        if (previous - now <= 0) {
            // once per pause, not once per request: an outage must not flood the logs
            LOG.warnf("rate limiting cannot reach Redis (%s); requests are decided without it for %s",
                    failure.getMessage(), pause);
        }
    }

    private static boolean scriptNotLoaded(final Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private static Verdict verdict(final Response answer, final Rate rate) {
        return new Verdict(answer.get(0).toInteger() == 1, rate.capacity(), answer.get(1).toLong(),
                Duration.ofMillis(answer.get(2).toLong()), Duration.ofMillis(answer.get(3).toLong()));
    }

    /** Redis could not be asked, or did not answer in time. */
    public static final class UnavailableException extends RuntimeException {

        UnavailableException(final String message) {
            super(message, null, false, false);
        }
    }
}
