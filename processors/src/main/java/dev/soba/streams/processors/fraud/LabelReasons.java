package dev.soba.streams.processors.fraud;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Labels as reasons: the address's own label, and labelled counterparties among its recent transfers. */
public final class LabelReasons {

    public static final String LABELLED_ADDRESS = "LABELLED_ADDRESS";
    public static final String LABELLED_COUNTERPARTY = "LABELLED_COUNTERPARTY";
    /** At most this many labelled counterparties are named. */
    public static final int MAX_COUNTERPARTIES = 5;

    private LabelReasons() {
    }

    public static List<WalletRisk.Reason> of(final String address, final WalletState state, final Function<String, WalletLabel> labels) {
        final List<WalletRisk.Reason> reasons = new ArrayList<>();
        final WalletLabel own = labels.apply(address);
        if (own != null) {
            reasons.add(new WalletRisk.Reason(LABELLED_ADDRESS, own.label() + " (" + own.source() + ")", 1.0));
        }
        final Set<String> counterparties = new LinkedHashSet<>();
        for (int i = state.recent().size() - 1; i >= 0 && counterparties.size() < 64; i--) {
            counterparties.add(state.recent().get(i).counterparty());
        }
        int named = 0;
        for (final String counterparty : counterparties) {
            final WalletLabel label = counterparty == null ? null : labels.apply(counterparty);
            if (label != null && named < MAX_COUNTERPARTIES) {
                reasons.add(new WalletRisk.Reason(LABELLED_COUNTERPARTY, counterparty + ": " + label.label() + " (" + label.source() + ")", 0.5));
                named++;
            }
        }
        return reasons;
    }
}
