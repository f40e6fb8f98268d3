package dev.soba.streams.processors.chain;

/** A transaction to add to (or, when {@code retract}, remove from) one address's history. */
public record AddressChange(TransactionRef transaction, boolean retract) {
}
