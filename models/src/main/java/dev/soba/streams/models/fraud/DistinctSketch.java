package dev.soba.streams.models.fraud;

import java.util.Arrays;

/**
 * A count of distinct addresses in bounded memory (a "k minimum values" sketch): it keeps the
 * {@value #BOUND} smallest 64-bit hashes it has seen. Below {@value #BOUND} distinct values the
 * count is exact; above, it is the estimate {@code (k-1) / kth-smallest-hash} (relative standard
 * error about 1/sqrt(k-2), 6 %), so an exchange with a million counterparties costs 2 KB like a
 * wallet with 300. Order-independent: the stream and a batch computation over the same events agree.
 *
 * @param hashes the smallest hashes seen, ascending (unsigned), at most {@value #BOUND}
 */
public record DistinctSketch(long[] hashes) {

    /** Distinct values counted exactly, and hashes kept per sketch. */
    public static final int BOUND = 256;

    private static final DistinctSketch EMPTY = new DistinctSketch(new long[0]);

    public static DistinctSketch empty() {
        return EMPTY;
    }

    /** This sketch with one more value (itself when the value is known or cannot change the count). */
    public DistinctSketch with(final String value) {
        final long hash = hash(value);
        final int at = Arrays.binarySearch(hashes, hash);
        if (at >= 0) {
            return this;
        }
        final int insert = -at - 1;
        if (hashes.length == BOUND && insert == BOUND) {
            return this;
        }
        final int length = Math.min(BOUND, hashes.length + 1);
        final long[] next = new long[length];
        System.arraycopy(hashes, 0, next, 0, insert);
        next[insert] = hash;
        System.arraycopy(hashes, insert, next, insert + 1, length - insert - 1);
        return new DistinctSketch(next);
    }

    /** The number of distinct values: exact below {@value #BOUND}, an estimate above. */
    public double count() {
        if (hashes.length < BOUND) {
            return hashes.length;
        }
        final double kth = (hashes[BOUND - 1] >>> 10) * 0x1.0p-53;
        return Math.round((BOUND - 1) / kth);
    }

    /** A 63-bit hash, so that signed order is value order. */
    static long hash(final String value) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            h ^= value.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h >>> 1; // non-negative: signed order is value order
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof DistinctSketch sketch && Arrays.equals(hashes, sketch.hashes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hashes);
    }

    @Override
    public String toString() {
        return "DistinctSketch[" + hashes.length + "]";
    }
}
