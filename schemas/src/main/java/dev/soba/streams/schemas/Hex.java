package dev.soba.streams.schemas;

/** Character-level checks of {@code 0x}-prefixed hex strings, without regular expressions. */
final class Hex {

    /** The string is not {@code 0x} followed by hex digits only. */
    static final int NOT_HEX = -1;
    /** Bit set in {@link #scan} when a lower-case hex letter occurs. */
    static final int LOWER = 1;
    /** Bit set in {@link #scan} when an upper-case hex letter occurs. */
    static final int UPPER = 2;

    private Hex() {
    }

    /**
     * {@link #NOT_HEX} unless {@code s} is {@code 0x} followed by hex digits (possibly none);
     * otherwise a bit set of {@link #LOWER} and {@link #UPPER} telling which letter cases occur.
     */
    static int scan(final String s) {
        if (s.length() < 2 || s.charAt(0) != '0' || s.charAt(1) != 'x') {
            return NOT_HEX;
        }
        int cases = 0;
        for (int i = 2; i < s.length(); i++) {
            final char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                continue;
            }
            if (c >= 'a' && c <= 'f') {
                cases |= LOWER;
            } else if (c >= 'A' && c <= 'F') {
                cases |= UPPER;
            } else {
                return NOT_HEX;
            }
        }
        return cases;
    }

    /** The first character after {@code 0x} that is not a hex digit, for error messages. */
    static String firstBadCharacter(final String s) {
        for (int i = 2; i < s.length(); i++) {
            final char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return "'" + c + "' at position " + i;
            }
        }
        return "none";
    }

    /** Number of hex digits after the {@code 0x} prefix. */
    static int digits(final String s) {
        return s.length() - 2;
    }
}
