package dev.soba.streams.api.demo;

import java.math.BigInteger;
import java.util.List;

/** A transaction's effects as its receipt shows them, before the block gives it a position and fees. */
record ExecutedCall(String to, BigInteger value, String input, long gasUsed, long gasLimit, List<LogEntry> logs) {

    ExecutedCall {
        logs = List.copyOf(logs);
        if (gasUsed > gasLimit) {
            throw new IllegalArgumentException("gas used " + gasUsed + " above limit " + gasLimit);
        }
    }
}
