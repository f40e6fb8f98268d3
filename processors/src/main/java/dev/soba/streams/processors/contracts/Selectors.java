package dev.soba.streams.processors.contracts;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.web3j.crypto.Hash;

/** Function selectors: the first 4 bytes of keccak-256 of the signature, as 8 lower-case hex digits. */
public final class Selectors {

    private Selectors() {
    }

    public static String of(final String signature) {
        return HexFormat.of().formatHex(Hash.sha3(signature.getBytes(StandardCharsets.US_ASCII)), 0, 4);
    }

    public static String hex(final long selector) {
        return String.format("%08x", selector);
    }
}
