package dev.soba.streams.processors.fraud;

import dev.soba.streams.models.fraud.WalletActivity;
import dev.soba.streams.models.fraud.WalletEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The risk of one transaction from what is known about its sides: the sender's and the recipient's current
 * scores, their labels, the value against the sender's history, and whether it is the sender's first call to
 * that contract. The parts are combined as independent evidence ({@code 1 - prod(1 - p)}): each reason's
 * weight is the probability it contributes.
 */
public final class TransactionRisk {

    /** A labelled side is strong evidence on its own. */
    public static final double LABEL_WEIGHT = 0.9;
    /** A value far above everything the sender sent before. */
    public static final double UNUSUAL_VALUE_WEIGHT = 0.3;
    /** How many times the sender's largest earlier send counts as unusual. */
    public static final double UNUSUAL_VALUE_FACTOR = 10;
    /** A first call to a contract (approvals to drainers are first calls). */
    public static final double FIRST_CONTRACT_WEIGHT = 0.1;

    /** What is known about one side: its risk and state (when this instance holds them), its label. */
    public record Side(String address, boolean known, WalletRisk risk, WalletState state, WalletLabel label) {
    }

    /** The assessment: a score 0–1 and its reasons. */
    public record Assessment(double score, List<WalletRisk.Reason> reasons, WalletRisk.ModelRef model, long featuresAsOfBlock) {
    }

    private TransactionRisk() {
    }

    public static Assessment assess(final WalletEvent sent, final Side sender, final Side recipient) {
        final List<WalletRisk.Reason> reasons = new ArrayList<>();
        WalletRisk.ModelRef model = null;
        long asOf = 0;
        for (final Side side : List.of(sender, recipient)) {
            if (side == null) {
                continue;
            }
            final String role = side == sender ? "sender" : "recipient";
            if (side.label() != null) {
                reasons.add(new WalletRisk.Reason("LABELLED_" + role.toUpperCase(Locale.ROOT),
                        side.address() + ": " + side.label().label() + " (" + side.label().source() + ")", LABEL_WEIGHT));
            }
            if (!side.known()) {
                reasons.add(new WalletRisk.Reason(role.toUpperCase(Locale.ROOT) + "_HELD_ELSEWHERE",
                        "the " + role + "'s score is held by another instance: ask for " + side.address() + " by address", 0));
            } else if (side.risk() == null || side.risk().score() == null) {
                reasons.add(new WalletRisk.Reason(role.toUpperCase(Locale.ROOT) + "_NOT_SEEN",
                        "the pipeline has not scored the " + role + " " + side.address() + (side.risk() == null ? " (not seen)" : " (no model)"), 0));
            } else {
                reasons.add(new WalletRisk.Reason(role.toUpperCase(Locale.ROOT) + "_SCORE",
                        String.format(Locale.ROOT, "%s %s scores %.3f (%s)", role, side.address(), side.risk().score(), side.risk().level()),
                        side.risk().score()));
                model = model == null ? side.risk().model() : model;
                asOf = Math.max(asOf, side.risk().featuresAsOfBlock());
            }
        }
        if (sender != null && sender.known() && sender.state() != null) {
            final WalletActivity history = sender.state().activity();
            if (history.sent().count() > 0 && sent.amount() > UNUSUAL_VALUE_FACTOR * history.sent().max()) {
                reasons.add(new WalletRisk.Reason("UNUSUAL_VALUE", String.format(Locale.ROOT,
                        "%.6g ether is more than %.0f times the sender's largest send so far (%.6g)", sent.amount(),
                        UNUSUAL_VALUE_FACTOR, history.sent().max()), UNUSUAL_VALUE_WEIGHT));
            }
            if (sent.toContract() && sender.state().recent().stream()
                    .noneMatch(e -> e.kind() == WalletEvent.Kind.SENT && sent.counterparty().equals(e.counterparty()))) {
                reasons.add(new WalletRisk.Reason("FIRST_CONTRACT_INTERACTION",
                        "the sender has not called " + sent.counterparty() + " in its recent blocks", FIRST_CONTRACT_WEIGHT));
            }
        }
        double none = 1;
        for (final WalletRisk.Reason reason : reasons) {
            none *= 1 - Math.max(0, Math.min(1, reason.weight()));
        }
        return new Assessment(1 - none, reasons, model, asOf);
    }
}
