package dev.soba.streams.ingest.rpc;

/**
 * Holds requests to a rate (requests per second, 0 for none), as a token bucket that allows a burst
 * of one second's worth: a provider's per-second limit is met without idling between batches.
 */
public final class RequestPacer {

    private final double perSecond;
    private double tokens;
    private long refilledAt = System.nanoTime();

    public RequestPacer(final double perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("rate must not be negative, got " + perSecond);
        }
        this.perSecond = perSecond;
        this.tokens = perSecond;
    }

    /** Blocks until {@code requests} more may be sent. */
    public synchronized void acquire(final int requests) throws InterruptedException {
        if (perSecond == 0) {
            return;
        }
        while (true) {
            final long now = System.nanoTime();
            tokens = Math.min(Math.max(perSecond, requests), tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= requests) {
                tokens -= requests;
                return;
            }
            final double missing = requests - tokens;
            final long waitNanos = (long) Math.ceil(missing / perSecond * 1e9);
            wait(Math.max(1, waitNanos / 1_000_000), (int) (waitNanos % 1_000_000));
        }
    }
}
