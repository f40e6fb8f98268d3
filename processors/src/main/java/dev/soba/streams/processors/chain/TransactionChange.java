package dev.soba.streams.processors.chain;

import dev.soba.streams.schemas.Transaction;
import java.util.Optional;

/**
 * A change to the transaction index: a transaction to store, or one to withdraw because its block
 * was orphaned. Exactly one of the two is set (a record for the wire; use the factories).
 */
public record TransactionChange(Transaction upsert, TransactionRef retraction) {

    public static TransactionChange upsert(final Transaction transaction) {
        return new TransactionChange(transaction, null);
    }

    public static TransactionChange retract(final TransactionRef transaction) {
        return new TransactionChange(null, transaction);
    }

    public Optional<Transaction> upserted() {
        return Optional.ofNullable(upsert);
    }

    public Optional<TransactionRef> retracted() {
        return Optional.ofNullable(retraction);
    }
}
