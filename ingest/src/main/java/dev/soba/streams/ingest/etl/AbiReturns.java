package dev.soba.streams.ingest.etl;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.web3j.utils.Numeric;

/**
 * Strict decoding of {@code eth_call} return data, as web3.py with eth-abi 2 does it for ethereum-etl's
 * token calls: data too short, a string that is not UTF-8, a {@code uint8} that does not fit, are no
 * value (ethereum-etl ignores those errors and tries the next variant of the call). NUL characters are
 * removed from text ({@code clean_user_provided_content}).
 */
public final class AbiReturns {

    private static final int WORD = 32;
    private static final BigInteger UINT8_MAX = BigInteger.valueOf(255);

    private AbiReturns() {
    }

    /** An ABI {@code string}: offset word, length word, the bytes. */
    public static Optional<String> string(final String returnData) {
        final byte[] data = bytes(returnData);
        if (data.length < WORD) {
            return Optional.empty();
        }
        final BigInteger offset = word(data, 0);
        if (offset.compareTo(BigInteger.valueOf(data.length - WORD)) > 0) {
            return Optional.empty();
        }
        final int lengthAt = offset.intValueExact();
        final BigInteger length = word(data, lengthAt);
        if (length.compareTo(BigInteger.valueOf(data.length - lengthAt - WORD)) > 0) {
            return Optional.empty();
        }
        final int start = lengthAt + WORD;
        return utf8(data, start, length.intValueExact());
    }

    /** A {@code bytes32} read as UTF-8 text (trailing zero bytes decode to NULs, which are then removed). */
    public static Optional<String> bytes32(final String returnData) {
        final byte[] data = bytes(returnData);
        return data.length < WORD ? Optional.empty() : utf8(data, 0, WORD);
    }

    /** A {@code uint256}. */
    public static Optional<BigInteger> uint256(final String returnData) {
        final byte[] data = bytes(returnData);
        return data.length < WORD ? Optional.empty() : Optional.of(word(data, 0));
    }

    /** A {@code uint8}: a word whose value fits in one byte. */
    public static Optional<BigInteger> uint8(final String returnData) {
        return uint256(returnData).filter(value -> value.compareTo(UINT8_MAX) <= 0);
    }

    private static byte[] bytes(final String returnData) {
        if (returnData == null) {
            return new byte[0];
        }
        try {
            return Numeric.hexStringToByteArray(returnData);
        } catch (final RuntimeException notHex) {
            return new byte[0];
        }
    }

    private static BigInteger word(final byte[] data, final int at) {
        final byte[] word = new byte[WORD];
        System.arraycopy(data, at, word, 0, WORD);
        return new BigInteger(1, word);
    }

    private static Optional<String> utf8(final byte[] data, final int start, final int length) {
        try {
            final String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, start, length)).toString();
            return Optional.of(text.replace("\u0000", ""));
        } catch (final CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }
}
