package dev.soba.streams.models.price;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.schemas.market.Candle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * No look-ahead: a forecast made at a candle reads that candle and the ones before it only. Shuffling
 * (and rewriting) everything after a point in time must leave every forecast up to that point, and
 * a model trained before it, exactly as they were.
 */
class NoLookAheadTest {

    private static final int CANDLES = 4000;
    private static final int CUT = 2500;

    @Test
    void shufflingTheFutureChangesNoForecastMadeBeforeIt() {
        final List<Candle> candles = SyntheticCandles.generate(CANDLES, 7);
        final PriceSeries original = PriceSeries.of("ETH-USDT", candles);
        final PriceSeries shuffled = PriceSeries.of("ETH-USDT", shuffledAfter(candles, CUT, 99));
        final PriceFeatures.Table originalTable = PriceFeatures.compute(original);
        final PriceFeatures.Table shuffledTable = PriceFeatures.compute(shuffled);

        for (final Horizon horizon : List.of(Horizon.M1, Horizon.M15)) {
            final PriceModel model = PriceTrainer.train(original, originalTable, horizon, CUT - 500);
            final PriceModel trainedOnShuffled = PriceTrainer.train(shuffled, shuffledTable, horizon, CUT - 500);
            assertThat(trainedOnShuffled.data().sha256()).isEqualTo(model.data().sha256());
            for (int i = PriceFeatures.WARMUP; i < CUT; i++) {
                final PriceForecast expected = model.forecast(original, originalTable, i);
                assertThat(model.forecast(shuffled, shuffledTable, i)).as("row %d, %s", i, horizon).isEqualTo(expected);
                assertThat(trainedOnShuffled.forecast(shuffled, shuffledTable, i)).as("row %d, %s", i, horizon)
                        .isEqualTo(expected);
            }
        }
        // and the future did change: a forecast after the cut differs
        final PriceModel model = PriceTrainer.train(original, originalTable, Horizon.M5, CUT - 500);
        assertThat(model.forecast(shuffled, shuffledTable, CANDLES - 1))
                .isNotEqualTo(model.forecast(original, originalTable, CANDLES - 1));
    }

    @Test
    void aTrainingWindowIgnoresRowsWhoseTargetLiesBeyondIt() {
        final List<Candle> candles = SyntheticCandles.generate(CANDLES, 8);
        final PriceSeries original = PriceSeries.of("ETH-USDT", candles);
        final PriceSeries shuffled = PriceSeries.of("ETH-USDT", shuffledAfter(candles, 2000, 5));
        final PriceModel a = PriceTrainer.train(original, PriceFeatures.compute(original), Horizon.H1, 2000);
        final PriceModel b = PriceTrainer.train(shuffled, PriceFeatures.compute(shuffled), Horizon.H1, 2000);
        assertThat(a.data().rows()).isEqualTo(2000 - PriceFeatures.WARMUP - 60);
        assertThat(b.validation()).isEqualTo(a.validation());
        assertThat(b.residualLow()).isEqualTo(a.residualLow());
        assertThat(b.residualHigh()).isEqualTo(a.residualHigh());
    }

    /** The candles from {@code cut} on get the prices of a random permutation of themselves, times kept in order. */
    private static List<Candle> shuffledAfter(final List<Candle> candles, final int cut, final long seed) {
        final List<Candle> future = new ArrayList<>(candles.subList(cut, candles.size()));
        Collections.shuffle(future, new Random(seed));
        final List<Candle> out = new ArrayList<>(candles.subList(0, cut));
        for (int k = 0; k < future.size(); k++) {
            final Candle c = future.get(k);
            final Candle slot = candles.get(cut + k);
            out.add(new Candle(c.venue(), c.pair(), c.interval(), slot.openTime(), slot.closeTime(), c.open(),
                    c.high(), c.low(), c.close(), c.baseVolume(), c.quoteVolume(), c.vwap(), c.tradeCount(),
                    slot.firstTradeTime(), slot.lastTradeTime(), true));
        }
        return out;
    }
}
