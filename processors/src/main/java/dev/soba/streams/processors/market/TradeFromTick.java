package dev.soba.streams.processors.market;

import dev.soba.streams.schemas.market.Decimals;
import dev.soba.streams.schemas.MarketTick;
import dev.soba.streams.schemas.market.Trade;
import java.math.BigDecimal;

/** An exchange tick as the trade candles aggregate. */
public final class TradeFromTick {

    private TradeFromTick() {
    }

    /**
     * venue = exchange, pair = symbol, base = quantity, quote = price × quantity (exact); amounts
     * canonical. The tick must be a validated one ({@code ItemParser} guarantees every field).
     */
    public static Trade of(final MarketTick tick) {
        if (tick.timestamp() == null || tick.price() == null || tick.quantity() == null) {
            throw new IllegalArgumentException("market tick " + tick.identity()
                    + " lacks timestamp, price or quantity: only validated ticks become trades");
        }
        final BigDecimal price = Decimals.canonical(tick.price());
        final BigDecimal quantity = Decimals.canonical(tick.quantity());
        return new Trade(tick.exchange(), tick.symbol(), tick.timestamp(), price, quantity,
                Decimals.canonical(price.multiply(quantity)), tick.tradeId());
    }
}
