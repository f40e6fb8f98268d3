package dev.soba.streams.processors.dex;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Reads 32-byte ABI words straight out of {@code 0x} hex (log data or a topic), as Solidity encodes
 * static types. The {@code is…} checks accept only the canonical encoding an event emitter produces
 * (zero or sign-extended padding), so a lookalike log with other types fails them instead of decoding
 * to garbage; the readers assume their check passed. Tests prove the readers agree with web3j's
 * {@code TypeDecoder}, which is far slower (reflection and a copy per word) for every log of a chain.
 */
final class AbiWords {

    static final int WORD_HEX = 64;

    private static final BigInteger TWO_TO_256 = BigInteger.ONE.shiftLeft(256);

    private AbiWords() {
    }

    /** Hex position of the {@code index}-th word in {@code 0x}-prefixed data. */
    static int word(final int index) {
        return 2 + WORD_HEX * index;
    }

    /** Whether everything after {@code 0x} is a hex digit: checked once per log, so readers never throw. */
    static boolean isHex(final String s) {
        if (s.length() < 2 || s.charAt(0) != '0' || s.charAt(1) != 'x') {
            return false;
        }
        for (int i = 2; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** An unsigned integer of {@code bits} bits: the padding above it is zero. */
    static boolean isUint(final String s, final int start, final int bits) {
        return allDigits(s, start, start + (256 - bits) / 4, 0);
    }

    static boolean isAddress(final String s, final int start) {
        return isUint(s, start, 160);
    }

    /** A signed integer of {@code bits} bits (a multiple of 4): the padding repeats its sign bit. */
    static boolean isInt(final String s, final int start, final int bits) {
        final int padEnd = start + (256 - bits) / 4;
        final boolean negative = Character.digit(s.charAt(padEnd), 16) >= 8;
        return allDigits(s, start, padEnd, negative ? 15 : 0);
    }

    static String address(final String s, final int start) {
        return "0x" + s.substring(start + 24, start + WORD_HEX).toLowerCase(Locale.ROOT);
    }

    static BigInteger uint(final String s, final int start) {
        return new BigInteger(s.substring(start, start + WORD_HEX), 16);
    }

    /** Two's complement over the whole word. */
    static BigInteger int256(final String s, final int start) {
        final BigInteger unsigned = uint(s, start);
        return Character.digit(s.charAt(start), 16) >= 8 ? unsigned.subtract(TWO_TO_256) : unsigned;
    }

    /** A 24-bit integer from the word's last six digits, sign-extended when {@code signed}. */
    static int small(final String s, final int start, final boolean signed) {
        int value = 0;
        for (int i = start + WORD_HEX - 6; i < start + WORD_HEX; i++) {
            value = value << 4 | Character.digit(s.charAt(i), 16);
        }
        return signed ? value << 8 >> 8 : value;
    }

    private static boolean allDigits(final String s, final int from, final int to, final int expected) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) != expected) {
                return false;
            }
        }
        return true;
    }
}
