package dev.soba.streams.processors.market;

import dev.soba.streams.schemas.market.Candle;
import dev.soba.streams.schemas.market.Trade;

/**
 * What the candle processor consumes, on the pair-keyed repartition topic: a trade (from an
 * exchange tick or a resolved swap) or an imported historical candle. Exactly one is set (a record
 * for the wire; use the factories).
 */
public record CandleInput(Trade trade, Candle imported) {

    public static CandleInput of(final Trade trade) {
        return new CandleInput(trade, null);
    }

    public static CandleInput of(final Candle imported) {
        return new CandleInput(null, imported);
    }

    public String pair() {
        return trade != null ? trade.pair() : imported.pair();
    }
}
