package dev.soba.streams.processors.contracts;

import dev.soba.streams.schemas.contracts.FunctionInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * evmole's accuracy measures, computed the same way for any analyser: selector precision and recall
 * over all contracts, and the share of correctly found functions whose argument types and whose
 * state mutability are exactly the ABI's.
 */
public final class AccuracyScore {

    private long truePositive;
    private long falsePositive;
    private long falseNegative;
    private long argumentsExact;
    private long mutabilityExact;
    private final Map<String, Integer> argumentMisses = new HashMap<>();
    private final Map<String, Integer> mutabilityMisses = new HashMap<>();

    /** Adds one contract: the ABI's functions and the functions found. */
    public void add(final List<FunctionInfo> truth, final List<FunctionInfo> found) {
        final Map<String, FunctionInfo> expected = new HashMap<>();
        truth.forEach(f -> expected.put(f.selector(), f));
        for (final FunctionInfo f : found) {
            final FunctionInfo t = expected.remove(f.selector());
            if (t == null) {
                falsePositive++;
                continue;
            }
            truePositive++;
            if (t.arguments().equals(f.arguments())) {
                argumentsExact++;
            } else {
                argumentMisses.merge(t.arguments() + " <- " + f.arguments(), 1, Integer::sum);
            }
            if (t.stateMutability().equals(f.stateMutability())) {
                mutabilityExact++;
            } else {
                mutabilityMisses.merge(t.stateMutability() + " <- " + f.stateMutability(), 1, Integer::sum);
            }
        }
        falseNegative += expected.size();
    }

    public double selectorPrecision() {
        return ratio(truePositive, truePositive + falsePositive);
    }

    public double selectorRecall() {
        return ratio(truePositive, truePositive + falseNegative);
    }

    public double argumentsExact() {
        return ratio(argumentsExact, truePositive);
    }

    public double mutabilityExact() {
        return ratio(mutabilityExact, truePositive);
    }

    public long functionsFound() {
        return truePositive;
    }

    /** The wrong answers, as "truth &lt;- found" with their counts, for diagnosis. */
    public Map<String, Integer> argumentMisses() {
        return Map.copyOf(argumentMisses);
    }

    public Map<String, Integer> mutabilityMisses() {
        return Map.copyOf(mutabilityMisses);
    }

    private static double ratio(final long a, final long b) {
        return b == 0 ? 1.0 : (double) a / b;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "selectors precision %.3f recall %.3f, arguments %.3f, mutability %.3f (%d functions)",
                selectorPrecision(), selectorRecall(), argumentsExact(), mutabilityExact(), truePositive);
    }
}
