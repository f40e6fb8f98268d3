package dev.soba.streams.processors.chain;

import java.util.ArrayList;
import java.util.List;

/**
 * The most recent transactions of one address, newest first, at most {@code limit} of them.
 * Bounded so that a busy address (an exchange, a router) costs the same as a quiet one.
 */
public record AddressHistory(List<TransactionRef> transactions) {

    public AddressHistory {
        transactions = List.copyOf(transactions);
    }

    public static AddressHistory empty() {
        return new AddressHistory(List.of());
    }

    /** Adds or replaces (same hash, e.g. re-included after a re-organisation) in newest-first order. */
    public AddressHistory with(final TransactionRef transaction, final int limit) {
        final List<TransactionRef> next = new ArrayList<>(transactions.size() + 1);
        boolean placed = false;
        for (final TransactionRef existing : transactions) {
            if (existing.hash().equals(transaction.hash())) {
                continue;
            }
            if (!placed && transaction.isNewerThan(existing)) {
                next.add(transaction);
                placed = true;
            }
            next.add(existing);
        }
        if (!placed) {
            next.add(transaction);
        }
        return new AddressHistory(next.size() > limit ? next.subList(0, limit) : next);
    }

    /** Removes the transaction if the held copy is from the given (orphaned) block. */
    public AddressHistory without(final TransactionRef transaction) {
        final List<TransactionRef> next = new ArrayList<>(transactions);
        next.removeIf(t -> t.hash().equals(transaction.hash()) && t.blockHash().equals(transaction.blockHash()));
        return new AddressHistory(next);
    }

    public List<TransactionRef> newest(final int count) {
        return transactions.subList(0, Math.min(count, transactions.size()));
    }
}
