package dev.soba.streams.simulator;

/** A log with its block-wide index and the transaction that emitted it. */
record MinedLog(int logIndex, String transactionHash, int transactionIndex, LogEntry entry) {
}
