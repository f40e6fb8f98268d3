package dev.soba.streams.models.price;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A trained price forecaster for one horizon: a Tribuo linear model of the volatility-standardised
 * return (shrunk towards zero by a factor chosen out of sample, often all the way), a Tribuo logistic
 * model of the direction with Platt calibration, and an 80 % interval from the volatility scale times
 * the 10 % and 90 % quantiles of the standardised training residuals. It also keeps the training
 * window's constant-width interval and up rate, the baselines it is judged against.
 */
public record PriceModel(
        Horizon horizon,
        TrainingData data,
        double[] featureMeans,
        double[] featureScales,
        Model<Regressor> returnModel,
        double shrink,
        Model<Label> directionModel,
        PlattScaling calibration,
        VolatilityScale volatility,
        double residualLow,
        double residualHigh,
        Baselines baselines,
        Map<String, Double> validation) implements Serializable {

    /** Central interval of the forecasts: 80 %. */
    public static final double COVERAGE = 0.8;

    private static final String[] NAMES = PriceFeatures.NAMES.toArray(String[]::new);

    /**
     * What the training window says without a model: the 10 % and 90 % quantiles of its horizon log
     * returns (a constant-width interval) and how often the price went up.
     */
    public record Baselines(double returnLow, double returnHigh, double upRate) implements Serializable {
    }

    /** The forecast at row {@code i} (it reads rows up to {@code i} only, through the table). */
    public PriceForecast forecast(final PriceSeries series, final PriceFeatures.Table table, final int i) {
        if (i < PriceFeatures.WARMUP) {
            throw new IllegalArgumentException("a forecast needs " + PriceFeatures.WARMUP
                    + " earlier candles, row " + i + " has " + i);
        }
        final double[] x = standardise(table.x()[i]);
        final double scale = volatility.scale(table.variance()[i], series.openTime(i), horizon.minutes());
        final double mean = shrink == 0 ? 0 : shrink * predictStandardisedReturn(x) * scale;
        final double up = calibration.apply(rawUpProbability(x));
        final double close = series.close(i);
        return new PriceForecast(series.openTime(i), horizon, close, close * Math.exp(mean), up,
                close * Math.exp(mean + residualLow * scale), close * Math.exp(mean + residualHigh * scale));
    }

    double[] standardise(final double[] raw) {
        final double[] x = new double[raw.length];
        for (int k = 0; k < raw.length; k++) {
            final double v = (raw[k] - featureMeans[k]) / featureScales[k];
            x[k] = Double.isFinite(v) ? Math.max(-10, Math.min(10, v)) : 0;
        }
        return x;
    }

    double predictStandardisedReturn(final double[] standardised) {
        final Prediction<Regressor> p = returnModel.predict(
                new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, NAMES, standardised));
        return p.getOutput().getValues()[0];
    }

    double rawUpProbability(final double[] standardised) {
        final Prediction<Label> p = directionModel.predict(
                new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, NAMES, standardised));
        final Label up = p.getOutputScores().get(PriceTrainer.UP);
        return up == null ? 0.5 : up.getScore();
    }

    /** The model as bytes (Java serialisation of this record with its Tribuo models and their provenance). */
    public byte[] toBytes() {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(this);
        } catch (final IOException e) {
            throw new IllegalStateException("a price model could not be serialised", e);
        }
        return bytes.toByteArray();
    }

    /** The model written by {@link #toBytes()}; only bytes this project wrote (the registry's, a model file). */
    public static PriceModel fromBytes(final byte[] bytes) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            final Object read = in.readObject();
            if (read instanceof PriceModel model) {
                return model;
            }
            throw new IOException("not a price model: " + read.getClass().getName());
        } catch (final ClassNotFoundException e) {
            throw new IOException("not a price model of this version: " + e.getMessage(), e);
        }
    }
}
