package dev.soba.streams.processors.market;

import dev.soba.streams.schemas.market.Candle;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the candle book keeps; backed by window and key-value stores in the stream. */
public interface CandleState {

    Optional<Candle> candle(CandleInterval interval, String pair, String venue, long windowStart);

    /** Stores the candle. */
    void put(CandleInterval interval, Candle candle);

    /** The venue's event-time clock for the pair: the latest event time seen; empty before any. */
    Optional<Long> clock(String pair, String venue);

    void setClock(String pair, String venue, long time);

    /** The clocks of every venue of {@code pair} except {@code all}: venue → latest event time. */
    Map<String, Long> feederClocks(String pair);

    /**
     * Whether a window ending at {@code windowEnd} is within the store's retention, judged by the
     * (pair, venue) clock; input for a window past it is late.
     */
    boolean keeps(CandleInterval interval, String pair, String venue, long windowEnd, long clock);

    /** Remembers a window that is not final yet. */
    void markOpen(CandleInterval interval, Candle candle);

    /** Removes and returns the open windows of (pair, venue) whose end is at or before {@code endAtMost}. */
    List<OpenWindow> takeOpenWindows(String pair, String venue, long endAtMost);

    record OpenWindow(CandleInterval interval, long windowStart) {
    }
}
