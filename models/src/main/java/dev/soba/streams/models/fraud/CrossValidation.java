package dev.soba.streams.models.fraud;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Stratified k-fold cross-validation: each fold holds the same share of illicit rows; every row is
 * scored once, by a model that did not see it, and the pooled out-of-fold scores are measured.
 */
public final class CrossValidation {

    /** One method's out-of-fold figures (illicit class; threshold 0.5). */
    public record Row(String method, double precision, double recall, double f1, double rocAuc, double prAuc) {

        static Row of(final String method, final ClassifierMetrics m) {
            return new Row(method, m.precision(), m.recall(), m.f1(), m.rocAuc(), m.prAuc());
        }
    }

    /** Scores the rows of a held-out fold, given the training rows. */
    @FunctionalInterface
    public interface Method {
        double[] fitAndScore(List<LabelledWallet> train, List<LabelledWallet> test);
    }

    private CrossValidation() {
    }

    /** The fold of each row: illicit and normal rows are shuffled apart and dealt round-robin. */
    public static int[] folds(final List<LabelledWallet> rows, final int k, final long seed) {
        final List<Integer> illicit = new ArrayList<>();
        final List<Integer> normal = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            (rows.get(i).illicit().orElseThrow() ? illicit : normal).add(i);
        }
        final Random random = new Random(seed);
        java.util.Collections.shuffle(illicit, random);
        java.util.Collections.shuffle(normal, random);
        final int[] fold = new int[rows.size()];
        for (int i = 0; i < illicit.size(); i++) {
            fold[illicit.get(i)] = i % k;
        }
        for (int i = 0; i < normal.size(); i++) {
            fold[normal.get(i)] = i % k;
        }
        return fold;
    }

    /** Out-of-fold scores of every row. */
    public static double[] outOfFold(final List<LabelledWallet> rows, final int[] fold, final int k, final Method method) {
        final double[] scores = new double[rows.size()];
        for (int f = 0; f < k; f++) {
            final List<LabelledWallet> train = new ArrayList<>();
            final List<LabelledWallet> test = new ArrayList<>();
            final List<Integer> testIndex = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (fold[i] == f) {
                    test.add(rows.get(i));
                    testIndex.add(i);
                } else {
                    train.add(rows.get(i));
                }
            }
            final double[] foldScores = method.fitAndScore(train, test);
            for (int i = 0; i < foldScores.length; i++) {
                scores[testIndex.get(i)] = foldScores[i];
            }
        }
        return scores;
    }

    public static boolean[] truth(final List<LabelledWallet> rows) {
        final boolean[] truth = new boolean[rows.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = rows.get(i).illicit().orElseThrow();
        }
        return truth;
    }

    /** The table as printed by {@code ./soba fraud train} and pasted into README. */
    public static String table(final List<Row> rows) {
        final StringBuilder out = new StringBuilder();
        out.append("| method | precision | recall | F1 | ROC-AUC | PR-AUC |\n|---|---|---|---|---|---|\n");
        for (final Row row : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.4f | %.4f |%n",
                    row.method(), row.precision(), row.recall(), row.f1(), row.rocAuc(), row.prAuc()));
        }
        return out.toString();
    }
}
