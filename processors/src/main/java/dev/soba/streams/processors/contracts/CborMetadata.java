package dev.soba.streams.processors.contracts;

import dev.soba.streams.schemas.contracts.CompilerInfo;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The metadata solc and vyper append to runtime code: a CBOR map followed by its length in two
 * bytes, e.g. {@code a2 64 "ipfs" 58 22 <hash> 64 "solc" 43 00 08 0d} then {@code 0033}.
 */
final class CborMetadata {

    private CborMetadata() {
    }

    /** Where the metadata starts, or {@code code.length} when the tail is not a CBOR map. */
    static int start(final byte[] code) {
        if (code.length < 4) {
            return code.length;
        }
        final int length = ((code[code.length - 2] & 0xff) << 8) | (code[code.length - 1] & 0xff);
        final int start = code.length - 2 - length;
        if (length < 2 || start < 0) {
            return code.length;
        }
        final int head = code[start] & 0xff;
        // A map of 1 to 15 pairs; vyper 0.3.10+ writes a CBOR array instead.
        if ((head >= 0xa1 && head <= 0xaf) || (head >= 0x81 && head <= 0x8f)) {
            return start;
        }
        return code.length;
    }

    static Optional<CompilerInfo> compiler(final byte[] code, final int start) {
        final int end = code.length - 2;
        final byte[] solc = "solc".getBytes(StandardCharsets.US_ASCII);
        final byte[] vyper = "vyper".getBytes(StandardCharsets.US_ASCII);
        for (int p = start; p < end; p++) {
            if (matches(code, p, 0x64, solc) && p + 5 < end) {
                final int v = code[p + 5] & 0xff;
                if (v == 0x43 && p + 8 < end + 1) {
                    return Optional.of(new CompilerInfo("solc", (code[p + 6] & 0xff) + "." + (code[p + 7] & 0xff)
                            + "." + (code[p + 8] & 0xff)));
                }
                if (v >= 0x60 && v <= 0x77 && p + 6 + (v - 0x60) <= end) {
                    return Optional.of(new CompilerInfo("solc",
                            new String(code, p + 6, v - 0x60, StandardCharsets.US_ASCII)));
                }
            }
            if (matches(code, p, 0x65, vyper) && p + 6 < end) {
                final int head = code[p + 6] & 0xff;
                if (head >= 0x81 && head <= 0x87) {
                    final StringBuilder version = new StringBuilder();
                    int q = p + 7;
                    for (int i = 0; i < head - 0x80 && q < end; i++) {
                        final int n = code[q] & 0xff;
                        final int value = n < 0x18 ? n : n == 0x18 && q + 1 < end ? code[q + 1] & 0xff : -1;
                        if (value < 0) {
                            break;
                        }
                        q += n == 0x18 ? 2 : 1;
                        version.append(i == 0 ? "" : ".").append(value);
                    }
                    return Optional.of(new CompilerInfo("vyper", version.toString()));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(final byte[] code, final int p, final int head, final byte[] text) {
        if ((code[p] & 0xff) != head || p + 1 + text.length > code.length) {
            return false;
        }
        for (int i = 0; i < text.length; i++) {
            if (code[p + 1 + i] != text[i]) {
                return false;
            }
        }
        return true;
    }
}
