package dev.soba.streams.processors.dex;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.schemas.LogItem;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

/**
 * ethereum-etl log items built by the DEX tests, with ABI words encoded here by plain string padding
 * and arithmetic (not with the code under test), parsed by the production {@code ItemParser}.
 */
final class TestLogs {

    static final long BLOCK = 17173049L;
    static final long TIMESTAMP = 1683029999L;
    static final String BLOCK_HASH = TestItems.hash("block-" + BLOCK);
    static final BigInteger TWO_TO_256 = BigInteger.ONE.shiftLeft(256);

    private TestLogs() {
    }

    /** A uint word: the value's hex, left-padded with zeros to 64 digits. */
    static String uintWord(final BigInteger value) {
        final String hex = value.toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    static String uintWord(final long value) {
        return uintWord(BigInteger.valueOf(value));
    }

    /** An int word: two's complement, i.e. 2^256 + value for a negative value. */
    static String intWord(final BigInteger value) {
        return uintWord(value.signum() < 0 ? TWO_TO_256.add(value) : value);
    }

    static String intWord(final long value) {
        return intWord(BigInteger.valueOf(value));
    }

    /** An address word: 12 zero bytes, then the 20 address bytes. */
    static String addressWord(final String address) {
        return "0".repeat(24) + address.substring(2);
    }

    static String topic(final String word) {
        return "0x" + word;
    }

    static String data(final String... words) {
        return "0x" + String.join("", words);
    }

    static LogItem log(final String address, final List<String> topics, final String data, final String txHash,
                       final long logIndex) {
        return log(address, topics, data, txHash, logIndex, BLOCK, BLOCK_HASH);
    }

    static LogItem log(final String address, final List<String> topics, final String data, final String txHash,
                       final long logIndex, final long blockNumber, final String blockHash) {
        final String json = """
                {"type": "log", "log_index": %d, "transaction_hash": "%s", "transaction_index": 3,
                 "address": "%s", "data": "%s", "topics": [%s], "block_number": %d,
                 "block_timestamp": %d, "block_hash": "%s"}
                """.formatted(logIndex, txHash, address, data,
                topics.stream().map(t -> '"' + t + '"').collect(Collectors.joining(", ")), blockNumber,
                TIMESTAMP, blockHash);
        return TestItems.parse(json, LogItem.class);
    }
}
