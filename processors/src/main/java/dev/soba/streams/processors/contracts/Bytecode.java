package dev.soba.streams.processors.contracts;

import java.util.HexFormat;

/** Parses bytecode given as hex, saying exactly what is wrong with bad input. */
public final class Bytecode {

    /**
     * What a request may send: the init-code limit of EIP-3860 (twice EIP-170's 24 KiB deployed-code
     * limit). Nothing longer can be on chain; the stream analyses whatever the contracts topic brings.
     */
    public static final int MAX_REQUEST_BYTES = 49_152;

    /** The bytes, or a problem with the input. */
    public sealed interface Parsed permits Ok, Invalid {
    }

    public record Ok(byte[] code) implements Parsed {
    }

    public record Invalid(String reason) implements Parsed {
    }

    private Bytecode() {
    }

    public static Parsed parse(final String hex, final int maxBytes) {
        if (hex == null) {
            return new Invalid("is required");
        }
        final String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (digits.isEmpty()) {
            return new Invalid("is empty: there is no code to analyse");
        }
        if (digits.length() % 2 != 0) {
            return new Invalid("has an odd number of hex digits (" + digits.length() + ")");
        }
        if (digits.length() / 2 > maxBytes) {
            return new Invalid("is " + digits.length() / 2 + " bytes, more than any contract can have (" + maxBytes
                    + ", EIP-3860)");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                return new Invalid("is not hex: '" + digits.charAt(i) + "' at position " + (i + (hex.length() - digits.length())));
            }
        }
        return new Ok(HexFormat.of().parseHex(digits.toLowerCase(java.util.Locale.ROOT)));
    }
}
