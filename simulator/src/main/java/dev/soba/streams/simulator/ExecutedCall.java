package dev.soba.streams.simulator;

import java.math.BigInteger;
import java.util.List;

/**
 * A transaction's effects as its receipt and trace show them, before the block gives it a position
 * and fees.
 *
 * @param trace     the call tree, its top frame the transaction's own call
 * @param succeeded the receipt status; a reverted transaction has no logs and changed nothing
 */
record ExecutedCall(String to, BigInteger value, String input, long gasUsed, long gasLimit, List<LogEntry> logs,
                    CallFrame trace, boolean succeeded) {

    ExecutedCall {
        logs = List.copyOf(logs);
        if (gasUsed > gasLimit) {
            throw new IllegalArgumentException("gas used " + gasUsed + " above limit " + gasLimit);
        }
        if (!succeeded && !logs.isEmpty()) {
            throw new IllegalArgumentException("a reverted transaction leaves no logs");
        }
    }
}
