package dev.soba.streams.processors.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.soba.streams.schemas.market.Candle;
import dev.soba.streams.schemas.market.csv.CandleCsv;
import dev.soba.streams.schemas.market.csv.CsvResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real exchange klines through the candle code: the public one-minute files of the data folder
 * ({@code market/}, given by the system property {@code soba.data}; run with
 * {@code -Pacceptance -Dsoba.data=<folder>}) read without a single rejected line, and the 5m, 1h
 * and 1d candles rolled up from them with {@link Candles} equal, window by window, an aggregation
 * this test computes itself from the raw CSV text.
 */
class MarketCsvAcceptanceTest {

    private static final List<CandleInterval> LARGER =
            List.of(CandleInterval.FIVE_MINUTES, CandleInterval.ONE_HOUR, CandleInterval.ONE_DAY);

    private static Path market;

    /** One raw line, parsed here without the project's CSV code. */
    record RawMinute(long openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                     BigDecimal volume) {
    }

    /** A window computed straight from raw minutes. */
    record Expected(long openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                    BigDecimal volume, long firstMinute, long lastMinute, int minutes) {
    }

    @BeforeAll
    static void findData() {
        final String folder = System.getProperty("soba.data");
        if (folder == null || folder.isBlank()) {
            fail("system property soba.data is not set: run with -Pacceptance -Dsoba.data=<public data folder>");
        }
        market = Path.of(folder, "market");
        assertThat(market).as("market folder under soba.data (%s)", folder).isDirectory();
    }

    @Test
    void ethUsdtMinutesRollUpExactly() throws IOException {
        final Path file = fileOf("ETH-USDT").orElseThrow(() -> new AssertionError(
                "no one-minute ETH-USDT file (e.g. bybit_linear_ETHUSDT_1m_….csv) in " + market));
        final List<Candle> minutes = checkFile(file, "bybit");
        assertThat(minutes).hasSize(43_200);
    }

    @Test
    void btcUsdMinutesRollUpExactly() throws IOException {
        final Path file = fileOf("BTC-USD").orElseThrow(() -> new AssertionError(
                "no one-minute BTC-USD file (e.g. binanceus_BTCUSD_1m_….csv) in " + market));
        final List<Candle> minutes = checkFile(file, "binanceus");
        assertThat(minutes).hasSize(30_240);
    }

    private static Optional<Path> fileOf(final String pair) throws IOException {
        try (Stream<Path> files = Files.list(market)) {
            return files.filter(f -> f.getFileName().toString().contains("_1m_"))
                    .filter(f -> CandleCsv.pairFromFileName(f.getFileName().toString()).equals(Optional.of(pair)))
                    .sorted().findFirst();
        }
    }

    private static List<Candle> checkFile(final Path file, final String venue) throws IOException {
        final String pair = CandleCsv.pairFromFileName(file.getFileName().toString()).orElseThrow();
        final List<Candle> minutes = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();
        try (Stream<CsvResult<Candle>> results = CandleCsv.read(file, venue, pair, "1m", 60_000L)) {
            results.forEach(result -> {
                if (result instanceof CsvResult.Parsed<Candle> parsed) {
                    minutes.add(parsed.value());
                } else if (result instanceof CsvResult.Rejected<Candle> bad) {
                    rejected.add("line " + bad.line() + ": " + bad.reason());
                }
            });
        }
        assertThat(rejected).as("rejected lines of %s", file.getFileName()).isEmpty();

        final List<RawMinute> raw = readRaw(file);
        assertThat(minutes).hasSameSizeAs(raw);
        for (int i = 0; i < raw.size(); i++) {
            assertSameMinute(minutes.get(i), raw.get(i), venue, pair);
        }

        final StringBuilder report = new StringBuilder(String.format("%s %s: %,d 1m candles",
                file.getFileName(), pair, minutes.size()));
        final Random random = new Random(file.getFileName().toString().hashCode());
        Map<Long, Candle> previous = Map.of();
        for (final CandleInterval interval : LARGER) {
            final Map<Long, Expected> expected = aggregateRaw(raw, interval);
            final Map<Long, Candle> inFileOrder = rollUp(minutes, interval);
            final List<Candle> shuffled = new ArrayList<>(minutes);
            Collections.shuffle(shuffled, random);
            assertThat(rollUp(shuffled, interval)).as("%s rolled up in any order", interval).isEqualTo(inFileOrder);
            if (!previous.isEmpty()) {
                // Rolling the previous (smaller) interval's candles up gives the same candles.
                assertThat(rollUp(new ArrayList<>(previous.values()), interval))
                        .as("%s from the next smaller interval", interval).isEqualTo(inFileOrder);
            }
            assertThat(inFileOrder.keySet()).as("%s windows", interval).isEqualTo(expected.keySet());
            for (final Map.Entry<Long, Expected> window : expected.entrySet()) {
                assertWindow(inFileOrder.get(window.getKey()), window.getValue(), interval, venue, pair);
            }
            report.append(String.format(", %,d %s windows", inFileOrder.size(), interval));
            previous = inFileOrder;
        }
        System.out.println(report);
        return minutes;
    }

    private static Map<Long, Candle> rollUp(final List<Candle> small, final CandleInterval interval) {
        final Map<Long, Candle> candles = new TreeMap<>();
        for (final Candle candle : small) {
            candles.compute(interval.windowStart(candle.openTime()),
                    (start, big) -> big == null ? Candles.rollUp(candle, interval) : Candles.merge(big, candle));
        }
        return candles;
    }

    private static List<RawMinute> readRaw(final Path file) throws IOException {
        final List<RawMinute> minutes = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.skip(1).filter(line -> !line.isBlank()).forEach(line -> {
                final String[] f = line.split(",");
                // Both files write pandas timestamps: "2025-05-30 16:39:00+00:00".
                final long time = OffsetDateTime.parse(f[0].replace(' ', 'T')).toInstant().toEpochMilli();
                minutes.add(new RawMinute(time, new BigDecimal(f[1]), new BigDecimal(f[2]), new BigDecimal(f[3]),
                        new BigDecimal(f[4]), new BigDecimal(f[5])));
            });
        }
        return minutes;
    }

    private static Map<Long, Expected> aggregateRaw(final List<RawMinute> minutes, final CandleInterval interval) {
        final Map<Long, List<RawMinute>> windows = new TreeMap<>();
        for (final RawMinute minute : minutes) {
            final long start = minute.openTime() - Math.floorMod(minute.openTime(), interval.millis());
            windows.computeIfAbsent(start, s -> new ArrayList<>()).add(minute);
        }
        final Map<Long, Expected> expected = new TreeMap<>();
        windows.forEach((start, list) -> {
            RawMinute first = list.get(0);
            RawMinute last = list.get(0);
            BigDecimal high = list.get(0).high();
            BigDecimal low = list.get(0).low();
            BigDecimal volume = BigDecimal.ZERO;
            for (final RawMinute m : list) {
                first = m.openTime() < first.openTime() ? m : first;
                last = m.openTime() > last.openTime() ? m : last;
                high = high.max(m.high());
                low = low.min(m.low());
                volume = volume.add(m.volume());
            }
            expected.put(start, new Expected(start, first.open(), high, low, last.close(), volume,
                    first.openTime(), last.openTime(), list.size()));
        });
        return expected;
    }

    private static void assertSameMinute(final Candle candle, final RawMinute raw, final String venue,
            final String pair) {
        assertThat(candle.openTime()).isEqualTo(raw.openTime());
        assertThat(candle.closeTime()).isEqualTo(raw.openTime() + 60_000L);
        assertThat(candle.open()).isEqualByComparingTo(raw.open());
        assertThat(candle.high()).isEqualByComparingTo(raw.high());
        assertThat(candle.low()).isEqualByComparingTo(raw.low());
        assertThat(candle.close()).isEqualByComparingTo(raw.close());
        assertThat(candle.baseVolume()).isEqualByComparingTo(raw.volume());
        assertThat(candle.quoteVolume()).isNull();
        assertThat(candle.closed()).isTrue();
        assertThat(candle.venue()).isEqualTo(venue);
        assertThat(candle.pair()).isEqualTo(pair);
    }

    private static void assertWindow(final Candle candle, final Expected expected, final CandleInterval interval,
            final String venue, final String pair) {
        final String what = interval + " window at " + expected.openTime();
        assertThat(candle.interval()).as(what).isEqualTo(interval.name());
        assertThat(candle.venue()).as(what).isEqualTo(venue);
        assertThat(candle.pair()).as(what).isEqualTo(pair);
        assertThat(candle.openTime()).as(what).isEqualTo(expected.openTime());
        assertThat(candle.closeTime()).as(what).isEqualTo(expected.openTime() + interval.millis());
        assertThat(candle.open()).as(what + " open").isEqualByComparingTo(expected.open());
        assertThat(candle.high()).as(what + " high").isEqualByComparingTo(expected.high());
        assertThat(candle.low()).as(what + " low").isEqualByComparingTo(expected.low());
        assertThat(candle.close()).as(what + " close").isEqualByComparingTo(expected.close());
        assertThat(candle.baseVolume()).as(what + " volume").isEqualByComparingTo(expected.volume());
        assertThat(candle.quoteVolume()).as(what).isNull();
        assertThat(candle.vwap()).as(what).isNull();
        assertThat(candle.tradeCount()).as(what).isZero();
        assertThat(candle.firstTradeTime()).as(what).isEqualTo(expected.firstMinute());
        assertThat(candle.lastTradeTime()).as(what).isEqualTo(expected.lastMinute() + 59_999L);
        assertThat(candle.closed()).as(what).isFalse();
    }
}
