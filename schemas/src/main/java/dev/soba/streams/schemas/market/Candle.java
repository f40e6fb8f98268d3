package dev.soba.streams.schemas.market;

import java.math.BigDecimal;

/**
 * OHLCV of one pair on one venue (or {@code all} venues) over one event-time interval: value of
 * the {@code candles} topic (final candles) and of the live candle stores.
 *
 * @param venue          exchange, pool address, {@code all} (across venues) or the venue of an import
 * @param pair           {@code BASE-QUOTE}
 * @param interval       {@code 1m}, {@code 5m}, {@code 1h}, {@code 1d}, …
 * @param openTime       window start, epoch millis (inclusive)
 * @param closeTime      window end, epoch millis (exclusive)
 * @param baseVolume     sum of base amounts
 * @param quoteVolume    sum of quote amounts; null when a constituent (an imported candle) lacks it
 * @param vwap           quoteVolume / baseVolume; null when quoteVolume is null or baseVolume is zero
 * @param tradeCount     trades in the window (imported candles count 0 unless their file says)
 * @param firstTradeTime time of the earliest trade in the window
 * @param lastTradeTime  time of the latest trade in the window
 * @param closed         true once the window plus its grace period has passed: the candle is final
 */
public record Candle(
        String venue,
        String pair,
        String interval,
        long openTime,
        long closeTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal baseVolume,
        BigDecimal quoteVolume,
        BigDecimal vwap,
        long tradeCount,
        long firstTradeTime,
        long lastTradeTime,
        boolean closed) {
}
