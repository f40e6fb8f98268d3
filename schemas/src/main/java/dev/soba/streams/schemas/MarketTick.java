package dev.soba.streams.schemas;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.FieldReader.Need;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * One trade on a centralised exchange, written by the exchange feeders to {@code market_ticks}.
 * This is the project's own contract; every field but {@code item_id} is required.
 *
 * @param exchange  the venue, e.g. {@code binance}
 * @param symbol    {@code BASE-QUOTE} in upper case, e.g. {@code ETH-USDT}
 * @param price     quote units per base unit, positive; written as a plain decimal string
 * @param quantity  base units traded, positive; written as a plain decimal string
 * @param side      the taker's side
 * @param tradeId   the venue's trade id (a string: venues differ in how they number trades)
 * @param timestamp trade time in epoch milliseconds
 */
public record MarketTick(
        String exchange,
        String symbol,
        BigDecimal price,
        BigDecimal quantity,
        Side side,
        String tradeId,
        Long timestamp,
        String itemId,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) implements Item {

    /** The taker's side of a trade. */
    public enum Side {
        @JsonProperty("buy") BUY,
        @JsonProperty("sell") SELL
    }

    static final Set<String> FIELDS = JsonNames.of(MarketTick.class);

    /** 2009-01-01T00:00:00Z: nothing traded before Bitcoin, so earlier values are unit mistakes. */
    static final long EARLIEST_MILLIS = 1_230_768_000_000L;
    private static final long ONE_DAY_MILLIS = 86_400_000L;

    public MarketTick {
        price = plain(price);
        quantity = plain(quantity);
        unknownFields = UnknownFields.copyOf(unknownFields);
    }

    /**
     * {@code 1.5E+4} becomes {@code 15000}: the value as it reads back from the plain string it is
     * written as, so a record equals itself after a round trip.
     */
    private static BigDecimal plain(final BigDecimal value) {
        return value != null && value.scale() < 0 ? value.setScale(0) : value;
    }

    @Override
    public ItemType itemType() {
        return ItemType.MARKET_TICK;
    }

    @Override
    public String identity() {
        return itemId != null ? itemId : derivedId(exchange, symbol, tradeId);
    }

    private static String derivedId(final String exchange, final String symbol, final String tradeId) {
        return "market_tick_" + exchange + "_" + symbol + "_" + tradeId;
    }

    static MarketTick read(final FieldReader in) {
        final String exchange = in.nonBlank("exchange", Need.REQUIRED);
        final String symbol = in.string("symbol", Need.REQUIRED);
        if (symbol != null && !isPairSymbol(symbol)) {
            in.violate("symbol", "must be BASE-QUOTE in upper-case letters and digits, e.g. ETH-USDT, got "
                    + FieldReader.quote(symbol));
        }
        final BigDecimal price = in.positiveDecimal("price", Need.REQUIRED);
        final BigDecimal quantity = in.positiveDecimal("quantity", Need.REQUIRED);
        final String sideText = in.string("side", Need.REQUIRED);
        final Side side = "buy".equals(sideText) ? Side.BUY : "sell".equals(sideText) ? Side.SELL : null;
        if (sideText != null && side == null) {
            in.violate("side", "must be 'buy' or 'sell', got " + FieldReader.quote(sideText));
        }
        final String tradeId = in.nonBlank("trade_id", Need.REQUIRED);
        final Long timestamp = in.counter("timestamp", Need.REQUIRED);
        if (timestamp != null) {
            checkTimestamp(in, timestamp);
        }
        final String itemId = in.itemId(exchange == null || symbol == null || tradeId == null
                ? null : derivedId(exchange, symbol, tradeId));
        return new MarketTick(exchange, symbol, price, quantity, side, tradeId, timestamp, itemId,
                in.unknownFields(FIELDS));
    }

    private static void checkTimestamp(final FieldReader in, final long timestamp) {
        final long latest = System.currentTimeMillis() + ONE_DAY_MILLIS;
        if (timestamp >= EARLIEST_MILLIS && timestamp <= latest) {
            return;
        }
        final boolean looksLikeSeconds = timestamp >= EARLIEST_MILLIS / 1000 && timestamp <= latest / 1000;
        in.violate("timestamp", looksLikeSeconds
                ? "must be epoch milliseconds; " + timestamp + " looks like epoch seconds"
                : "must be epoch milliseconds between 2009-01-01 and one day from now, got " + timestamp);
    }

    /** {@code ^[A-Z0-9]+-[A-Z0-9]+$}, checked by hand because it runs for every tick. */
    static boolean isPairSymbol(final String symbol) {
        final int dash = symbol.indexOf('-');
        if (dash <= 0 || dash == symbol.length() - 1) {
            return false;
        }
        for (int i = 0; i < symbol.length(); i++) {
            final char c = symbol.charAt(i);
            if (i != dash && !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
