package dev.soba.streams.models.fraud;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Precision, recall and F1 of the illicit class at a threshold, with the threshold-free ROC-AUC and
 * PR-AUC (average precision), from scores and truths.
 */
public record ClassifierMetrics(int rows, int illicit, double precision, double recall, double f1, double rocAuc, double prAuc) {

    public static ClassifierMetrics of(final boolean[] truth, final double[] score, final double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int positives = 0;
        for (int i = 0; i < truth.length; i++) {
            final boolean predicted = score[i] >= threshold;
            if (truth[i]) {
                positives++;
            }
            if (predicted && truth[i]) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (truth[i]) {
                fn++;
            }
        }
        final double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        final double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        final double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassifierMetrics(truth.length, positives, precision, recall, f1, rocAuc(truth, score), averagePrecision(truth, score));
    }

    /** The Mann-Whitney statistic: the chance a random illicit row scores above a random normal one (ties count half). */
    static double rocAuc(final boolean[] truth, final double[] score) {
        final Integer[] order = sortedAscending(score);
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            final double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (truth[order[k]]) {
                    rankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        final long negatives = truth.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Average precision: the mean of the precision at each illicit row, ranking by score (tied scores as one step). */
    static double averagePrecision(final boolean[] truth, final double[] score) {
        final Integer[] order = sortedAscending(score);
        int positives = 0;
        for (final boolean t : truth) {
            positives += t ? 1 : 0;
        }
        if (positives == 0) {
            return Double.NaN;
        }
        double sum = 0;
        int tp = 0;
        int seen = 0;
        int i = order.length - 1;
        while (i >= 0) {
            int j = i;
            int groupTp = 0;
            while (j >= 0 && score[order[j]] == score[order[i]]) {
                groupTp += truth[order[j]] ? 1 : 0;
                j--;
            }
            seen += i - j;
            tp += groupTp;
            sum += groupTp * ((double) tp / seen);
            i = j;
        }
        return sum / positives;
    }

    private static Integer[] sortedAscending(final double[] score) {
        final Integer[] order = new Integer[score.length];
        Arrays.setAll(order, k -> k);
        Arrays.sort(order, Comparator.comparingDouble(k -> score[k]));
        return order;
    }
}
