package dev.soba.streams.processors.chain;

import dev.soba.streams.schemas.Transaction;
import java.math.BigInteger;
import java.util.Locale;

/**
 * The essentials of a transaction as seen from one of its addresses: enough to list an
 * address's history without a second lookup, small enough to keep many per address.
 */
public record TransactionRef(
        String hash,
        long blockNumber,
        String blockHash,
        long transactionIndex,
        long blockTimestamp,
        String fromAddress,
        String toAddress,
        BigInteger value) {

    /** For a transaction with a known block; a contract creation is listed under the created contract. */
    public static TransactionRef of(final Transaction tx) {
        final String to = tx.toAddress() != null ? tx.toAddress() : tx.receiptContractAddress();
        return new TransactionRef(
                tx.hash(),
                tx.blockNumber(),
                tx.blockHash(),
                tx.transactionIndex() == null ? 0L : tx.transactionIndex(),
                tx.blockTimestamp() == null ? 0L : tx.blockTimestamp(),
                lower(tx.fromAddress()),
                lower(to),
                tx.value() == null ? BigInteger.ZERO : tx.value());
    }

    private static String lower(final String address) {
        return address == null ? null : address.toLowerCase(Locale.ROOT);
    }

    /** Newest first: by block, then by position in the block. */
    public boolean isNewerThan(final TransactionRef other) {
        return blockNumber != other.blockNumber
                ? blockNumber > other.blockNumber
                : transactionIndex > other.transactionIndex;
    }
}
