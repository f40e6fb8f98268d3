package dev.soba.streams.processors.market;

/**
 * A trade (or imported candle) that arrived after its window had closed for good: value of the
 * late-trades topic, so that nothing is silently lost.
 *
 * @param scope      the venue whose candle refused it, or {@code all} for the cross-venue candle
 * @param eventTime  the trade's time (an imported candle's open time)
 * @param streamTime the venue's event-time clock when it arrived
 * @param reason     why, in words
 */
public record LateRecord(String pair, String venue, String scope, String interval, long eventTime,
                         long windowStart, long streamTime, String tradeId, String reason) {
}
