package dev.soba.streams.processors.fraud;

import java.util.List;

/**
 * A record of the {@code fraud_alerts} topic: a wallet crossed the alert threshold ({@code raised}) or fell
 * back below it ({@code cleared}). Keyed by the address.
 */
public record FraudAlert(
        String address,
        String status,
        double score,
        double threshold,
        WalletRisk.ModelRef model,
        List<WalletRisk.Reason> reasons,
        long block,
        long detectedAt) {

    public static final String RAISED = "raised";
    public static final String CLEARED = "cleared";

    public FraudAlert {
        reasons = List.copyOf(reasons);
    }
}
