package dev.soba.streams.models.price;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forecasts against what happened, beside the three baselines of the same rows: no-change (for the
 * mean absolute error), the training window's base rate (for direction) and its constant-width
 * interval (for coverage and the interval score). The interval (Winkler) score of an 80 % interval
 * is its width plus 10× by how far the price fell outside it; lower is better.
 */
public final class ForecastScore {

    private static final double PENALTY = 2 / (1 - PriceModel.COVERAGE);

    private long count;
    private double absoluteError;
    private double noChangeError;
    private long directionHits;
    private long baseRateHits;
    private double brier;
    private double baseRateBrier;
    private long covered;
    private long constantCovered;
    private double winkler;
    private double constantWinkler;
    private double width;
    private double constantWidth;

    /** Adds one forecast whose target closed at {@code actual}. */
    public void add(final PriceForecast f, final PriceModel.Baselines baselines, final double actual) {
        count++;
        absoluteError += Math.abs(f.predictedClose() - actual);
        noChangeError += Math.abs(f.close() - actual);
        final boolean up = actual > f.close();
        if ((f.directionProbability() > 0.5) == up) {
            directionHits++;
        }
        if ((baselines.upRate() > 0.5) == up) {
            baseRateHits++;
        }
        final double outcome = up ? 1 : 0;
        brier += square(f.directionProbability() - outcome);
        baseRateBrier += square(baselines.upRate() - outcome);
        if (actual >= f.lower() && actual <= f.upper()) {
            covered++;
        }
        final double constantLower = f.close() * Math.exp(baselines.returnLow());
        final double constantUpper = f.close() * Math.exp(baselines.returnHigh());
        if (actual >= constantLower && actual <= constantUpper) {
            constantCovered++;
        }
        winkler += winkler(f.lower(), f.upper(), actual);
        constantWinkler += winkler(constantLower, constantUpper, actual);
        width += f.upper() - f.lower();
        constantWidth += constantUpper - constantLower;
    }

    static double winkler(final double lower, final double upper, final double actual) {
        final double miss = actual < lower ? lower - actual : actual > upper ? actual - upper : 0;
        return upper - lower + PENALTY * miss;
    }

    public long count() {
        return count;
    }

    public double mae() {
        return absoluteError / count;
    }

    public double noChangeMae() {
        return noChangeError / count;
    }

    /** The model's mean absolute error over no-change's: below 1 is skill. */
    public double maeRatio() {
        return absoluteError / noChangeError;
    }

    public double directionAccuracy() {
        return (double) directionHits / count;
    }

    public double baseRateAccuracy() {
        return (double) baseRateHits / count;
    }

    public double brier() {
        return brier / count;
    }

    public double baseRateBrier() {
        return baseRateBrier / count;
    }

    public double coverage() {
        return (double) covered / count;
    }

    public double constantCoverage() {
        return (double) constantCovered / count;
    }

    public double intervalScore() {
        return winkler / count;
    }

    public double constantIntervalScore() {
        return constantWinkler / count;
    }

    /** How much lower the model's interval score is than the constant-width interval's (0.1 = 10 % better). */
    public double intervalScoreGain() {
        return 1 - winkler / constantWinkler;
    }

    public double meanWidth() {
        return width / count;
    }

    public double constantMeanWidth() {
        return constantWidth / count;
    }

    /** The figures by name (snake_case), as the registry and the API show them. */
    public Map<String, Double> asMap() {
        final Map<String, Double> m = new LinkedHashMap<>();
        m.put("rows", (double) count);
        m.put("mae", mae());
        m.put("no_change_mae", noChangeMae());
        m.put("mae_ratio", maeRatio());
        m.put("direction_accuracy", directionAccuracy());
        m.put("base_rate_accuracy", baseRateAccuracy());
        m.put("brier", brier());
        m.put("base_rate_brier", baseRateBrier());
        m.put("coverage", coverage());
        m.put("constant_coverage", constantCoverage());
        m.put("interval_score", intervalScore());
        m.put("constant_interval_score", constantIntervalScore());
        m.put("interval_score_gain", intervalScoreGain());
        return m;
    }

    private static double square(final double v) {
        return v * v;
    }
}
