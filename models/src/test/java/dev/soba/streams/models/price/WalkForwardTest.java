package dev.soba.streams.models.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The walk-forward run and the arithmetic of its scores. */
class WalkForwardTest {

    @Test
    void everyRowAfterTheFirstWindowIsForecastOnceBesideItsBaselines() {
        final PriceSeries series = SyntheticCandles.series(5000, 11);
        final WalkForward.Report report = new WalkForward(2000, 1000).run(series, Horizon.M5);
        assertThat(report.retrainings()).isEqualTo(3);
        assertThat(report.score().count()).isEqualTo(3000 - 5);
        assertThat(report.score().noChangeMae()).isPositive();
        assertThat(report.score().constantCoverage()).isBetween(0.5, 0.95);
        assertThat(report.score().coverage()).isBetween(0.72, 0.88);
    }

    @Test
    void scoresAreComputedAsDefined() {
        final PriceModel.Baselines baselines = new PriceModel.Baselines(Math.log(0.99), Math.log(1.01), 0.6);
        final ForecastScore score = new ForecastScore();
        // inside: width 4; the constant interval [99, 101] is missed by 1 -> 2 + 10
        score.add(new PriceForecast(0, Horizon.M1, 100, 101, 0.7, 98, 102), baselines, 102);
        // below: 4 + 10 * 1; constant: 2 + 10 * 2
        score.add(new PriceForecast(0, Horizon.M1, 100, 100, 0.4, 98, 102), baselines, 97);
        assertThat(score.mae()).isCloseTo((1 + 3) / 2.0, within(1e-9));
        assertThat(score.noChangeMae()).isCloseTo((2 + 3) / 2.0, within(1e-9));
        assertThat(score.maeRatio()).isCloseTo(4.0 / 5.0, within(1e-9));
        assertThat(score.directionAccuracy()).isEqualTo(1.0);
        assertThat(score.baseRateAccuracy()).isEqualTo(0.5);
        assertThat(score.coverage()).isEqualTo(0.5);
        assertThat(score.constantCoverage()).isEqualTo(0.0);
        assertThat(score.intervalScore()).isCloseTo((4 + 14) / 2.0, within(1e-9));
        assertThat(score.constantIntervalScore()).isCloseTo((12 + 22) / 2.0, within(1e-6));
        assertThat(score.brier()).isCloseTo((0.09 + 0.16) / 2, within(1e-9));
    }
}
