package dev.soba.streams.processors.market;

import dev.soba.streams.schemas.market.Candle;

/** What the candle book makes of one trade or imported candle. */
public sealed interface CandleEvent {

    /** A candle changed: the live view (the store) holds it; not final yet. */
    record Updated(Candle candle) implements CandleEvent {
    }

    /** A window plus its grace has passed: the candle is final and goes to the candles topic. */
    record Finalized(Candle candle) implements CandleEvent {
    }

    /**
     * Input reached a window that was already final: the corrected candle, final again, goes to the
     * candles topic after the one it replaces (same window).
     */
    record Corrected(Candle candle) implements CandleEvent {
    }

    /** Input older than the candle store's retention: counted and reported on the late-trades topic. */
    record Late(LateRecord late) implements CandleEvent {
    }
}
