package dev.soba.streams.models.price;

import dev.soba.streams.schemas.market.Candle;
import dev.soba.streams.schemas.market.csv.CandleCsv;
import dev.soba.streams.schemas.market.csv.CsvResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * One pair's one-minute candles in time order, as plain arrays (what the features and the
 * evaluation read). Gaps are allowed: a forecast's target is the candle exactly one horizon later,
 * and a row without one is neither trained on nor scored.
 */
public final class PriceSeries {

    public static final long MINUTE = 60_000L;

    private final String pair;
    private final long[] openTime;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;

    private PriceSeries(final String pair, final long[] openTime, final double[] open, final double[] high,
                        final double[] low, final double[] close, final double[] volume) {
        this.pair = pair;
        this.openTime = openTime;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
    }

    /** The candles' one-minute rows; they must be in strictly increasing open time. */
    public static PriceSeries of(final String pair, final List<Candle> candles) {
        final int n = candles.size();
        final long[] t = new long[n];
        final double[] o = new double[n];
        final double[] h = new double[n];
        final double[] l = new double[n];
        final double[] c = new double[n];
        final double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            final Candle candle = candles.get(i);
            t[i] = candle.openTime();
            if (i > 0 && t[i] <= t[i - 1]) {
                throw new IllegalArgumentException("candles must be in increasing open time: row " + i + " ("
                        + t[i] + ") is not after row " + (i - 1) + " (" + t[i - 1] + ")");
            }
            o[i] = candle.open().doubleValue();
            h[i] = candle.high().doubleValue();
            l[i] = candle.low().doubleValue();
            c[i] = candle.close().doubleValue();
            v[i] = candle.baseVolume().doubleValue();
        }
        return new PriceSeries(pair, t, o, h, l, c, v);
    }

    /** A one-minute candle CSV as {@code ./soba replay} reads it; a line that cannot be read fails with its number. */
    public static PriceSeries read(final Path file) throws IOException {
        final String pair = CandleCsv.pairFromFileName(file.getFileName().toString()).orElse("UNKNOWN");
        final List<Candle> candles = new ArrayList<>();
        try (Stream<CsvResult<Candle>> rows = CandleCsv.read(file, "file", pair, "1m", MINUTE)) {
            rows.forEach(row -> {
                if (row instanceof CsvResult.Parsed<Candle> parsed) {
                    candles.add(parsed.value());
                } else if (row instanceof CsvResult.Rejected<Candle> rejected) {
                    throw new IllegalArgumentException(file + " line " + rejected.line() + ": " + rejected.reason());
                }
            });
        }
        return of(pair, candles);
    }

    /** The rows {@code [from, to)}, a view for training on a prefix or range. */
    public PriceSeries slice(final int from, final int to) {
        return new PriceSeries(pair, Arrays.copyOfRange(openTime, from, to), Arrays.copyOfRange(open, from, to),
                Arrays.copyOfRange(high, from, to), Arrays.copyOfRange(low, from, to),
                Arrays.copyOfRange(close, from, to), Arrays.copyOfRange(volume, from, to));
    }

    /** The index of the row whose open time is exactly {@code minutes} after row {@code i}'s, or -1. */
    public int ahead(final int i, final int minutes) {
        final long target = openTime[i] + minutes * MINUTE;
        final int guess = i + minutes;
        if (guess < openTime.length && openTime[guess] == target) {
            return guess;
        }
        final int found = Arrays.binarySearch(openTime, i + 1, Math.min(openTime.length, guess + 1), target);
        return found >= 0 ? found : -1;
    }

    /** The first row at or after {@code time} (epoch millis), or {@link #size()}. */
    public int indexAtOrAfter(final long time) {
        final int found = Arrays.binarySearch(openTime, time);
        return found >= 0 ? found : -found - 1;
    }

    /** SHA-256 over the rows {@code [from, to)} (time and OHLCV), the training data's fingerprint. */
    public String sha256(final int from, final int to) {
        try {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            final ByteBuffer row = ByteBuffer.allocate(6 * Long.BYTES);
            for (int i = from; i < to; i++) {
                row.clear();
                row.putLong(openTime[i]).putDouble(open[i]).putDouble(high[i]).putDouble(low[i])
                        .putDouble(close[i]).putDouble(volume[i]);
                digest.update(row.array());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public String pair() {
        return pair;
    }

    public int size() {
        return openTime.length;
    }

    public long openTime(final int i) {
        return openTime[i];
    }

    public double open(final int i) {
        return open[i];
    }

    public double high(final int i) {
        return high[i];
    }

    public double low(final int i) {
        return low[i];
    }

    public double close(final int i) {
        return close[i];
    }

    public double volume(final int i) {
        return volume[i];
    }
}
