package dev.soba.streams.processors.fraud;

/** A labelled address (Etherscan/Forta lists or a user's own), from the compacted labels topic. */
public record WalletLabel(String address, String label, String source) {
}
