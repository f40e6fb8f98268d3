package dev.soba.streams.processors.market;

import dev.soba.streams.schemas.market.Candle;
import dev.soba.streams.schemas.market.Trade;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Candles per pair, venue and interval, in event time. Each (pair, venue) has its own clock (the
 * latest event time it has shown), so a slow exchange's trades are not late merely because another
 * venue is ahead; the cross-venue {@code all} candle follows the pair's fastest venue. A window is
 * final once its end plus the grace period has passed on the clock: it is emitted once on the
 * candles topic, and input for it afterwards is reported as late, never silently dropped.
 */
public final class CandleBook {

    public static final String ALL_VENUES = "all";

    private final List<CandleInterval> intervals;
    private final Duration grace;
    private final CandleState state;
    private final Predicate<String> inAggregate;

    /**
     * @param inAggregate which venues' trades enter the {@code all} candle (exchanges and trusted pools)
     */
    public CandleBook(final List<CandleInterval> intervals, final Duration grace, final CandleState state,
                      final Predicate<String> inAggregate) {
        this.intervals = List.copyOf(intervals);
        this.grace = grace;
        this.state = state;
        this.inAggregate = inAggregate;
    }

    public List<CandleEvent> onTrade(final Trade trade) {
        final List<CandleEvent> events = new ArrayList<>();
        for (final String venue : venuesOf(trade.venue())) {
            final long clock = advance(trade.pair(), venue, trade.timestamp());
            for (final CandleInterval interval : intervals) {
                final long start = interval.windowStart(trade.timestamp());
                final Optional<Candle> existing = state.candle(interval, trade.pair(), venue, start);
                if (isTooLate(trade.timestamp(), interval, clock, existing)) {
                    events.add(late(trade.pair(), trade.venue(), venue, interval, trade.timestamp(), start, clock,
                            trade.tradeId(), "its " + interval.name() + " window closed (end + grace passed)"));
                    continue;
                }
                final Candle next = existing.map(c -> Candles.add(c, trade))
                        .orElseGet(() -> Candles.open(trade, venue, interval));
                store(interval, next, existing.isEmpty(), events, trade.venue(), venue, trade.timestamp(), clock, trade.tradeId());
            }
            finalizeClosed(trade.pair(), venue, clock, events);
        }
        return events;
    }

    /**
     * A finished candle of a smaller interval from a file (one-minute history): rolled into every
     * configured interval at least as long as its own, for its venue and the aggregate.
     */
    public List<CandleEvent> onImported(final Candle imported) {
        final List<CandleEvent> events = new ArrayList<>();
        final long length = imported.closeTime() - imported.openTime();
        final String id = "import:" + imported.venue() + ":" + imported.openTime();
        if (alreadyImported(imported, length)) {
            return List.of();
        }
        for (final String venue : venuesOf(imported.venue())) {
            final long clock = advance(imported.pair(), venue, imported.closeTime() - 1);
            for (final CandleInterval interval : intervals) {
                if (interval.millis() < length) {
                    continue;
                }
                final long start = interval.windowStart(imported.openTime());
                final Optional<Candle> existing = state.candle(interval, imported.pair(), venue, start);
                if (isTooLate(imported.openTime(), interval, clock, existing)) {
                    events.add(late(imported.pair(), imported.venue(), venue, interval, imported.openTime(), start,
                            clock, id, "its " + interval.name() + " window closed (end + grace passed)"));
                    continue;
                }
                final Candle next = existing.map(c -> Candles.merge(c, imported))
                        .orElseGet(() -> withVenue(Candles.rollUp(imported, interval), venue));
                store(interval, next, existing.isEmpty(), events, imported.venue(), venue, imported.openTime(), clock, id);
            }
            finalizeClosed(imported.pair(), venue, clock, events);
        }
        return events;
    }

    /**
     * Re-importing a file must not count its volume twice: when the book keeps candles of the
     * import's own length and already holds this window for the venue, the candle is a re-send.
     */
    private boolean alreadyImported(final Candle imported, final long length) {
        return intervals.stream().filter(i -> i.millis() == length).findFirst()
                .flatMap(i -> state.candle(i, imported.pair(), imported.venue(), imported.openTime()))
                .isPresent();
    }

    private List<String> venuesOf(final String venue) {
        return inAggregate.test(venue) && !ALL_VENUES.equals(venue) ? List.of(venue, ALL_VENUES) : List.of(venue);
    }

    private long advance(final String pair, final String venue, final long eventTime) {
        final long clock = Math.max(state.clock(pair, venue).orElse(eventTime), eventTime);
        state.setClock(pair, venue, clock);
        return clock;
    }

    private boolean isTooLate(final long eventTime, final CandleInterval interval, final long clock,
                              final Optional<Candle> existing) {
        return LateTrades.classify(eventTime, interval, grace, clock) == LateTrades.Lateness.TOO_LATE
                || existing.map(Candle::closed).orElse(false);
    }

    private void store(final CandleInterval interval, final Candle candle, final boolean opened,
                       final List<CandleEvent> events, final String sourceVenue, final String venue,
                       final long eventTime, final long clock, final String id) {
        if (!state.put(interval, candle)) {
            events.add(late(candle.pair(), sourceVenue, venue, interval, eventTime, candle.openTime(), clock, id,
                    "older than the " + interval.name() + " candle store's retention"));
            return;
        }
        if (opened) {
            state.markOpen(interval, candle);
        }
        events.add(new CandleEvent.Updated(candle));
    }

    private void finalizeClosed(final String pair, final String venue, final long clock, final List<CandleEvent> events) {
        for (final CandleState.OpenWindow window : state.takeOpenWindows(pair, venue, clock - grace.toMillis())) {
            state.candle(window.interval(), pair, venue, window.windowStart()).ifPresent(open -> {
                final Candle closed = Candles.close(open);
                state.put(window.interval(), closed);
                events.add(new CandleEvent.Finalized(closed));
            });
        }
    }

    private static CandleEvent late(final String pair, final String sourceVenue, final String scope,
                                    final CandleInterval interval, final long eventTime, final long windowStart,
                                    final long clock, final String id, final String reason) {
        return new CandleEvent.Late(new LateRecord(pair, sourceVenue, scope, interval.name(), eventTime, windowStart,
                clock, id, reason));
    }

    private static Candle withVenue(final Candle candle, final String venue) {
        return candle.venue().equals(venue) ? candle : new Candle(venue, candle.pair(), candle.interval(),
                candle.openTime(), candle.closeTime(), candle.open(), candle.high(), candle.low(), candle.close(),
                candle.baseVolume(), candle.quoteVolume(), candle.vwap(), candle.tradeCount(),
                candle.firstTradeTime(), candle.lastTradeTime(), candle.closed());
    }
}
