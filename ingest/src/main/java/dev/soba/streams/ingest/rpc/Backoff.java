package dev.soba.streams.ingest.rpc;

import java.time.Duration;
import java.util.Optional;

/**
 * Exponential backoff with full jitter: the n-th retry waits a random time up to
 * {@code initial × 2^(n-1)}, capped at {@code max}; a server's {@code Retry-After} is honoured when it
 * asks for longer. Full jitter keeps many clients of one rate-limited provider from retrying in step.
 */
public record Backoff(Duration initial, Duration max) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30));

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /**
     * @param attempt    1 for the first retry
     * @param random     a number in [0, 1)
     * @param retryAfter what the server asked for, if it did
     */
    public Duration delay(final int attempt, final double random, final Optional<Duration> retryAfter) {
        final int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        final long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(doublings, 20));
        final Duration jittered = Duration.ofMillis((long) (random * ceiling));
        return retryAfter.filter(asked -> asked.compareTo(jittered) > 0).map(asked -> asked.compareTo(max) > 0 ? max : asked)
                .orElse(jittered);
    }
}
