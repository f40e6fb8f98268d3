package dev.soba.streams.schemas.contracts;

/**
 * The compiler named in the CBOR metadata at the end of the code.
 *
 * @param name    {@code solc} or {@code vyper}
 * @param version e.g. {@code 0.8.13}
 */
public record CompilerInfo(String name, String version) {
}
