package dev.soba.streams.api.ratelimit;

import java.time.Duration;

/**
 * What the bucket said about one request.
 *
 * @param limit      the bucket's capacity
 * @param remaining  whole tokens left after this request
 * @param retryAfter until the next token, when refused (zero when allowed)
 * @param reset      until the bucket is full again
 */
public record Verdict(boolean allowed, long limit, long remaining, Duration retryAfter, Duration reset) {

    /** Whole seconds for HTTP headers, rounded up so that a client never comes back too early. */
    public static long seconds(final Duration duration) {
        final long seconds = duration.toSeconds();
        return duration.toNanosPart() == 0 ? seconds : seconds + 1;
    }
}
