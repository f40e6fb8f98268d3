package dev.soba.streams.processors.fraud;

import java.util.List;

/**
 * The current risk of an address, as kept in the {@code wallet-risk} store and answered by the API.
 *
 * @param score              probability that the address is illicit (0–1); null while no model is loaded
 * @param level              low, medium, high, or unscored
 * @param alerted            whether the score is at or above the model's alert threshold
 * @param reasons            why: the model's top contributing features and labelled counterparties
 * @param featuresAsOfBlock  the newest block whose transfers the features include
 */
public record WalletRisk(
        String address,
        Double score,
        String level,
        boolean alerted,
        List<Reason> reasons,
        ModelRef model,
        long featuresAsOfBlock,
        long transactions,
        long scoredAt) {

    public WalletRisk {
        reasons = List.copyOf(reasons);
    }

    /** One reason: a code, a human detail, and its weight (model contribution in log-odds, or 1 for a label). */
    public record Reason(String code, String detail, double weight) {
    }

    /** The model that made a score. */
    public record ModelRef(String name, String version, String trainedOnSha256, String featureVersion) {
    }

    public static String level(final double score, final double threshold) {
        if (score >= threshold) {
            return "high";
        }
        return score >= threshold / 2 ? "medium" : "low";
    }
}
