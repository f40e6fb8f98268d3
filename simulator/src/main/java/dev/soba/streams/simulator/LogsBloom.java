package dev.soba.streams.simulator;

import java.util.List;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The block's 2048-bit logs bloom, computed as clients do (yellow paper M3:2048 over each log's
 * address and topics), so a consumer filtering blocks by bloom finds the synthetic logs.
 */
final class LogsBloom {

    private static final int BYTES = 256;

    private LogsBloom() {
    }

    static String of(final List<LogEntry> logs) {
        final byte[] bloom = new byte[BYTES];
        for (final LogEntry log : logs) {
            add(bloom, Numeric.hexStringToByteArray(log.address()));
            for (final String topic : log.topics()) {
                add(bloom, Numeric.hexStringToByteArray(topic));
            }
        }
        return Numeric.toHexString(bloom);
    }

    private static void add(final byte[] bloom, final byte[] value) {
        final byte[] hash = Hash.sha3(value);
        for (int i = 0; i < 6; i += 2) {
            final int bit = (((hash[i] & 0xff) << 8) | (hash[i + 1] & 0xff)) & 2047;
            bloom[BYTES - 1 - bit / 8] |= (byte) (1 << (bit % 8));
        }
    }
}
