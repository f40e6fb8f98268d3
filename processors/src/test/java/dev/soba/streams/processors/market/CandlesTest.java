package dev.soba.streams.processors.market;

import dev.soba.streams.schemas.market.Decimals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.market.Candle;
import dev.soba.streams.schemas.market.Trade;
import dev.soba.streams.schemas.market.csv.CandleCsv;
import dev.soba.streams.schemas.market.csv.CsvResult;
import java.io.BufferedReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CandlesTest {

    private static final String PAIR = "ETH-USDT";
    private static final CandleInterval MINUTE = CandleInterval.ONE_MINUTE;
    private static final long START = 1_748_623_140_000L; // 2025-05-30T16:39:00Z
    private static int ids;

    private static Trade trade(final long time, final String price, final String quantity) {
        final BigDecimal p = new BigDecimal(price);
        final BigDecimal q = new BigDecimal(quantity);
        return new Trade("binance", PAIR, time, p, q, p.multiply(q), "t" + ids++);
    }

    /** Trades in arrival order, aggregated as a processor would: open with the first, add the rest. */
    private static Candle aggregate(final List<Trade> arrivals, final CandleInterval interval) {
        Candle candle = Candles.open(arrivals.get(0), "binance", interval);
        for (final Trade trade : arrivals.subList(1, arrivals.size())) {
            candle = Candles.add(candle, trade);
        }
        return candle;
    }

    /** Every window's candle, each from its trades in arrival order. */
    private static Map<Long, Candle> aggregateByWindow(final List<Trade> arrivals, final CandleInterval interval) {
        final Map<Long, Candle> candles = new TreeMap<>();
        for (final Trade trade : arrivals) {
            candles.compute(interval.windowStart(trade.timestamp()),
                    (start, candle) -> candle == null ? Candles.open(trade, "binance", interval) : Candles.add(candle, trade));
        }
        return candles;
    }

    /** The candle by definition, computed without Candles: checks values, not just order-independence. */
    private static void assertMatchesDefinition(final Candle candle, final List<Trade> arrivals) {
        final List<Trade> byTime = new ArrayList<>(arrivals);
        byTime.sort(Comparator.comparingLong(Trade::timestamp)); // stable: ties stay in arrival order
        final BigDecimal base = arrivals.stream().map(Trade::baseAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        final BigDecimal quote = arrivals.stream().map(Trade::quoteAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(candle.open()).isEqualByComparingTo(byTime.get(0).price());
        assertThat(candle.close()).isEqualByComparingTo(byTime.get(byTime.size() - 1).price());
        assertThat(candle.high()).isEqualByComparingTo(arrivals.stream().map(Trade::price).max(Comparator.naturalOrder()).orElseThrow());
        assertThat(candle.low()).isEqualByComparingTo(arrivals.stream().map(Trade::price).min(Comparator.naturalOrder()).orElseThrow());
        assertThat(candle.baseVolume()).isEqualByComparingTo(base);
        assertThat(candle.quoteVolume()).isEqualByComparingTo(quote);
        assertThat(candle.vwap().subtract(quote.divide(base, MathContext.DECIMAL128)).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.5E-18"));
        assertThat(candle.tradeCount()).isEqualTo(arrivals.size());
        assertThat(candle.firstTradeTime()).isEqualTo(byTime.get(0).timestamp());
        assertThat(candle.lastTradeTime()).isEqualTo(byTime.get(byTime.size() - 1).timestamp());
    }

    private static List<Trade> randomTrades(final Random random, final int count, final long from, final long span,
            final boolean distinctTimes) {
        final List<Long> times = new ArrayList<>();
        while (times.size() < count) {
            final long time = from + random.nextLong(span);
            if (!distinctTimes || !times.contains(time)) {
                times.add(time);
            }
        }
        final List<Trade> trades = new ArrayList<>();
        for (final long time : times) {
            // Trailing zeros on purpose: canonical values must not depend on how an input was spelled.
            final String price = (2000 + random.nextInt(1000)) + "." + random.nextInt(100) + (random.nextBoolean() ? "0" : "");
            final String quantity = "0." + (1 + random.nextInt(99_999)) + (random.nextInt(4) == 0 ? "00" : "");
            trades.add(trade(time, price, quantity));
        }
        return trades;
    }

    @Test
    void theFirstTradeOpensItsWindow() {
        final Candle candle = Candles.open(trade(START + 42_000, "2500.50", "2"), "all", MINUTE);
        assertThat(candle).isEqualTo(new Candle("all", PAIR, "1m", START, START + 60_000,
                new BigDecimal("2500.5"), new BigDecimal("2500.5"), new BigDecimal("2500.5"), new BigDecimal("2500.5"),
                new BigDecimal("2"), new BigDecimal("5001"), new BigDecimal("2500.5"), 1,
                START + 42_000, START + 42_000, false));
    }

    @Test
    void anEarlierTradeArrivingLateBecomesTheOpen() {
        Candle candle = Candles.open(trade(START + 30_000, "10", "1"), "binance", MINUTE);
        candle = Candles.add(candle, trade(START + 40_000, "12", "1"));
        candle = Candles.add(candle, trade(START + 10_000, "9", "2")); // out of order
        candle = Candles.add(candle, trade(START + 35_000, "13", "1")); // out of order, not the latest
        assertThat(candle.open()).isEqualTo(new BigDecimal("9"));
        assertThat(candle.close()).isEqualTo(new BigDecimal("12"));
        assertThat(candle.high()).isEqualTo(new BigDecimal("13"));
        assertThat(candle.low()).isEqualTo(new BigDecimal("9"));
        assertThat(candle.baseVolume()).isEqualTo(new BigDecimal("5"));
        assertThat(candle.quoteVolume()).isEqualTo(new BigDecimal("53"));
        assertThat(candle.vwap()).isEqualTo(new BigDecimal("10.6"));
        assertThat(candle.tradeCount()).isEqualTo(4);
        assertThat(candle.firstTradeTime()).isEqualTo(START + 10_000);
        assertThat(candle.lastTradeTime()).isEqualTo(START + 40_000);
    }

    @Test
    void tiesInTimeGoToTheFirstArrivalForOpenAndTheLastForClose() {
        Candle candle = Candles.open(trade(START + 5, "1", "1"), "binance", MINUTE);
        candle = Candles.add(candle, trade(START + 5, "2", "1"));
        candle = Candles.add(candle, trade(START + 5, "3", "1"));
        assertThat(candle.open()).isEqualTo(new BigDecimal("1"));
        assertThat(candle.close()).isEqualTo(new BigDecimal("3"));
        candle = Candles.add(candle, trade(START + 1, "4", "1"));
        candle = Candles.add(candle, trade(START + 1, "5", "1"));
        assertThat(candle.open()).isEqualTo(new BigDecimal("4"));
        assertThat(candle.close()).isEqualTo(new BigDecimal("3"));
    }

    @Test
    void theSameTradesInAnyOrderGiveTheSameCandle() {
        final Random random = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            final List<Trade> trades = randomTrades(random, 1 + random.nextInt(80), START, 60_000, true);
            final Candle expected = aggregate(trades, MINUTE);
            assertMatchesDefinition(expected, trades);
            for (int permutation = 0; permutation < 30; permutation++) {
                final List<Trade> shuffled = new ArrayList<>(trades);
                Collections.shuffle(shuffled, random);
                assertThat(aggregate(shuffled, MINUTE)).isEqualTo(expected);
            }
        }
    }

    @Test
    void tiedTradesAtOnePriceAreOrderIndependentToo() {
        final Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            // Few distinct times, so most trades tie; tied trades share a price (one match, several fills).
            final List<Trade> trades = new ArrayList<>();
            for (int i = 0, n = 2 + random.nextInt(40); i < n; i++) {
                final long time = START + random.nextInt(5) * 1_000L;
                trades.add(trade(time, String.valueOf(2000 + time % 997), "0." + (1 + random.nextInt(999))));
            }
            final Candle expected = aggregate(trades, MINUTE);
            assertMatchesDefinition(expected, trades);
            for (int permutation = 0; permutation < 20; permutation++) {
                final List<Trade> shuffled = new ArrayList<>(trades);
                Collections.shuffle(shuffled, random);
                assertThat(aggregate(shuffled, MINUTE)).isEqualTo(expected);
            }
        }
    }

    @Test
    void rollingUpMinutesEqualsAggregatingTheTradesDirectly() {
        final Random random = new Random(2025);
        for (int trial = 0; trial < 20; trial++) {
            // Three hours of trades with ties, arriving out of order by up to ~a minute.
            final List<Trade> trades = randomTrades(random, 3_000, START - 40 * 60_000, 3 * 3_600_000, false);
            final List<Trade> arrivals = new ArrayList<>(trades);
            final Map<Trade, Long> jitter = new IdentityHashMap<>();
            arrivals.forEach(t -> jitter.put(t, t.timestamp() + random.nextInt(90_000)));
            arrivals.sort(Comparator.comparingLong(jitter::get));

            final Map<Long, Candle> minutes = aggregateByWindow(arrivals, MINUTE);
            final Map<Long, Candle> fiveMinutes = rollUp(minutes.values(), CandleInterval.FIVE_MINUTES, random);
            assertThat(fiveMinutes).isEqualTo(aggregateByWindow(arrivals, CandleInterval.FIVE_MINUTES));
            final Map<Long, Candle> hours = rollUp(minutes.values(), CandleInterval.ONE_HOUR, random);
            assertThat(hours).isEqualTo(aggregateByWindow(arrivals, CandleInterval.ONE_HOUR));
            assertThat(rollUp(fiveMinutes.values(), CandleInterval.ONE_HOUR, random)).isEqualTo(hours);
            assertThat(rollUp(hours.values(), CandleInterval.ONE_DAY, random))
                    .isEqualTo(aggregateByWindow(arrivals, CandleInterval.ONE_DAY));
        }
    }

    /** Finished small candles, merged in a random order, into the larger windows. */
    private static Map<Long, Candle> rollUp(final Collection<Candle> small, final CandleInterval larger,
            final Random random) {
        final List<Candle> order = new ArrayList<>(small);
        Collections.shuffle(order, random);
        final Map<Long, Candle> candles = new TreeMap<>();
        for (final Candle candle : order) {
            final Candle finished = Candles.close(candle);
            candles.compute(larger.windowStart(candle.openTime()),
                    (start, big) -> big == null ? Candles.rollUp(finished, larger) : Candles.merge(big, finished));
        }
        return candles;
    }

    @Test
    void mergingPartialCandlesOfOneWindowEqualsAggregatingAllTrades() {
        final Random random = new Random(99);
        for (int trial = 0; trial < 300; trial++) {
            final List<Trade> trades = randomTrades(random, 2 + random.nextInt(60), START, 60_000, true);
            final int split = 1 + random.nextInt(trades.size() - 1);
            final Candle left = aggregate(trades.subList(0, split), MINUTE);
            final Candle right = aggregate(trades.subList(split, trades.size()), MINUTE);
            final Candle whole = aggregate(trades, MINUTE);
            assertThat(Candles.merge(left, right)).isEqualTo(whole);
            assertThat(Candles.merge(right, left)).isEqualTo(whole);
        }
    }

    @Test
    void mergeBreaksTiesAsIfEarlierHadArrivedFirst() {
        final Candle earlier = Candles.open(trade(START + 7, "1", "1"), "binance", MINUTE);
        final Candle later = Candles.open(trade(START + 7, "2", "1"), "binance", MINUTE);
        final Candle merged = Candles.merge(earlier, later);
        assertThat(merged.open()).isEqualTo(new BigDecimal("1"));
        assertThat(merged.close()).isEqualTo(new BigDecimal("2"));
        assertThat(merged).isEqualTo(aggregate(List.of(trade(START + 7, "1", "1"), trade(START + 7, "2", "1")), MINUTE));
    }

    @Test
    void mergeTakesTheContainingWindowWhicheverSideItIs() {
        final Candle minute = Candles.close(Candles.open(trade(START + 61_000, "3", "1"), "binance", MINUTE));
        final Candle hour = Candles.rollUp(Candles.open(trade(START, "2", "1"), "all", MINUTE), CandleInterval.ONE_HOUR);
        final Candle merged = Candles.merge(minute, hour);
        assertThat(merged.interval()).isEqualTo("1h");
        assertThat(merged.venue()).isEqualTo("all");
        assertThat(merged.openTime()).isEqualTo(CandleInterval.ONE_HOUR.windowStart(START));
        assertThat(merged.open()).isEqualTo(new BigDecimal("2"));
        assertThat(merged.close()).isEqualTo(new BigDecimal("3"));
        assertThat(merged.closed()).isFalse();
        assertThat(Candles.merge(hour, minute)).isEqualTo(merged);
    }

    @Test
    void anUnknownQuoteVolumeStaysUnknown() {
        final Candle known = Candles.open(trade(START, "2", "1"), "x", MINUTE);
        final Candle imported = new Candle("x", PAIR, "1m", START + 60_000, START + 120_000, BigDecimal.ONE,
                BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("5"), null, null, 0,
                START + 60_000, START + 119_999, true);
        final Candle merged = Candles.merge(Candles.rollUp(known, CandleInterval.ONE_HOUR), imported);
        assertThat(merged.quoteVolume()).isNull();
        assertThat(merged.vwap()).isNull();
        assertThat(merged.baseVolume()).isEqualTo(new BigDecimal("6"));
        assertThat(merged.tradeCount()).isEqualTo(1);
        assertThat(merged.open()).isEqualTo(new BigDecimal("2"));
        assertThat(merged.close()).isEqualTo(BigDecimal.TEN);
        assertThat(merged.lastTradeTime()).isEqualTo(START + 119_999);
        final Trade withoutQuote = new Trade("x", PAIR, START + 1, BigDecimal.ONE, BigDecimal.ONE, null, "q");
        assertThat(Candles.add(known, withoutQuote).quoteVolume()).isNull();
        assertThat(Candles.open(withoutQuote, "x", MINUTE).vwap()).isNull();
    }

    @Test
    void amountsAreCanonicalSoEqualCandlesSerialiseAlike() {
        final Candle a = aggregate(List.of(trade(START, "2500.10", "0.50"), trade(START + 1, "2500.1", "0.5")), MINUTE);
        assertThat(a.baseVolume()).isEqualTo(BigDecimal.ONE);
        assertThat(a.quoteVolume()).isEqualTo(new BigDecimal("2500.1"));
        assertThat(a.vwap()).isEqualTo(new BigDecimal("2500.1"));
        final Candle big = Candles.open(new Trade("x", PAIR, START, new BigDecimal("1.5E+3"), new BigDecimal("2E+1"),
                new BigDecimal("3E+4"), "big"), "x", MINUTE);
        final String json = new String(Json.write(big), StandardCharsets.UTF_8);
        assertThat(json).contains("\"open\":\"1500\"", "\"base_volume\":\"20\"", "\"quote_volume\":\"30000\"",
                "\"vwap\":\"1500\"").doesNotContain("E+");
        assertThat(Json.read(Json.write(a), Candle.class)).isEqualTo(a);
        assertThat(Json.read(Json.write(big), Candle.class)).isEqualTo(big);
    }

    @Test
    void vwapKeepsEighteenDecimalsAndTwentySignificantDigits() {
        final Candle thirds = Candles.open(trade(START, "1", "3"), "x", MINUTE);
        final Candle third = Candles.add(thirds, new Trade("x", PAIR, START, BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ZERO, "zero"));
        assertThat(third.vwap().toPlainString()).isEqualTo("0.75");
        final Candle odd = Candles.add(Candles.open(trade(START, "2", "1"), "x", MINUTE), trade(START + 1, "1", "2"));
        assertThat(odd.vwap().toPlainString()).isEqualTo("1.33333333333333333333");
        final Candle tiny = Candles.open(new Trade("x", "PEPE-WETH", START, new BigDecimal("0.000000000003"),
                new BigDecimal("3000000"), new BigDecimal("0.00001"), "tiny"), "x", MINUTE);
        assertThat(tiny.vwap().toPlainString()).isEqualTo("0.0000000000033333333333333333333");
    }

    @Test
    void importedCandlesComputeVwapByTheSameRule() {
        final Random random = new Random(5);
        final StringBuilder csv = new StringBuilder("time,open,high,low,close,volume,turnover\n");
        final List<BigDecimal[]> volumes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            final BigDecimal base = new BigDecimal(random.nextLong(1, 1_000_000_000_000L)).movePointLeft(random.nextInt(12));
            final BigDecimal quote = new BigDecimal(random.nextLong(1, 1_000_000_000_000L)).movePointLeft(random.nextInt(20));
            volumes.add(new BigDecimal[] {base, quote});
            csv.append(START / 1000 + 60L * i).append(",1,1,1,1,").append(base.toPlainString()).append(',')
                    .append(quote.toPlainString()).append('\n');
        }
        try (Stream<CsvResult<Candle>> results = CandleCsv.read(new BufferedReader(new StringReader(csv.toString())),
                "x", PAIR, "1m", 60_000)) {
            final List<CsvResult<Candle>> all = results.toList();
            for (int i = 0; i < all.size(); i++) {
                final Candle candle = ((CsvResult.Parsed<Candle>) all.get(i)).value();
                assertThat(candle.vwap()).isEqualTo(Decimals.vwap(Decimals.canonical(volumes.get(i)[1]),
                        Decimals.canonical(volumes.get(i)[0])));
            }
        }
    }

    @Test
    void rollUpNeedsTheSmallWindowToFitInOneLargeWindow() {
        final Candle hour = Candles.rollUp(Candles.open(trade(START, "1", "1"), "x", MINUTE), CandleInterval.ONE_HOUR);
        assertThatThrownBy(() -> Candles.rollUp(hour, MINUTE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit in one 1m window");
        final Candle sevenMinutes = Candles.open(trade(START, "1", "1"), "x", CandleInterval.parse("7m"));
        assertThatThrownBy(() -> Candles.rollUp(sevenMinutes, CandleInterval.FIVE_MINUTES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Candles.rollUp(Candles.close(hour), CandleInterval.ONE_HOUR).closed()).isFalse();
    }

    @Test
    void misuseIsRefusedLoudly() {
        final Candle candle = Candles.open(trade(START, "1", "1"), "x", MINUTE);
        assertThatThrownBy(() -> Candles.add(candle, trade(START + 60_000, "1", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the 1m window");
        assertThatThrownBy(() -> Candles.add(candle, trade(START - 1, "1", "1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Candles.add(candle, new Trade("x", "BTC-USD", START, BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE, "b"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BTC-USD");
        final Candle closed = Candles.close(candle);
        assertThat(closed.closed()).isTrue();
        assertThat(Candles.close(closed)).isSameAs(closed);
        assertThatThrownBy(() -> Candles.add(closed, trade(START + 1, "1", "1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> Candles.merge(closed, candle)).isInstanceOf(IllegalStateException.class);
        final Candle next = Candles.open(trade(START + 60_000, "1", "1"), "x", MINUTE);
        assertThatThrownBy(() -> Candles.merge(candle, next)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither window contains the other");
    }
}
