package dev.soba.streams.models.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The price forecaster on the real Bybit ETH/USDT file ({@code market/} under the system property
 * {@code soba.data}; run with {@code -Pacceptance -Dsoba.data=<folder>}), as {@code predict train}
 * and {@code predict score} use it: trained on the first two thirds of the month, scored on the last
 * third, at 5 minutes. One horizon and one split keep it short; the full walk-forward table of both
 * files and every horizon is in README, from {@code ./soba predict backtest}.
 */
class PriceForecastAcceptanceTest {

    @Test
    void outOfSampleTheIntervalCoversEightyPercentAndThePointForecastIsNoWorseThanNoChange() throws Exception {
        final String folder = System.getProperty("soba.data");
        if (folder == null || folder.isBlank() || folder.startsWith("${")) {
            fail("system property soba.data is not set: run with -Pacceptance -Dsoba.data=<public data folder>");
        }
        final Path file = Path.of(folder, "market", "bybit_linear_ETHUSDT_1m_20250530_20250629.csv");
        assertThat(file).as("the Bybit ETH/USDT candles under soba.data").satisfies(f -> assertThat(Files.isRegularFile(f)).isTrue());

        final PriceSeries series = PriceSeries.read(file);
        assertThat(series.size()).isEqualTo(43_200);
        final PriceFeatures.Table table = PriceFeatures.compute(series);
        final int split = series.size() * 2 / 3;
        final PriceModel model = PriceTrainer.train(series, table, Horizon.M5, split);
        assertThat(model.data().to()).isLessThan(series.openTime(split));

        final ForecastScore score = new ForecastScore();
        for (int i = split; i < series.size(); i++) {
            final int target = series.ahead(i, 5);
            if (target > 0) {
                score.add(model.forecast(series, table, i), model.baselines(), series.close(target));
            }
        }
        System.out.printf("ETH-USDT 5m, trained on %d candles, %d out-of-sample forecasts: %s%n",
                split, score.count(), score.asMap());
        assertThat(score.count()).isEqualTo(series.size() - split - 5);
        assertThat(score.maeRatio()).as("MAE over no-change").isLessThanOrEqualTo(1.002);
        assertThat(score.coverage()).as("80 %% interval coverage").isBetween(0.77, 0.83);
        assertThat(score.intervalScoreGain()).as("interval score gain over a constant width").isGreaterThan(0.05);
        assertThat(score.directionAccuracy()).as("direction accuracy").isBetween(0.45, 0.56);
    }
}
