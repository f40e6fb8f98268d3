package dev.soba.streams.processors.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soba.streams.schemas.MarketTick;
import dev.soba.streams.schemas.market.Trade;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TradeFromTickTest {

    @Test
    void aTickBecomesATradeWithAnExactQuoteAmount() {
        final MarketTick tick = new MarketTick("binance", "ETH-USDT", new BigDecimal("2500.50"), new BigDecimal("2.0"),
                MarketTick.Side.BUY, "123", 1_748_623_140_000L, null, Map.of());
        final Trade trade = TradeFromTick.of(tick);
        assertThat(trade).isEqualTo(new Trade("binance", "ETH-USDT", 1_748_623_140_000L, new BigDecimal("2500.5"),
                new BigDecimal("2"), new BigDecimal("5001"), "123"));
    }

    @Test
    void keepsEveryDigitOfTheProduct() {
        final MarketTick tick = new MarketTick("kraken", "BTC-USD", new BigDecimal("27123.456789"),
                new BigDecimal("0.000123456789"), MarketTick.Side.SELL, "x", 1_748_623_140_000L, null, Map.of());
        assertThat(TradeFromTick.of(tick).quoteAmount()).isEqualTo(new BigDecimal("3.348574881750190521"));
    }

    @Test
    void anUnvalidatedTickIsRefused() {
        final MarketTick tick = new MarketTick("kraken", "BTC-USD", BigDecimal.ONE, BigDecimal.ONE,
                MarketTick.Side.SELL, "x", null, null, Map.of());
        assertThatThrownBy(() -> TradeFromTick.of(tick)).isInstanceOf(IllegalArgumentException.class);
    }
}
