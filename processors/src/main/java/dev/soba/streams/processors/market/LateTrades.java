package dev.soba.streams.processors.market;

import java.time.Duration;

/**
 * The late-data policy of candles, as Kafka Streams' windowed aggregations apply it: a window
 * {@code [start, end)} accepts trades until stream time (the largest event time seen) reaches
 * {@code end + grace}; from then on the window is final and its candle can be closed.
 *
 * <p>A trade that is {@link Lateness#TOO_LATE} arrives for a final window: the candle book
 * corrects that candle and publishes the correction ({@link CandleBook}); only input past the
 * store's retention is reported as late. Nothing is lost silently.
 */
public final class LateTrades {

    /** Where a trade stands relative to its window. */
    public enum Lateness {
        /** Stream time is still inside the trade's window. */
        ON_TIME,
        /** The window has ended but not its grace period: the trade still updates the candle. */
        LATE_WITHIN_GRACE,
        /** The window and its grace period are over: the candle is final. */
        TOO_LATE
    }

    private LateTrades() {
    }

    /**
     * @param tradeTime  the trade's event time, epoch millis
     * @param interval   the candle interval whose window is judged
     * @param grace      how long after its end a window still accepts trades; not negative
     * @param streamTime the largest event time seen so far (with or without this trade: a trade
     *                   that advances stream time is inside its own window either way)
     */
    public static Lateness classify(final long tradeTime, final CandleInterval interval, final Duration grace,
            final long streamTime) {
        final long windowEnd = interval.windowEnd(tradeTime);
        if (streamTime < windowEnd) {
            return Lateness.ON_TIME;
        }
        return isFinal(windowEnd, grace, streamTime) ? Lateness.TOO_LATE : Lateness.LATE_WITHIN_GRACE;
    }

    /**
     * Whether the window ending at {@code windowEnd} (exclusive) is final: {@code windowEnd + grace
     * <= streamTime}, Kafka Streams' own rule for dropping a record of an expired window.
     */
    public static boolean isFinal(final long windowEnd, final Duration grace, final long streamTime) {
        return closeTime(windowEnd, grace) <= streamTime;
    }

    /** windowEnd + grace, saturated: an enormous grace means "never final", not an overflow. */
    private static long closeTime(final long windowEnd, final Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace period must not be negative, got " + grace);
        }
        final long graceMillis = grace.getSeconds() >= Long.MAX_VALUE / 1_000 ? Long.MAX_VALUE : grace.toMillis();
        return windowEnd > Long.MAX_VALUE - graceMillis ? Long.MAX_VALUE : windowEnd + graceMillis;
    }
}
