package dev.soba.streams.processors.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy of a detector on labelled texts, per language and overall: micro (every text counts
 * once) and macro (every language counts once), beside the naive baseline that always answers the
 * most frequent language of the set.
 */
public record DetectionEvaluation(int texts, double accuracy, double macroAccuracy, double baselineAccuracy,
                                  String baselineLanguage, Map<String, PerLanguage> perLanguage,
                                  Map<String, Integer> confusions) {

    /** One language: how many texts, how many detected right, and the languages it was taken for. */
    public record PerLanguage(int texts, int correct, double accuracy, Map<String, Integer> mistakenFor) {
    }

    public static DetectionEvaluation of(final LanguageIdentifier identifier, final List<LabelledText> texts) {
        final Map<String, int[]> counts = new TreeMap<>();
        final Map<String, Map<String, Integer>> mistakes = new TreeMap<>();
        final Map<String, Integer> confusions = new TreeMap<>();
        int correct = 0;
        for (final LabelledText text : texts) {
            final String detected = identifier.detect(text.text()).language();
            final int[] count = counts.computeIfAbsent(text.language(), ignored -> new int[2]);
            count[0]++;
            if (detected.equals(text.language())) {
                count[1]++;
                correct++;
            } else {
                mistakes.computeIfAbsent(text.language(), ignored -> new TreeMap<>()).merge(detected, 1, Integer::sum);
                confusions.merge(text.language() + "->" + detected, 1, Integer::sum);
            }
        }
        final Map<String, PerLanguage> perLanguage = new LinkedHashMap<>();
        final List<Double> accuracies = new ArrayList<>();
        String majority = "";
        int majorityCount = 0;
        for (final Map.Entry<String, int[]> entry : counts.entrySet()) {
            final int[] count = entry.getValue();
            final double accuracy = (double) count[1] / count[0];
            accuracies.add(accuracy);
            perLanguage.put(entry.getKey(), new PerLanguage(count[0], count[1], round(accuracy),
                    mistakes.getOrDefault(entry.getKey(), Map.of())));
            if (count[0] > majorityCount) {
                majority = entry.getKey();
                majorityCount = count[0];
            }
        }
        final Map<String, Integer> topConfusions = new LinkedHashMap<>();
        confusions.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(entry -> topConfusions.put(entry.getKey(), entry.getValue()));
        final int n = texts.size();
        return new DetectionEvaluation(n, n == 0 ? 0 : round((double) correct / n),
                round(accuracies.stream().mapToDouble(Double::doubleValue).average().orElse(0)),
                n == 0 ? 0 : round((double) majorityCount / n), majority, perLanguage, topConfusions);
    }

    private static double round(final double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }
}
