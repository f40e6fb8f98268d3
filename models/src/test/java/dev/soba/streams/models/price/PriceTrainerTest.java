package dev.soba.streams.models.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Training and scoring on candles whose volatility clusters: the interval follows the storms, honestly. */
class PriceTrainerTest {

    @Test
    void theIntervalCoversWhatItSaysOutOfSampleAndBeatsAConstantWidth() {
        final PriceSeries series = SyntheticCandles.series(12_000, 1);
        final PriceFeatures.Table table = PriceFeatures.compute(series);
        final PriceModel model = PriceTrainer.train(series, table, Horizon.M5, 8000);
        final ForecastScore score = new ForecastScore();
        for (int i = 8000; i < series.size(); i++) {
            final int target = series.ahead(i, 5);
            if (target > 0) {
                score.add(model.forecast(series, table, i), model.baselines(), series.close(target));
            }
        }
        assertThat(score.count()).isEqualTo(12_000 - 8000 - 5);
        assertThat(score.coverage()).isBetween(0.75, 0.85);
        // GARCH volatility is forecastable: a volatility-scaled interval must beat a constant width clearly
        assertThat(score.intervalScoreGain()).isGreaterThan(0.05);
        // a random walk has no predictable mean: the point forecast may not be worse than no-change by much
        assertThat(score.maeRatio()).isLessThan(1.01);
        assertThat(score.directionAccuracy()).isBetween(0.45, 0.55);
    }

    @Test
    void intervalsAreWiderInStormsThanInCalm() {
        final PriceSeries series = SyntheticCandles.series(6000, 2);
        final PriceFeatures.Table table = PriceFeatures.compute(series);
        final PriceModel model = PriceTrainer.train(series, table, Horizon.M15, 6000);
        double narrowest = Double.POSITIVE_INFINITY;
        double widest = 0;
        for (int i = PriceFeatures.WARMUP; i < series.size(); i++) {
            final PriceForecast f = model.forecast(series, table, i);
            final double width = (f.upper() - f.lower()) / f.close();
            narrowest = Math.min(narrowest, width);
            widest = Math.max(widest, width);
            assertThat(f.lower()).isLessThan(f.upper());
            assertThat(f.directionProbability()).isBetween(0.0, 1.0);
        }
        assertThat(widest).isGreaterThan(2 * narrowest);
    }

    @Test
    void aModelSurvivesItsBytesWithItsProvenance() throws Exception {
        final PriceSeries series = SyntheticCandles.series(3000, 3);
        final PriceFeatures.Table table = PriceFeatures.compute(series);
        final PriceModel model = PriceTrainer.train(series, Horizon.M5);
        final PriceModel copy = PriceModel.fromBytes(model.toBytes());
        assertThat(copy.data()).isEqualTo(model.data());
        assertThat(copy.data().sha256()).isEqualTo(series.sha256(0, series.size())).hasSize(64);
        assertThat(copy.data().from()).isEqualTo(series.openTime(0));
        assertThat(copy.data().to()).isEqualTo(series.openTime(series.size() - 1));
        assertThat(copy.returnModel().getProvenance().getTrainerProvenance().getClassName())
                .contains("LinearSGDTrainer");
        for (int i = PriceFeatures.WARMUP; i < series.size(); i += 97) {
            assertThat(copy.forecast(series, table, i)).isEqualTo(model.forecast(series, table, i));
        }
        assertThat(model.validation().get("coverage")).isCloseTo(0.8, within(0.1));
    }

    @Test
    void tooFewCandlesIsAClearError() {
        final PriceSeries series = SyntheticCandles.series(400, 4);
        assertThatThrownBy(() -> PriceTrainer.train(series, Horizon.M5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too few candles")
                .hasMessageContaining("500 needed");
        final PriceModel model = PriceTrainer.train(SyntheticCandles.series(1000, 4), Horizon.M5);
        assertThatThrownBy(() -> model.forecast(series, PriceFeatures.compute(series), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("60 earlier candles");
    }

    @Test
    void horizonsHaveNames() {
        assertThat(Horizon.parse("5m")).contains(Horizon.M5);
        assertThat(Horizon.parse("1H")).contains(Horizon.H1);
        assertThat(Horizon.parse("60m")).contains(Horizon.H1);
        assertThat(Horizon.parse("2m")).isEmpty();
        assertThat(Horizon.names()).isEqualTo("1m, 5m, 15m, 1h");
    }
}
