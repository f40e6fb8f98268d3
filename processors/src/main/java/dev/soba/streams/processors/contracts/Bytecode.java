package dev.soba.streams.processors.contracts;

import java.util.HexFormat;

/** Parses bytecode given as hex, saying exactly what is wrong with bad input. */
public final class Bytecode {

    /** 24 KiB is the deployed-code limit (EIP-170); twice that and more is refused before parsing. */
    public static final int MAX_BYTES = 1 << 20;

    /** The bytes, or a problem with the input. */
    public sealed interface Parsed permits Ok, Invalid {
    }

    public record Ok(byte[] code) implements Parsed {
    }

    public record Invalid(String reason) implements Parsed {
    }

    private Bytecode() {
    }

    public static Parsed parse(final String hex) {
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
        if (digits.length() / 2 > MAX_BYTES) {
            return new Invalid("is longer than " + MAX_BYTES + " bytes");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                return new Invalid("is not hex: '" + digits.charAt(i) + "' at position " + (i + (hex.length() - digits.length())));
            }
        }
        return new Ok(HexFormat.of().parseHex(digits.toLowerCase(java.util.Locale.ROOT)));
    }
}
