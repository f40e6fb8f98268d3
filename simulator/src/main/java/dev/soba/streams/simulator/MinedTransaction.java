package dev.soba.streams.simulator;

import java.math.BigInteger;
import java.util.OptionalLong;

/**
 * A transaction with its place in the block and its receipt. The fee-market fields are empty for
 * legacy (type 0) transactions, as ethereum-etl writes them as null.
 */
record MinedTransaction(String hash, long nonce, int transactionIndex, String from, ExecutedCall call,
                        long gasPrice, OptionalLong maxFeePerGas, OptionalLong maxPriorityFeePerGas,
                        int transactionType, long cumulativeGasUsed, long effectiveGasPrice) {

    String to() {
        return call.to();
    }

    BigInteger value() {
        return call.value();
    }

    long gasUsed() {
        return call.gasUsed();
    }
}
