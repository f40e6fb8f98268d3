package dev.soba.streams.processors.mev.flows;

import dev.soba.streams.processors.mev.calls.ClassifiedCall;
import java.util.ArrayList;
import java.util.List;

/** A block's classified calls cut into transactions; within one, calls are in depth-first order. */
public final class TransactionCalls {

    private TransactionCalls() {
    }

    /** @param blockOrder calls in block order (as {@code Calls} produces them) */
    public static List<List<ClassifiedCall>> split(final List<ClassifiedCall> blockOrder) {
        final List<List<ClassifiedCall>> transactions = new ArrayList<>();
        List<ClassifiedCall> current = new ArrayList<>();
        for (final ClassifiedCall call : blockOrder) {
            if (!current.isEmpty() && !current.get(0).call().transactionHash().equals(call.call().transactionHash())) {
                transactions.add(List.copyOf(current));
                current = new ArrayList<>();
            }
            current.add(call);
        }
        if (!current.isEmpty()) {
            transactions.add(List.copyOf(current));
        }
        return transactions;
    }

    /** The calls made inside {@code transaction.get(index)}: in depth-first order they directly follow it. */
    public static List<ClassifiedCall> inside(final List<ClassifiedCall> transaction, final int index) {
        final ClassifiedCall parent = transaction.get(index);
        int end = index + 1;
        while (end < transaction.size() && transaction.get(end).call().isInside(parent.call())) {
            end++;
        }
        return transaction.subList(index + 1, end);
    }

    /** Every transfer made inside {@code transaction.get(index)}, plain ETH ones included. */
    public static List<Transfer> transfersInside(final List<ClassifiedCall> transaction, final int index) {
        final List<Transfer> transfers = new ArrayList<>();
        for (final ClassifiedCall child : inside(transaction, index)) {
            Transfers.of(child).ifPresent(transfers::add);
        }
        return transfers;
    }
}
