package dev.soba.streams.processors.graph;

/** A counterparty change and the address whose state it changes (the key to repartition by). */
public record AddressedChange(String address, CounterpartyChange change) {
}
