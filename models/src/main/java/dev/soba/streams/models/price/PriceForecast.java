package dev.soba.streams.models.price;

/**
 * One forecast: made at the close of the candle opened at {@code asOf}, for the close one horizon later.
 *
 * @param asOf                 open time (epoch millis) of the last candle the forecast read
 * @param horizon              how far ahead
 * @param close                that candle's close
 * @param predictedClose       the expected close one horizon later
 * @param directionProbability calibrated probability that it closes above {@code close}
 * @param lower                lower end of the central 80 % interval
 * @param upper                upper end of the central 80 % interval
 */
public record PriceForecast(long asOf, Horizon horizon, double close, double predictedClose,
                            double directionProbability, double lower, double upper) {

    /** The time the forecast is about: the close of the candle one horizon after {@code asOf}'s. */
    public long targetTime() {
        return asOf + horizon.millis();
    }
}
