package dev.soba.streams.processors.fraud;

/**
 * A change to one address's activity: a transfer it took part in, or the withdrawal of everything it did
 * in an orphaned block. Exactly one of the two is set (a record for the wire).
 */
public record WalletChange(dev.soba.streams.models.fraud.WalletEvent event, String orphanedBlockHash) {

    public static WalletChange of(final dev.soba.streams.models.fraud.WalletEvent event) {
        return new WalletChange(event, null);
    }

    public static WalletChange orphaned(final String blockHash) {
        return new WalletChange(null, blockHash);
    }
}
