package dev.soba.streams.api.query;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A circuit breaker for one peer instance: after {@code failureThreshold} consecutive failures
 * (connection refused, timeout) it opens and calls fail fast for {@code openFor}; then one trial
 * call is let through (half-open) and its outcome closes or re-opens the circuit. Thread-safe.
 */
public final class CircuitBreaker {

    /** Where the breaker stands. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openForNanos;
    private final LongSupplier nanoClock;
    private int consecutiveFailures;
    private long openedAt;
    private State state = State.CLOSED;
    private boolean trialInFlight;

    public CircuitBreaker(final int failureThreshold, final Duration openFor, final LongSupplier nanoClock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1, got " + failureThreshold);
        }
        this.failureThreshold = failureThreshold;
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * Whether a call may go ahead now. While open, no; once the open period is over, exactly one
     * caller gets a trial (half-open) and the others keep failing fast until it reports back.
     */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (nanoClock.getAsLong() - openedAt < openForNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                return true;
            default:
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
        }
    }

    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        trialInFlight = false;
        state = State.CLOSED;
    }

    public synchronized void onFailure() {
        trialInFlight = false;
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = nanoClock.getAsLong();
        }
    }

    public synchronized State state() {
        if (state == State.OPEN && nanoClock.getAsLong() - openedAt >= openForNanos) {
            return State.HALF_OPEN;
        }
        return state;
    }

    /** Whole seconds until an open circuit lets a trial through (at least 1), for Retry-After. */
    public synchronized int secondsUntilTrial() {
        final long remaining = openForNanos - (nanoClock.getAsLong() - openedAt);
        return (int) Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }
}
