package dev.soba.streams.processors.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.schemas.market.Candle;
import dev.soba.streams.schemas.market.Trade;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Finality and history in the candle book: input below the live head reaches its candle (a final
 * window is corrected and the correction published), the cross-venue candle waits for the slowest
 * active venue, and the result does not depend on the order in which the venues' inputs arrive.
 */
class CandleBookTest {

    private static final CandleInterval MINUTE = CandleInterval.ONE_MINUTE;
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final long T0 = 1_704_067_200_000L;   // 2024-01-01T00:00:00Z
    private static final Duration RETENTION = Duration.ofDays(30);

    /** CandleState in memory, with the processor's retention rule. */
    private static final class MemoryState implements CandleState {
        final Map<String, Candle> candles = new TreeMap<>();
        final Map<String, Long> clocks = new HashMap<>();
        final Map<String, Long> open = new TreeMap<>();

        private static String key(final CandleInterval interval, final String pair, final String venue, final long start) {
            return interval.name() + "|" + pair + "|" + venue + "|" + String.format("%020d", start);
        }

        @Override
        public Optional<Candle> candle(final CandleInterval interval, final String pair, final String venue, final long start) {
            return Optional.ofNullable(candles.get(key(interval, pair, venue, start)));
        }

        @Override
        public void put(final CandleInterval interval, final Candle candle) {
            candles.put(key(interval, candle.pair(), candle.venue(), candle.openTime()), candle);
        }

        @Override
        public Optional<Long> clock(final String pair, final String venue) {
            return Optional.ofNullable(clocks.get(pair + "|" + venue));
        }

        @Override
        public void setClock(final String pair, final String venue, final long time) {
            clocks.put(pair + "|" + venue, time);
        }

        @Override
        public Map<String, Long> feederClocks(final String pair) {
            return clocks.entrySet().stream().filter(e -> e.getKey().startsWith(pair + "|") && !e.getKey().endsWith("|all"))
                    .collect(Collectors.toMap(e -> e.getKey().substring(pair.length() + 1), Map.Entry::getValue));
        }

        @Override
        public boolean keeps(final CandleInterval interval, final String pair, final String venue, final long windowEnd,
                             final long clock) {
            return windowEnd > clock - RETENTION.toMillis();
        }

        @Override
        public void markOpen(final CandleInterval interval, final Candle candle) {
            open.put(candle.pair() + "|" + candle.venue() + "|" + String.format("%020d", candle.closeTime()) + "|"
                    + interval.name() + "|" + candle.openTime(), candle.openTime());
        }

        @Override
        public List<OpenWindow> takeOpenWindows(final String pair, final String venue, final long endAtMost) {
            final List<OpenWindow> due = new ArrayList<>();
            open.entrySet().removeIf(e -> {
                final String[] parts = e.getKey().split("\\|");
                if (parts[0].equals(pair) && parts[1].equals(venue) && Long.parseLong(parts[2]) <= endAtMost) {
                    due.add(new OpenWindow(CandleInterval.parse(parts[3]), e.getValue()));
                    return true;
                }
                return false;
            });
            return due;
        }
    }

    private final MemoryState state = new MemoryState();
    private final Predicate<String> everyVenue = venue -> true;
    private final CandleBook book = new CandleBook(List.of(MINUTE), GRACE, state, everyVenue);
    private final List<CandleEvent> events = new ArrayList<>();

    private static Trade trade(final String venue, final long time, final String price) {
        return new Trade(venue, "ETH-USDT", time, new BigDecimal(price), BigDecimal.ONE, null, venue + "-" + time);
    }

    private void send(final Trade trade) {
        events.addAll(book.onTrade(trade));
    }

    /** The last published (final or corrected) candle of each (venue, window). */
    private static Map<String, Candle> published(final List<CandleEvent> events) {
        final Map<String, Candle> last = new TreeMap<>();
        for (final CandleEvent event : events) {
            final Candle candle = event instanceof CandleEvent.Finalized f ? f.candle()
                    : event instanceof CandleEvent.Corrected c ? c.candle() : null;
            if (candle != null) {
                last.put(candle.venue() + "|" + candle.openTime(), candle);
            }
        }
        return last;
    }

    @Test
    void historyBelowTheLiveHeadCorrectsTheFinalCrossVenueCandleInsteadOfGoingLate() {
        // a live feed two hours ahead, then an hour of imported history of another venue
        for (int s = 0; s < 600; s += 10) {
            send(trade("binance", T0 + 7_200_000 + s * 1_000L, "100"));
        }
        events.clear();
        for (int minute = 0; minute < 3; minute++) {
            send(trade("bybit", T0 + minute * 60_000L + 1_000, "50"));
        }
        send(trade("bybit", T0 + 10_000, "51"));
        assertThat(events).noneMatch(e -> e instanceof CandleEvent.Late);
        final Map<String, Candle> last = published(events);
        assertThat(last.get("all|" + T0).tradeCount()).isEqualTo(2);
        assertThat(last.get("all|" + T0).closed()).isTrue();
        assertThat(last.get("bybit|" + T0).tradeCount()).isEqualTo(2);
        // every all window was final on arrival (binance's clock) and bybit's minute 0 was when its straggler came
        assertThat(events).filteredOn(e -> e instanceof CandleEvent.Corrected)
                .extracting(e -> ((CandleEvent.Corrected) e).candle().venue())
                .containsExactly("all", "all", "all", "bybit", "all");
        assertThat(state.candle(MINUTE, "ETH-USDT", "all", T0).orElseThrow().tradeCount()).isEqualTo(2);
    }

    @Test
    void theCrossVenueCandleWaitsForTheSlowestActiveVenue() {
        send(trade("binance", T0 + 1_000, "100"));
        send(trade("kraken", T0 + 2_000, "101"));
        send(trade("binance", T0 + 180_000, "102"));   // binance is minutes ahead; kraken still in minute 0
        assertThat(published(events)).containsKey("binance|" + T0).doesNotContainKey("all|" + T0);
        send(trade("kraken", T0 + 30_000, "103"));
        assertThat(events).noneMatch(e -> e instanceof CandleEvent.Corrected);
        send(trade("kraken", T0 + 120_000, "104"));
        assertThat(published(events).get("all|" + T0).tradeCount()).isEqualTo(3);
        assertThat(events).noneMatch(e -> e instanceof CandleEvent.Corrected);
    }

    @Test
    void aVenueThatStoppedDoesNotHoldTheCrossVenueCandleBack() {
        send(trade("kraken", T0 + 1_000, "100"));
        send(trade("binance", T0 + 2_000, "100"));
        send(trade("binance", T0 + CandleBook.IDLE_VENUE.toMillis() + 120_000, "100"));
        assertThat(published(events)).containsKey("all|" + T0);
    }

    @Test
    void inputOlderThanTheRetentionIsLateWithItsReason() {
        send(trade("binance", T0 + RETENTION.toMillis() + 3_600_000, "100"));
        send(trade("binance", T0, "100"));
        assertThat(events).filteredOn(e -> e instanceof CandleEvent.Late).hasSize(2)
                .allSatisfy(e -> assertThat(((CandleEvent.Late) e).late().reason()).contains("retention"));
    }

    @Test
    void theLastPublishedCandlesDoNotDependOnHowTheVenuesInterleave() {
        final List<Trade> binance = new ArrayList<>();
        final List<Trade> kraken = new ArrayList<>();
        for (int s = 0; s < 900; s += 7) {
            binance.add(trade("binance", T0 + s * 1_000L, Integer.toString(100 + s % 13)));
            kraken.add(trade("kraken", T0 + s * 1_000L + 500, Integer.toString(90 + s % 11)));
        }
        final List<Trade> interleaved = new ArrayList<>();
        for (int i = 0; i < binance.size(); i++) {
            interleaved.add(binance.get(i));
            interleaved.add(kraken.get(i));
        }
        final List<Trade> oneAfterTheOther = new ArrayList<>(binance);
        oneAfterTheOther.addAll(kraken);
        final Map<String, Candle> first = run(interleaved);
        final Map<String, Candle> second = run(oneAfterTheOther);
        assertThat(second).isEqualTo(first);
        assertThat(first.get("all|" + T0).tradeCount()).isEqualTo(18);
    }

    private static Map<String, Candle> run(final List<Trade> trades) {
        final MemoryState fresh = new MemoryState();
        final CandleBook another = new CandleBook(List.of(MINUTE), GRACE, fresh, venue -> true);
        final List<CandleEvent> all = new ArrayList<>();
        trades.forEach(t -> all.addAll(another.onTrade(t)));
        // the last trade of the run closes what its clock allows; compare what both closed
        final Map<String, Candle> last = published(all);
        last.keySet().removeIf(key -> Long.parseLong(key.substring(key.indexOf('|') + 1)) >= T0 + 780_000);
        return last;
    }
}
