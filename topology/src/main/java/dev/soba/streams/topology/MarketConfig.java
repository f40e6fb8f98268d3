package dev.soba.streams.topology;

import dev.soba.streams.processors.market.CandleInterval;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How market data is aggregated.
 *
 * @param intervals          candle intervals (default 1m, 5m, 1h, 1d)
 * @param grace              how long after a window ends late trades still update it
 * @param candleRetention    how long each interval's candles are kept, by interval
 * @param syncWait           how long a V2 Swap waits for its Sync before it is published without price
 * @param swapRetentionBlocks how many blocks of swaps the swaps-by-pool store keeps
 */
public record MarketConfig(List<CandleInterval> intervals, Duration grace, Map<CandleInterval, Duration> candleRetention,
                           Duration syncWait, long swapRetentionBlocks) {

    public static final String DEFAULT_INTERVALS = "1m,5m,1h,1d";
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SYNC_WAIT = Duration.ofSeconds(2);
    /** About 30 days of mainnet blocks. */
    public static final long DEFAULT_SWAP_RETENTION_BLOCKS = 216_000;

    public MarketConfig {
        intervals = List.copyOf(intervals);
        candleRetention = Map.copyOf(candleRetention);
        if (intervals.isEmpty()) {
            throw new IllegalArgumentException("at least one candle interval is needed");
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the candle grace period must not be negative, got " + grace);
        }
        if (swapRetentionBlocks < 1) {
            throw new IllegalArgumentException("swap retention must be at least one block");
        }
    }

    public static MarketConfig defaults() {
        return of(DEFAULT_INTERVALS, DEFAULT_GRACE);
    }

    /** Intervals from a list such as {@code 1m,5m,1h,1d}, each kept for its default retention. */
    public static MarketConfig of(final String intervals, final Duration grace) {
        final List<CandleInterval> parsed = CandleInterval.parseList(intervals);
        final Map<CandleInterval, Duration> retention = new HashMap<>();
        parsed.forEach(interval -> retention.put(interval, defaultRetention(interval)));
        return new MarketConfig(parsed, grace, retention, DEFAULT_SYNC_WAIT, DEFAULT_SWAP_RETENTION_BLOCKS);
    }

    /**
     * Enough history for charts and for importing a year of one-minute files while live data
     * flows: 400 days up to 15-minute candles, 5 years up to 4-hour, 20 years beyond.
     */
    public static Duration defaultRetention(final CandleInterval interval) {
        if (interval.millis() <= Duration.ofMinutes(15).toMillis()) {
            return Duration.ofDays(400);
        }
        return interval.millis() <= Duration.ofHours(4).toMillis() ? Duration.ofDays(5 * 366) : Duration.ofDays(20 * 366);
    }
}
