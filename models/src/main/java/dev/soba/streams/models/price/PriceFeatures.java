package dev.soba.streams.models.price;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The features of a price forecast, defined once for training, scoring and the stream. Row
 * {@code i}'s features read rows {@code 0..i} only (one forward pass, nothing ahead), so a forecast
 * made at a candle is the same whatever follows it.
 *
 * <ul>
 *   <li>lagged log returns over 1, 5, 15 and 60 minutes, each divided by the volatility expected over
 *       that span (so they mean the same in calm and in storms);</li>
 *   <li>realised volatility from OHLC: exponentially weighted Garman-Klass variance per minute with
 *       half-lives of 10, 60 and 720 minutes (their logs, and the short/long ratio), and the last
 *       candle's Parkinson range;</li>
 *   <li>volume against its level over the last hour, the gap between the close and the hour's VWAP
 *       (typical price weighted by volume);</li>
 *   <li>time of day and day of week (UTC) as sine/cosine pairs.</li>
 * </ul>
 */
public final class PriceFeatures {

    /** Rows needed before the first forecast: the longest lookback (60 minutes). */
    public static final int WARMUP = 60;

    /** Half-lives (minutes) of the Garman-Klass variance averages; the volatility model blends them. */
    public static final int[] HALF_LIVES = {10, 60, 720};

    public static final List<String> NAMES = List.of(
            "ret_1m", "ret_5m", "ret_15m", "ret_60m",
            "log_vol_10", "log_vol_60", "log_vol_720", "vol_ratio_10_720", "parkinson_1m",
            "volume_ratio_60", "vwap_gap_60",
            "tod_sin", "tod_cos", "dow_sin", "dow_cos");

    private static final double LN2 = Math.log(2);
    private static final double GK_CLOSE = 2 * LN2 - 1;
    private static final double FLOOR = 1e-14;

    private PriceFeatures() {
    }

    /**
     * Features of every row of a series; rows before {@link #WARMUP} have variances but no usable features.
     *
     * @param x        features per row ({@link #NAMES} order)
     * @param variance per-minute variance averages per row, one per {@link #HALF_LIVES}
     */
    public record Table(double[][] x, double[][] variance) {
        public int size() {
            return x.length;
        }
    }

    public static Table compute(final PriceSeries s) {
        final int n = s.size();
        final double[][] x = new double[n][NAMES.size()];
        final double[][] variance = new double[n][HALF_LIVES.length];
        final double[] decay = new double[HALF_LIVES.length];
        for (int k = 0; k < HALF_LIVES.length; k++) {
            decay[k] = Math.pow(0.5, 1.0 / HALF_LIVES[k]);
        }
        double volumeSum = 0;
        double typicalVolumeSum = 0;
        for (int i = 0; i < n; i++) {
            final double gk = garmanKlass(s, i);
            for (int k = 0; k < HALF_LIVES.length; k++) {
                variance[i][k] = i == 0 ? gk : decay[k] * variance[i - 1][k] + (1 - decay[k]) * gk;
            }
            volumeSum += s.volume(i);
            typicalVolumeSum += typical(s, i) * s.volume(i);
            if (i >= WARMUP) {
                volumeSum -= s.volume(i - WARMUP);
                typicalVolumeSum -= typical(s, i - WARMUP) * s.volume(i - WARMUP);
            }
            if (i < WARMUP) {
                continue;
            }
            final double v60 = Math.max(variance[i][1], FLOOR);
            final double[] row = x[i];
            row[0] = ret(s, i, 1) / Math.sqrt(v60);
            row[1] = ret(s, i, 5) / Math.sqrt(5 * v60);
            row[2] = ret(s, i, 15) / Math.sqrt(15 * v60);
            row[3] = ret(s, i, 60) / Math.sqrt(60 * v60);
            row[4] = 0.5 * Math.log(Math.max(variance[i][0], FLOOR));
            row[5] = 0.5 * Math.log(v60);
            row[6] = 0.5 * Math.log(Math.max(variance[i][2], FLOOR));
            row[7] = row[4] - row[6];
            row[8] = Math.log(s.high(i) / s.low(i)) / Math.sqrt(v60);
            final double meanVolume = volumeSum / WARMUP;
            row[9] = Math.log((s.volume(i) + 1e-9) / (meanVolume + 1e-9));
            row[10] = volumeSum > 0 ? Math.log(s.close(i) / (typicalVolumeSum / volumeSum)) / Math.sqrt(60 * v60) : 0;
            final ZonedDateTime t = Instant.ofEpochMilli(s.openTime(i)).atZone(ZoneOffset.UTC);
            final double day = (t.getHour() * 60 + t.getMinute()) / 1440.0;
            final double week = (t.getDayOfWeek().getValue() - 1 + day) / 7.0;
            row[11] = Math.sin(2 * Math.PI * day);
            row[12] = Math.cos(2 * Math.PI * day);
            row[13] = Math.sin(2 * Math.PI * week);
            row[14] = Math.cos(2 * Math.PI * week);
        }
        return new Table(x, variance);
    }

    /** Garman-Klass variance of one candle: 0.5·ln(H/L)² − (2 ln 2 − 1)·ln(C/O)², never negative. */
    static double garmanKlass(final PriceSeries s, final int i) {
        final double hl = Math.log(s.high(i) / s.low(i));
        final double co = Math.log(s.close(i) / s.open(i));
        return Math.max(0.5 * hl * hl - GK_CLOSE * co * co, FLOOR);
    }

    private static double ret(final PriceSeries s, final int i, final int lag) {
        return Math.log(s.close(i) / s.close(i - lag));
    }

    private static double typical(final PriceSeries s, final int i) {
        return (s.high(i) + s.low(i) + s.close(i)) / 3;
    }
}
