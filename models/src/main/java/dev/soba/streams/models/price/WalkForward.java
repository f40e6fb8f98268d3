package dev.soba.streams.models.price;

/**
 * Walk-forward evaluation in time order: train on every candle before a block, forecast the block's
 * rows, move on by one block and retrain on the longer history (expanding window). A forecast is
 * scored only against a close it could not have read, and the baselines are those of the same
 * training window, scored on the same rows.
 *
 * @param initialCandles candles of the first training window
 * @param blockCandles   candles forecast between retrainings
 */
public record WalkForward(int initialCandles, int blockCandles) {

    /** A week of one-minute candles to start, retrained daily. */
    public static final WalkForward DAILY = new WalkForward(7 * 1440, 1440);

    /** What a run measured. */
    public record Report(Horizon horizon, int candles, int retrainings, ForecastScore score,
                         double meanShrink, double hourOfDayShare) {
    }

    public Report run(final PriceSeries series, final Horizon horizon) {
        return run(series, PriceFeatures.compute(series), horizon);
    }

    public Report run(final PriceSeries series, final PriceFeatures.Table table, final Horizon horizon) {
        if (series.size() <= initialCandles) {
            throw new IllegalArgumentException("a walk-forward run needs more than " + initialCandles
                    + " candles, the series has " + series.size());
        }
        final ForecastScore score = new ForecastScore();
        int retrainings = 0;
        double shrinks = 0;
        int hourOfDay = 0;
        for (int start = initialCandles; start < series.size(); start += blockCandles) {
            final PriceModel model = PriceTrainer.train(series, table, horizon, start);
            retrainings++;
            shrinks += model.shrink();
            hourOfDay += model.volatility().usesHourOfDay() ? 1 : 0;
            final int end = Math.min(series.size(), start + blockCandles);
            for (int i = start; i < end; i++) {
                final int target = series.ahead(i, horizon.minutes());
                if (target > 0) {
                    score.add(model.forecast(series, table, i), model.baselines(), series.close(target));
                }
            }
        }
        return new Report(horizon, series.size(), retrainings, score, shrinks / retrainings,
                (double) hourOfDay / retrainings);
    }
}
