package dev.soba.streams.processors.fraud;

import dev.soba.streams.models.fraud.FraudModel;
import dev.soba.streams.models.fraud.ModelCard;
import dev.soba.streams.models.fraud.WalletActivity;
import dev.soba.streams.models.fraud.WalletFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Scores one address's activity (state + model → risk, and an alert when it crosses the threshold either
 * way). Pure: the processor reads and writes the stores around it.
 */
public final class WalletScoring {

    /** How many of the model's contributing features are given as reasons. */
    public static final int FEATURE_REASONS = 3;
    /** The threshold used when no model is loaded (nothing is alerted on then but labelled addresses). */
    public static final double DEFAULT_THRESHOLD = 0.5;

    /** The new risk, and the alert if the address crossed the threshold. */
    public record Outcome(WalletRisk risk, Optional<FraudAlert> alert) {
    }

    private WalletScoring() {
    }

    public static Outcome score(final String address, final WalletState state, final Optional<FraudModel> model,
                                final List<WalletRisk.Reason> labelReasons, final WalletRisk previous, final long now) {
        final WalletActivity activity = state.activity();
        final List<WalletRisk.Reason> reasons = new ArrayList<>();
        Double score = null;
        WalletRisk.ModelRef ref = null;
        double threshold = DEFAULT_THRESHOLD;
        if (model.isPresent()) {
            final double[] vector = WalletFeature.vector(activity);
            final FraudModel m = model.get();
            final ModelCard card = m.card();
            score = m.score(vector);
            threshold = card.threshold();
            ref = new WalletRisk.ModelRef(card.name(), card.version(), card.trainedOnSha256(), card.featureVersion());
            for (final FraudModel.Contribution c : m.topContributions(vector, FEATURE_REASONS)) {
                reasons.add(new WalletRisk.Reason("FEATURE", String.format(Locale.ROOT, "%s = %.6g", c.feature(), c.value()), c.weight()));
            }
        }
        reasons.addAll(labelReasons);
        if (labelReasons.stream().anyMatch(r -> r.code().equals(LabelReasons.LABELLED_ADDRESS))) {
            score = Math.max(score == null ? 0 : score, 1.0);
        }
        final boolean alerted = score != null && score >= threshold;
        final String level = score == null ? "unscored" : WalletRisk.level(score, threshold);
        final WalletRisk risk = new WalletRisk(address, score, level, alerted, reasons, ref, state.lastBlock(),
                activity.transactions(), now);
        final boolean wasAlerted = previous != null && previous.alerted();
        Optional<FraudAlert> alert = Optional.empty();
        if (alerted != wasAlerted) {
            alert = Optional.of(new FraudAlert(address, alerted ? FraudAlert.RAISED : FraudAlert.CLEARED, score == null ? 0 : score,
                    threshold, ref, reasons, state.lastBlock(), now));
        }
        return new Outcome(risk, alert);
    }
}
