package dev.soba.streams.models.price;

import dev.soba.streams.schemas.market.Candle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One-minute candles of a price whose volatility clusters (GARCH(1,1)) and follows the hour of day,
 * built from ten sub-steps per minute so high and low are real extremes. Seeded: the same seed
 * gives the same candles.
 */
final class SyntheticCandles {

    static final long START = 1_700_006_400_000L; // 2023-11-15T00:00Z, a whole day

    private SyntheticCandles() {
    }

    static List<Candle> generate(final int minutes, final long seed) {
        final Random random = new Random(seed);
        final List<Candle> candles = new ArrayList<>(minutes);
        double price = 2000;
        double variance = 1e-7;
        double previous = 0;
        for (int i = 0; i < minutes; i++) {
            final int hour = (int) ((START / 3_600_000L + i / 60) % 24);
            final double daily = 0.6 + 0.8 * Math.exp(-Math.pow(hour - 15, 2) / 18.0);
            variance = 2e-9 + 0.12 * previous * previous + 0.86 * variance;
            final double sigma = Math.sqrt(variance * daily);
            final double open = price;
            double high = open;
            double low = open;
            double minuteReturn = 0;
            for (int step = 0; step < 10; step++) {
                final double r = sigma / Math.sqrt(10) * random.nextGaussian();
                minuteReturn += r;
                price *= Math.exp(r);
                high = Math.max(high, price);
                low = Math.min(low, price);
            }
            previous = minuteReturn;
            final double volume = 5 + 1000 * sigma * (1 + random.nextDouble());
            final long t = START + i * 60_000L;
            candles.add(new Candle("test", "ETH-USDT", "1m", t, t + 60_000L, decimal(open), decimal(high),
                    decimal(low), decimal(price), decimal(volume), null, null, 0, t, t + 59_999L, true));
        }
        return candles;
    }

    static PriceSeries series(final int minutes, final long seed) {
        return PriceSeries.of("ETH-USDT", generate(minutes, seed));
    }

    /** The candles as a kline CSV (the Bybit export's header). */
    static String csv(final List<Candle> candles) {
        final StringBuilder out = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (final Candle c : candles) {
            out.append(java.time.Instant.ofEpochMilli(c.openTime())).append(',')
                    .append(c.open().toPlainString()).append(',').append(c.high().toPlainString()).append(',')
                    .append(c.low().toPlainString()).append(',').append(c.close().toPlainString()).append(',')
                    .append(c.baseVolume().toPlainString()).append('\n');
        }
        return out.toString();
    }

    private static BigDecimal decimal(final double v) {
        return BigDecimal.valueOf(Math.round(v * 1e6) / 1e6);
    }
}
