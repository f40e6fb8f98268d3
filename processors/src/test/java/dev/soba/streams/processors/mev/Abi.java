package dev.soba.streams.processors.mev;

import java.math.BigInteger;
import java.util.Locale;
import org.web3j.crypto.Hash;

/**
 * Call data written by the tests by hand: the selector is keccak-256 of the signature, every argument
 * a 32-byte word padded by plain string arithmetic (independent of the decoder under test).
 */
public final class Abi {

    private static final BigInteger TWO_TO_256 = BigInteger.ONE.shiftLeft(256);

    private Abi() {
    }

    public static String selector(final String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }

    /** Selector followed by the given words (offsets and tails of dynamic values included). */
    public static String call(final String signature, final String... words) {
        return selector(signature) + String.join("", words);
    }

    public static String uint(final BigInteger value) {
        final String hex = value.toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    public static String uint(final long value) {
        return uint(BigInteger.valueOf(value));
    }

    public static String integer(final long value) {
        return uint(value < 0 ? TWO_TO_256.add(BigInteger.valueOf(value)) : BigInteger.valueOf(value));
    }

    public static String address(final String address) {
        return "0".repeat(24) + address.substring(2).toLowerCase(Locale.ROOT);
    }

    public static String bool(final boolean value) {
        return uint(value ? 1 : 0);
    }

    public static String bytes32(final String seed) {
        return Hash.sha3String(seed).substring(2);
    }

    /** An empty dynamic {@code bytes} as the last of {@code headWords} arguments: its offset, then length 0. */
    public static String[] emptyBytesAfter(final String... staticWords) {
        final String[] words = new String[staticWords.length + 2];
        System.arraycopy(staticWords, 0, words, 0, staticWords.length);
        words[staticWords.length] = uint(32L * (staticWords.length + 1));
        words[staticWords.length + 1] = uint(0);
        return words;
    }
}
