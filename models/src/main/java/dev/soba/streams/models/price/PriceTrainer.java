package dev.soba.streams.models.price;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.Huber;

/**
 * Trains a {@link PriceModel} for one horizon on the rows of a series before {@code trainEnd}, in
 * time order: a row is a training row only if its target (the close one horizon later) is also
 * before {@code trainEnd}. The first 80 % of the rows fit the learners; the last 20 % (after them in
 * time, with no target overlapping) choose the volatility blend, the shrinkage of the return
 * forecast and the probability calibration. Deterministic: the same rows give the same model.
 */
public final class PriceTrainer {

    /** Training rows needed (rows with a target inside the window). */
    public static final int MIN_ROWS = 500;

    static final String UP = "up";
    static final String DOWN = "down";
    private static final double FIT_SHARE = 0.8;
    private static final double[] SHRINKS = {0, 0.25, 0.5, 1};
    private static final double SHRINK_MARGIN = 0.005;
    private static final long SEED = 14L;
    private static final String[] NAMES = PriceFeatures.NAMES.toArray(String[]::new);

    private PriceTrainer() {
    }

    /** Trains on the whole series. */
    public static PriceModel train(final PriceSeries series, final Horizon horizon) {
        return train(series, PriceFeatures.compute(series), horizon, series.size());
    }

    /**
     * Trains on rows before {@code trainEnd} of a series whose features are {@code table}.
     *
     * @throws IllegalArgumentException when fewer than {@link #MIN_ROWS} rows have a target in the window
     */
    public static PriceModel train(final PriceSeries series, final PriceFeatures.Table table, final Horizon horizon,
                                   final int trainEnd) {
        final int h = horizon.minutes();
        final List<Integer> found = new ArrayList<>();
        for (int i = PriceFeatures.WARMUP; i < trainEnd; i++) {
            final int j = series.ahead(i, h);
            if (j > 0 && j < trainEnd) {
                found.add(i);
            }
        }
        if (found.size() < MIN_ROWS) {
            throw new IllegalArgumentException("too few candles to train a " + horizon.label() + " model: "
                    + found.size() + " rows with a target, " + MIN_ROWS + " needed (" + PriceFeatures.WARMUP
                    + " candles of history plus the horizon are used up first)");
        }
        final int[] rows = found.stream().mapToInt(Integer::intValue).toArray();
        final int m = rows.length;
        final double[] r = new double[m];
        for (int k = 0; k < m; k++) {
            r[k] = Math.log(series.close(series.ahead(rows[k], h)) / series.close(rows[k]));
        }
        final int cut = (int) (m * FIT_SHARE);
        final int validationStart = rows[cut];
        int fitEnd = cut;
        while (fitEnd > 0 && series.ahead(rows[fitEnd - 1], h) >= validationStart) {
            fitEnd--;
        }

        final VolatilityScale volatility = chooseVolatility(series, table, h, rows, r, fitEnd, cut, trainEnd);
        final double[] s = scales(series, table, volatility, h, rows);

        final double[] means = new double[NAMES.length];
        final double[] scalesOfFeatures = new double[NAMES.length];
        standardisation(table, rows, fitEnd, means, scalesOfFeatures);
        final double[][] x = new double[m][];
        final PriceModel draft = new PriceModel(horizon, null, means, scalesOfFeatures, null, 0, null,
                PlattScaling.IDENTITY, volatility, 0, 0, null, Map.of());
        for (int k = 0; k < m; k++) {
            x[k] = draft.standardise(table.x()[rows[k]]);
        }

        final Model<Regressor> returnModel = trainReturn(x, r, s, fitEnd);
        final Model<Label> directionModel = trainDirection(x, r, fitEnd);
        final PriceModel uncalibrated = new PriceModel(horizon, null, means, scalesOfFeatures, returnModel, 1,
                directionModel, PlattScaling.IDENTITY, volatility, 0, 0, null, Map.of());

        final double[] mu = new double[m];
        for (int k = 0; k < m; k++) {
            mu[k] = uncalibrated.predictStandardisedReturn(x[k]) * s[k];
        }
        final double shrink = chooseShrink(r, mu, cut, m);
        final int validation = m - cut;
        final double[] raw = new double[validation];
        final boolean[] up = new boolean[validation];
        for (int k = cut; k < m; k++) {
            raw[k - cut] = uncalibrated.rawUpProbability(x[k]);
            up[k - cut] = r[k] > 0;
        }
        final PlattScaling calibration = PlattScaling.fit(raw, up);

        final double[] z = new double[m];
        for (int k = 0; k < m; k++) {
            z[k] = (r[k] - shrink * mu[k]) / s[k];
        }
        final double tail = (1 - PriceModel.COVERAGE) / 2;
        final double[] sortedZ = sorted(z, 0, m);
        final double[] sortedR = sorted(r, 0, m);
        final long ups = Arrays.stream(r).filter(v -> v > 0).count();
        final PriceModel.Baselines baselines = new PriceModel.Baselines(quantile(sortedR, tail),
                quantile(sortedR, 1 - tail), (double) ups / m);
        final TrainingData data = new TrainingData(series.pair(), series.openTime(0), series.openTime(trainEnd - 1),
                trainEnd, m, series.sha256(0, trainEnd));
        final PriceModel model = new PriceModel(horizon, data, means, scalesOfFeatures, returnModel, shrink,
                directionModel, calibration, volatility, quantile(sortedZ, tail), quantile(sortedZ, 1 - tail),
                baselines, Map.of());
        final ForecastScore score = new ForecastScore();
        for (int k = cut; k < m; k++) {
            score.add(model.forecast(series, table, rows[k]), baselines, series.close(series.ahead(rows[k], h)));
        }
        return new PriceModel(horizon, data, means, scalesOfFeatures, returnModel, shrink, directionModel,
                calibration, volatility, model.residualLow(), model.residualHigh(), baselines, score.asMap());
    }

    /** The blend of variance averages (with or without the hour of day) whose interval scores best on the validation rows. */
    private static VolatilityScale chooseVolatility(final PriceSeries series, final PriceFeatures.Table table,
            final int h, final int[] rows, final double[] r, final int fitEnd, final int cut, final int trainEnd) {
        final double[] ones = new double[24];
        Arrays.fill(ones, 1);
        final double[] shares = hourShares(series, trainEnd);
        final double tail = (1 - PriceModel.COVERAGE) / 2;
        VolatilityScale best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        final int steps = 8;
        for (int a = 0; a <= steps; a++) {
            for (int b = 0; b <= steps - a; b++) {
                final double[] weights = {a / (double) steps, b / (double) steps, (steps - a - b) / (double) steps};
                for (final double[] hours : List.of(ones, shares)) {
                    final VolatilityScale candidate = new VolatilityScale(weights, hours);
                    final double[] s = scales(series, table, candidate, h, rows);
                    final double[] z = new double[fitEnd];
                    for (int k = 0; k < fitEnd; k++) {
                        z[k] = r[k] / s[k];
                    }
                    Arrays.sort(z);
                    final double low = quantile(z, tail);
                    final double high = quantile(z, 1 - tail);
                    double score = 0;
                    for (int k = cut; k < rows.length; k++) {
                        score += ForecastScore.winkler(low * s[k], high * s[k], r[k]);
                    }
                    if (score < bestScore) {
                        bestScore = score;
                        best = candidate;
                    }
                }
            }
        }
        return best;
    }

    /** Per UTC hour, the mean Garman-Klass variance of its candles over the window's mean. */
    private static double[] hourShares(final PriceSeries series, final int end) {
        final double[] sum = new double[24];
        final long[] count = new long[24];
        double total = 0;
        for (int i = 0; i < end; i++) {
            final double gk = PriceFeatures.garmanKlass(series, i);
            final int hour = VolatilityScale.hourOfDay(series.openTime(i));
            sum[hour] += gk;
            count[hour]++;
            total += gk;
        }
        final double mean = total / end;
        final double[] shares = new double[24];
        for (int hour = 0; hour < 24; hour++) {
            shares[hour] = count[hour] == 0 || sum[hour] <= 0 ? 1 : (sum[hour] / count[hour]) / mean;
        }
        return shares;
    }

    private static double[] scales(final PriceSeries series, final PriceFeatures.Table table,
                                   final VolatilityScale volatility, final int h, final int[] rows) {
        final double[] s = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            s[k] = volatility.scale(table.variance()[rows[k]], series.openTime(rows[k]), h);
        }
        return s;
    }

    private static void standardisation(final PriceFeatures.Table table, final int[] rows, final int fitEnd,
                                        final double[] means, final double[] scales) {
        for (int f = 0; f < means.length; f++) {
            double sum = 0;
            double squares = 0;
            for (int k = 0; k < fitEnd; k++) {
                final double v = table.x()[rows[k]][f];
                sum += v;
                squares += v * v;
            }
            means[f] = sum / fitEnd;
            final double variance = squares / fitEnd - means[f] * means[f];
            scales[f] = variance > 1e-18 ? Math.sqrt(variance) : 1;
        }
    }

    private static Model<Regressor> trainReturn(final double[][] x, final double[] r, final double[] s, final int fitEnd) {
        final MutableDataset<Regressor> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("volatility-standardised horizon returns", new RegressionFactory()),
                new RegressionFactory());
        for (int k = 0; k < fitEnd; k++) {
            final double target = Math.max(-10, Math.min(10, r[k] / s[k]));
            data.add(example(new Regressor("standardised_return", target), x[k]));
        }
        final LinearSGDTrainer trainer = new LinearSGDTrainer(new Huber(), new AdaGrad(0.05, 0.1), 3,
                Integer.MAX_VALUE, 1, SEED);
        return trainer.train(data);
    }

    private static Model<Label> trainDirection(final double[][] x, final double[] r, final int fitEnd) {
        final LabelFactory labels = new LabelFactory();
        final MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("horizon direction (up = close above the current close)", labels),
                labels);
        for (int k = 0; k < fitEnd; k++) {
            data.add(example(new Label(r[k] > 0 ? UP : DOWN), x[k]));
        }
        final org.tribuo.classification.sgd.linear.LinearSGDTrainer trainer =
                new org.tribuo.classification.sgd.linear.LinearSGDTrainer(
                        new org.tribuo.classification.sgd.objectives.LogMulticlass(), new AdaGrad(0.05, 0.1), 3,
                        Integer.MAX_VALUE, 1, SEED);
        return trainer.train(data);
    }

    private static <T extends org.tribuo.Output<T>> Example<T> example(final T output, final double[] x) {
        return new ArrayExample<>(output, NAMES, x);
    }

    /**
     * The shrinkage of the return forecast with the lowest validation error; no-change (0) unless a
     * shrinkage beats it by {@link #SHRINK_MARGIN} (the validation rows overlap in their targets, so a
     * smaller gain is noise more often than skill).
     */
    private static double chooseShrink(final double[] r, final double[] mu, final int cut, final int m) {
        double best = 0;
        double bestError = Double.POSITIVE_INFINITY;
        for (final double shrink : SHRINKS) {
            double error = 0;
            for (int k = cut; k < m; k++) {
                error += Math.abs(Math.exp(r[k]) - Math.exp(shrink * mu[k]));
            }
            if (error < bestError * (1 - (shrink == 0 ? 0 : SHRINK_MARGIN))) {
                bestError = error;
                best = shrink;
            }
        }
        return best;
    }

    private static double[] sorted(final double[] v, final int from, final int to) {
        final double[] copy = Arrays.copyOfRange(v, from, to);
        Arrays.sort(copy);
        return copy;
    }

    /** Linear-interpolated quantile of sorted values. */
    static double quantile(final double[] sorted, final double q) {
        final double position = q * (sorted.length - 1);
        final int below = (int) Math.floor(position);
        final int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
