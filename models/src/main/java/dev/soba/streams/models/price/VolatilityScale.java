package dev.soba.streams.models.price;

import java.io.Serializable;

/**
 * The expected spread of a horizon's log return at a row: the square root of the horizon times a
 * blend of the Garman-Klass variance averages, optionally times the hour of day's share of
 * volatility (crypto is calmer at night UTC). Chosen per model on the training window.
 *
 * @param weights   weight of each {@link PriceFeatures#HALF_LIVES} average (they sum to 1)
 * @param hourShare per UTC hour, its mean one-minute variance over the training window's mean (all 1 when off)
 */
public record VolatilityScale(double[] weights, double[] hourShare) implements Serializable {

    /** The scale of the log return over {@code minutes} from row {@code i}, its standard deviation up to a constant. */
    public double scale(final double[] variance, final long openTime, final int minutes) {
        double v = 0;
        for (int k = 0; k < weights.length; k++) {
            v += weights[k] * variance[k];
        }
        final long middle = openTime + PriceSeries.MINUTE + minutes * PriceSeries.MINUTE / 2;
        final int hour = hourOfDay(middle);
        return Math.sqrt(minutes * v * hourShare[hour]);
    }

    /** The UTC hour of an epoch-millis time (UTC has no daylight saving). */
    public static int hourOfDay(final long epochMillis) {
        return (int) Math.floorMod(epochMillis / 3_600_000L, 24L);
    }

    public boolean usesHourOfDay() {
        for (final double share : hourShare) {
            if (share != 1.0) {
                return true;
            }
        }
        return false;
    }
}
