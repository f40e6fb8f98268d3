package dev.soba.streams.schemas.market.csv;

import dev.soba.streams.schemas.market.Decimals;
import dev.soba.streams.schemas.market.Candle;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Reads historical candle files (klines), one candle per line, into closed {@link Candle}s.
 *
 * <p>The header names the columns, in any order, any case, with or without underscores; other
 * columns are ignored. Required: the open time ({@code open_time}, {@code timestamp},
 * {@code start_time}, {@code time}, {@code datetime}, {@code date}), {@code open}, {@code high},
 * {@code low}, {@code close} and the base {@code volume}. Optional: the quote volume
 * ({@code quote_volume}, {@code quote_asset_volume}, {@code turnover}) and the number of trades
 * ({@code trades}, {@code number_of_trades}, {@code trade_count}, {@code count}). Times are epoch
 * seconds, millis, micros (told apart by magnitude) or ISO-8601 ({@code 2025-05-30 16:39:00+00:00},
 * as pandas writes them, {@code …T…Z}, or without a zone for UTC); each must be the start of a
 * window of the given interval. Binance's and Bybit's kline exports read as they are.
 *
 * <p>A candle gets the venue, pair and interval given; its quote volume and VWAP are null unless
 * the file has a quote volume; its trade count is 0 unless the file has one; its first and last
 * trade times are its open time and close time − 1 (a kline does not say more); it is closed.
 */
public final class CandleCsv {

    static final List<String> TIME = List.of("open_time", "timestamp", "start_time", "time", "datetime", "date");
    static final List<String> OPEN = List.of("open", "open_price", "o");
    static final List<String> HIGH = List.of("high", "high_price", "h");
    static final List<String> LOW = List.of("low", "low_price", "l");
    static final List<String> CLOSE = List.of("close", "close_price", "c");
    static final List<String> VOLUME = List.of("volume", "base_volume", "vol", "v");
    static final List<String> QUOTE_VOLUME = List.of("quote_volume", "quote_asset_volume", "turnover");
    static final List<String> TRADES = List.of("trades", "number_of_trades", "trade_count", "count");

    // Same rule as the processors' candle arithmetic: max(18 fraction digits, 20 significant digits), HALF_EVEN.

    private CandleCsv() {
    }

    /**
     * The candles of a file, lazily; close the stream (try-with-resources) to close the file.
     *
     * @param venue          the candles' venue, e.g. {@code bybit}
     * @param pair           {@code BASE-QUOTE}, e.g. from {@link #pairFromFileName}
     * @param interval       the interval's name, e.g. {@code 1m} ({@code CandleInterval.name()})
     * @param intervalMillis its length ({@code CandleInterval.millis()})
     */
    public static Stream<CsvResult<Candle>> read(final Path file, final String venue, final String pair,
            final String interval, final long intervalMillis) throws IOException {
        return read(Files.newBufferedReader(file, StandardCharsets.UTF_8), venue, pair, interval, intervalMillis);
    }

    /** As {@link #read(Path, String, String, String, long)}, from any reader (closed with the stream). */
    public static Stream<CsvResult<Candle>> read(final BufferedReader reader, final String venue, final String pair,
            final String interval, final long intervalMillis) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("interval length must be positive, got " + intervalMillis);
        }
        return CsvLines.stream(reader, header -> new Columns(header, venue, pair, interval, intervalMillis)::read);
    }

    /**
     * The pair a file name spells, e.g. {@code ETH-USDT} from {@code bybit_linear_ETHUSDT_1m_….csv},
     * {@code BTC-USD} from {@code binanceus_BTCUSD_1m_….csv}: the first upper-case token that ends
     * in a known quote currency (USDT, USDC, BUSD, USD, DAI, BTC, ETH; the longest that fits).
     */
    public static Optional<String> pairFromFileName(final String fileName) {
        return Pairs.fromFileName(fileName);
    }

    /** The positions of the columns in one file's header, and the fixed parts of its candles. */
    private static final class Columns {
        private final CsvHeader header;
        private final String venue;
        private final String pair;
        private final String interval;
        private final long intervalMillis;
        private final int time;
        private final int open;
        private final int high;
        private final int low;
        private final int close;
        private final int volume;
        private final OptionalInt quoteVolume;
        private final OptionalInt trades;

        Columns(final CsvHeader header, final String venue, final String pair, final String interval,
                final long intervalMillis) throws CsvRowException {
            this.header = header;
            this.venue = venue;
            this.pair = pair;
            this.interval = interval;
            this.intervalMillis = intervalMillis;
            this.time = header.require("open time", TIME);
            this.open = header.require("open", OPEN);
            this.high = header.require("high", HIGH);
            this.low = header.require("low", LOW);
            this.close = header.require("close", CLOSE);
            this.volume = header.require("volume", VOLUME);
            this.quoteVolume = header.find(QUOTE_VOLUME);
            this.trades = header.find(TRADES);
        }

        Candle read(final String[] fields, final long line) throws CsvRowException {
            final long openTime = CsvValues.epochMillis(header.name(time), fields[time]);
            if (Math.floorMod(openTime, intervalMillis) != 0) {
                throw new CsvRowException(header.name(time) + ": " + fields[time] + " is not the start of a "
                        + interval + " window (is it a close time, or in another unit?)");
            }
            final BigDecimal o = price(open, fields);
            final BigDecimal h = price(high, fields);
            final BigDecimal l = price(low, fields);
            final BigDecimal c = price(close, fields);
            if (h.compareTo(o.max(c).max(l)) < 0 || l.compareTo(o.min(c)) > 0) {
                throw new CsvRowException("high and low do not enclose open and close: open " + o.toPlainString()
                        + ", high " + h.toPlainString() + ", low " + l.toPlainString() + ", close " + c.toPlainString());
            }
            final BigDecimal base = amount(volume, fields);
            final BigDecimal quote = quoteVolume.isPresent() ? amount(quoteVolume.getAsInt(), fields) : null;
            final long count = trades.isPresent()
                    ? CsvValues.count(header.name(trades.getAsInt()), fields[trades.getAsInt()]) : 0;
            final long closeTime = openTime + intervalMillis;
            return new Candle(venue, pair, interval, openTime, closeTime, o, h, l, c, base, quote, vwap(quote, base),
                    count, openTime, closeTime - 1, true);
        }

        private BigDecimal price(final int column, final String[] fields) throws CsvRowException {
            final BigDecimal value = CsvValues.decimal(header.name(column), fields[column]);
            if (value.signum() <= 0) {
                throw new CsvRowException(header.name(column) + ": must be positive, got " + fields[column]);
            }
            return value;
        }

        private BigDecimal amount(final int column, final String[] fields) throws CsvRowException {
            final BigDecimal value = CsvValues.decimal(header.name(column), fields[column]);
            if (value.signum() < 0) {
                throw new CsvRowException(header.name(column) + ": must not be negative, got " + fields[column]);
            }
            return value;
        }
    }

    private static BigDecimal vwap(final BigDecimal quote, final BigDecimal base) {
        return Decimals.vwap(quote, base);
    }
}
