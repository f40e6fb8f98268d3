package dev.soba.streams.ingest.etl;

import org.web3j.crypto.Hash;

/** Function selectors: the first four bytes of the Keccak-256 of a signature, {@code 0x}-prefixed. */
final class Selectors {

    private Selectors() {
    }

    static String of(final String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }
}
