package dev.soba.streams.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * keccak256 of a label and some numbers: the one source of every synthetic identity (hashes,
 * addresses, random seeds), so each is a pure function of the seed and its position.
 */
final class LabelledHash {

    private LabelledHash() {
    }

    static byte[] of(final String label, final long... parts) {
        final byte[] name = label.getBytes(StandardCharsets.UTF_8);
        final ByteBuffer preimage = ByteBuffer.allocate(name.length + 1 + Long.BYTES * parts.length);
        preimage.put(name).put((byte) 0);
        for (final long part : parts) {
            preimage.putLong(part);
        }
        return Hash.sha3(preimage.array());
    }

    /** A 32-byte hash as ethereum-etl writes it: 0x and 64 lower-case hex digits. */
    static String hex(final String label, final long... parts) {
        return Numeric.toHexString(of(label, parts));
    }

    /** The low 20 bytes, as an address is taken from a hash. */
    static String address(final String label, final long... parts) {
        return Numeric.toHexString(of(label, parts), 12, 20, true);
    }

    static long seed(final String label, final long... parts) {
        return ByteBuffer.wrap(of(label, parts)).getLong();
    }
}
