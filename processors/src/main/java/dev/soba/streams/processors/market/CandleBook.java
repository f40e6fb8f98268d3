package dev.soba.streams.processors.market;

import dev.soba.streams.schemas.market.Candle;
import dev.soba.streams.schemas.market.Trade;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Candles per pair, venue and interval, in event time. Each (pair, venue) has its own clock (the
 * latest event time it has shown), so a slow exchange's trades are not late merely because another
 * venue is ahead. The cross-venue {@code all} candle follows a watermark over the venues that feed
 * it: the slowest of them, leaving out a venue more than {@link #IDLE_VENUE} behind the fastest (a
 * feed that stopped, or history imported long after). A window is final once its end plus the
 * grace period has passed on its clock, and is then published on the candles topic.
 *
 * <p>Input for a window that was already final still reaches its candle: the candle is corrected
 * and the correction published ({@link CandleEvent.Corrected}), so history below the live head
 * (an import, a backfill, a catch-up after a crash) lands where it belongs. Only input older than
 * the candle store's retention is reported as late, never silently dropped.
 */
public final class CandleBook {

    public static final String ALL_VENUES = "all";
    /** A venue whose clock is this far behind the pair's fastest does not hold back the {@code all} watermark. */
    public static final Duration IDLE_VENUE = Duration.ofMinutes(15);

    private final List<CandleInterval> intervals;
    private final Duration grace;
    private final CandleState state;
    private final Predicate<String> inAggregate;
    // Per pair, the clocks of the venues that feed its all candle (loaded from the state once per pair).
    private final Map<String, Map<String, Long>> feeders = new HashMap<>();
    private final Map<String, Long> allFinality = new HashMap<>();

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
            final long finality = finality(trade.pair(), venue, clock);
            for (final CandleInterval interval : intervals) {
                final long start = interval.windowStart(trade.timestamp());
                if (!state.keeps(interval, trade.pair(), venue, start + interval.millis(), clock)) {
                    events.add(late(trade.pair(), trade.venue(), venue, interval, trade.timestamp(), start, clock,
                            trade.tradeId(), "older than the " + interval.name() + " candle store's retention"));
                    continue;
                }
                final Optional<Candle> existing = state.candle(interval, trade.pair(), venue, start);
                final Candle next = existing.map(c -> Candles.add(reopened(c), trade))
                        .orElseGet(() -> Candles.open(trade, venue, interval));
                store(interval, next, existing, isFinal(trade.timestamp(), interval, finality, existing), events);
            }
            finalizeClosed(trade.pair(), venue, finality, events);
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
            final long finality = finality(imported.pair(), venue, clock);
            for (final CandleInterval interval : intervals) {
                if (interval.millis() < length) {
                    continue;
                }
                final long start = interval.windowStart(imported.openTime());
                if (!state.keeps(interval, imported.pair(), venue, start + interval.millis(), clock)) {
                    events.add(late(imported.pair(), imported.venue(), venue, interval, imported.openTime(), start,
                            clock, id, "older than the " + interval.name() + " candle store's retention"));
                    continue;
                }
                final Optional<Candle> existing = state.candle(interval, imported.pair(), venue, start);
                final Candle next = existing.map(c -> Candles.merge(reopened(c), imported))
                        .orElseGet(() -> withVenue(Candles.rollUp(imported, interval), venue));
                store(interval, next, existing, isFinal(imported.openTime(), interval, finality, existing), events);
            }
            finalizeClosed(imported.pair(), venue, finality, events);
        }
        return events;
    }

    /**
     * The clock that decides finality for {@code venue}'s candles: its own, or for {@code all} the
     * watermark over the venues that feed it (the slowest one not idle).
     */
    private long finality(final String pair, final String venue, final long clock) {
        if (!ALL_VENUES.equals(venue)) {
            return clock;
        }
        // loaded once per pair; advance() keeps it current (the source venue's clock was advanced just before)
        final Map<String, Long> clocks = feeders.computeIfAbsent(pair, p -> new HashMap<>(state.feederClocks(p)));
        final long idleBefore = clock - IDLE_VENUE.toMillis();
        long watermark = clock;
        for (final long feeder : clocks.values()) {
            if (feeder >= idleBefore && feeder < watermark) {
                watermark = feeder;
            }
        }
        // never backwards (a venue that was idle and comes back): what was final stays final
        return allFinality.merge(pair, watermark, Math::max);
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
        if (!ALL_VENUES.equals(venue)) {
            final Map<String, Long> clocks = feeders.get(pair);
            if (clocks != null) {
                clocks.put(venue, clock);
            }
        }
        return clock;
    }

    /** Whether the window is final already: published, or its end plus grace passed on the finality clock. */
    private boolean isFinal(final long eventTime, final CandleInterval interval, final long finality,
                            final Optional<Candle> existing) {
        return existing.map(Candle::closed).orElse(false)
                || LateTrades.classify(eventTime, interval, grace, finality) == LateTrades.Lateness.TOO_LATE
                && existing.isEmpty();
    }

    /**
     * Keeps the changed candle. A window that was final is final again at once, and the change is
     * published as a correction; a window not yet final waits for {@link #finalizeClosed}.
     */
    private void store(final CandleInterval interval, final Candle candle, final Optional<Candle> existing,
                       final boolean wasFinal, final List<CandleEvent> events) {
        if (wasFinal) {
            final Candle closed = Candles.close(candle);
            state.put(interval, closed);
            events.add(new CandleEvent.Corrected(closed));
            return;
        }
        state.put(interval, candle);
        if (existing.isEmpty()) {
            state.markOpen(interval, candle);
        }
        events.add(new CandleEvent.Updated(candle));
    }

    /** A final candle opened again for one change (it is closed again at once by {@link #store}). */
    private static Candle reopened(final Candle candle) {
        return candle.closed() ? new Candle(candle.venue(), candle.pair(), candle.interval(), candle.openTime(),
                candle.closeTime(), candle.open(), candle.high(), candle.low(), candle.close(), candle.baseVolume(),
                candle.quoteVolume(), candle.vwap(), candle.tradeCount(), candle.firstTradeTime(),
                candle.lastTradeTime(), false) : candle;
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
