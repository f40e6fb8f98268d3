package dev.soba.streams.processors.market;

import dev.soba.streams.schemas.market.Decimals;
import dev.soba.streams.schemas.market.Candle;
import dev.soba.streams.schemas.market.Trade;
import java.math.BigDecimal;

/**
 * OHLCV arithmetic as pure functions: a candle from its first trade, a trade added to a candle,
 * two candles merged, a candle carried into a longer interval.
 *
 * <p>Results do not depend on arrival order: open is the price of the earliest trade by event
 * time and close that of the latest, so out-of-order and late trades land where they belong.
 * Only exact ties in time fall back to arrival order (the first arrival keeps open, the last
 * arrival takes close), which a partition replays identically. All amounts are exact and
 * canonical (see {@link Decimals}); only VWAP is a rounded quotient, always recomputed from the
 * exact volumes, so it never drifts.
 *
 * <p>A closed candle is final: adding to it, or merging into it, is a caller's bug and throws.
 */
public final class Candles {

    private Candles() {
    }

    /** The candle of {@code trade}'s window in {@code interval}, holding just that trade. */
    public static Candle open(final Trade trade, final String venue, final CandleInterval interval) {
        final long time = trade.timestamp();
        final long start = interval.windowStart(time);
        final BigDecimal price = Decimals.canonical(trade.price());
        final BigDecimal base = Decimals.canonical(trade.baseAmount());
        final BigDecimal quote = trade.quoteAmount() == null ? null : Decimals.canonical(trade.quoteAmount());
        return new Candle(venue, trade.pair(), interval.name(), start, start + interval.millis(),
                price, price, price, price, base, quote, Decimals.vwap(quote, base), 1, time, time, false);
    }

    /**
     * {@code candle} with {@code trade} added, whenever it arrives within the window.
     *
     * @throws IllegalArgumentException when the trade is outside the window or of another pair
     * @throws IllegalStateException    when the candle is closed
     */
    public static Candle add(final Candle candle, final Trade trade) {
        final long time = trade.timestamp();
        if (time < candle.openTime() || time >= candle.closeTime()) {
            throw new IllegalArgumentException("trade " + trade.tradeId() + " at " + time + " is outside the "
                    + candle.interval() + " window [" + candle.openTime() + ", " + candle.closeTime() + ")");
        }
        requireSamePair(candle, trade.pair());
        requireOpen(candle);
        final BigDecimal price = trade.price();
        final boolean earliest = time < candle.firstTradeTime();
        final boolean latest = time >= candle.lastTradeTime();
        final boolean highest = price.compareTo(candle.high()) > 0;
        final boolean lowest = price.compareTo(candle.low()) < 0;
        // Most trades change at least close; the price is canonicalised only when it is kept.
        final BigDecimal kept = earliest || latest || highest || lowest ? Decimals.canonical(price) : price;
        final BigDecimal base = Decimals.sum(candle.baseVolume(), trade.baseAmount());
        final BigDecimal quote = candle.quoteVolume() == null || trade.quoteAmount() == null
                ? null : Decimals.sum(candle.quoteVolume(), trade.quoteAmount());
        return new Candle(candle.venue(), candle.pair(), candle.interval(), candle.openTime(), candle.closeTime(),
                earliest ? kept : candle.open(),
                highest ? kept : candle.high(),
                lowest ? kept : candle.low(),
                latest ? kept : candle.close(),
                base, quote, Decimals.vwap(quote, base),
                candle.tradeCount() + 1,
                earliest ? time : candle.firstTradeTime(),
                latest ? time : candle.lastTradeTime(),
                false);
    }

    /**
     * The candle of both candles' trades, e.g. a finished one-minute candle merged into the hour
     * it belongs to ({@link #rollUp} starts that hour). The result has the window, venue and
     * interval of whichever candle's window contains the other's ({@code earlier}'s when they are
     * the same). Open and close follow the rules of {@link #add}, keyed by first and last trade
     * times (an imported candle's are its open time and close time − 1), with {@code earlier}
     * counting as the earlier arrival. The quote volume (and VWAP) is unknown when either side's is.
     * Merging is not closing: the result is open until {@link #close} says otherwise.
     *
     * @throws IllegalArgumentException when the pairs differ or neither window contains the other
     * @throws IllegalStateException    when the containing candle is closed
     */
    public static Candle merge(final Candle earlier, final Candle later) {
        requireSamePair(earlier, later.pair());
        final Candle window;
        if (contains(earlier, later)) {
            window = earlier;
        } else if (contains(later, earlier)) {
            window = later;
        } else {
            throw new IllegalArgumentException("cannot merge a " + later.interval() + " candle at " + later.openTime()
                    + " into a " + earlier.interval() + " candle at " + earlier.openTime()
                    + ": neither window contains the other");
        }
        requireOpen(window);
        final boolean laterOpens = later.firstTradeTime() < earlier.firstTradeTime();
        final boolean laterCloses = later.lastTradeTime() >= earlier.lastTradeTime();
        final BigDecimal base = Decimals.sum(earlier.baseVolume(), later.baseVolume());
        final BigDecimal quote = earlier.quoteVolume() == null || later.quoteVolume() == null
                ? null : Decimals.sum(earlier.quoteVolume(), later.quoteVolume());
        return new Candle(window.venue(), window.pair(), window.interval(), window.openTime(), window.closeTime(),
                laterOpens ? later.open() : earlier.open(),
                later.high().compareTo(earlier.high()) > 0 ? later.high() : earlier.high(),
                later.low().compareTo(earlier.low()) < 0 ? later.low() : earlier.low(),
                laterCloses ? later.close() : earlier.close(),
                base, quote, Decimals.vwap(quote, base),
                earlier.tradeCount() + later.tradeCount(),
                laterOpens ? later.firstTradeTime() : earlier.firstTradeTime(),
                laterCloses ? later.lastTradeTime() : earlier.lastTradeTime(),
                false);
    }

    /**
     * The {@code larger} candle that starts with {@code small}'s trades: same values, the window
     * of {@code larger} that holds {@code small}'s, open. Merge the rest of that window into it.
     *
     * @throws IllegalArgumentException when {@code small}'s window does not fit in one window of
     *                                  {@code larger} (e.g. a 1h candle into 1m, or 7m into 5m)
     */
    public static Candle rollUp(final Candle small, final CandleInterval larger) {
        final long start = larger.windowStart(small.openTime());
        final long end = start + larger.millis();
        if (small.closeTime() > end) {
            throw new IllegalArgumentException("a " + small.interval() + " candle [" + small.openTime() + ", "
                    + small.closeTime() + ") does not fit in one " + larger.name() + " window");
        }
        return new Candle(small.venue(), small.pair(), larger.name(), start, end,
                small.open(), small.high(), small.low(), small.close(),
                small.baseVolume(), small.quoteVolume(), small.vwap(), small.tradeCount(),
                small.firstTradeTime(), small.lastTradeTime(), false);
    }

    /** The same candle, final. */
    public static Candle close(final Candle candle) {
        if (candle.closed()) {
            return candle;
        }
        return new Candle(candle.venue(), candle.pair(), candle.interval(), candle.openTime(), candle.closeTime(),
                candle.open(), candle.high(), candle.low(), candle.close(),
                candle.baseVolume(), candle.quoteVolume(), candle.vwap(), candle.tradeCount(),
                candle.firstTradeTime(), candle.lastTradeTime(), true);
    }

    private static boolean contains(final Candle outer, final Candle inner) {
        return outer.openTime() <= inner.openTime() && inner.closeTime() <= outer.closeTime();
    }

    private static void requireSamePair(final Candle candle, final String pair) {
        if (!candle.pair().equals(pair)) {
            throw new IllegalArgumentException("a " + pair + " trade or candle cannot go into a " + candle.pair()
                    + " candle");
        }
    }

    private static void requireOpen(final Candle candle) {
        if (candle.closed()) {
            throw new IllegalStateException("the " + candle.pair() + " " + candle.interval() + " candle at "
                    + candle.openTime() + " is closed (final); late data must be handled before it reaches a candle");
        }
    }
}
