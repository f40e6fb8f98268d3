package dev.soba.streams.ingest.chain;

import java.util.Locale;
import java.util.Objects;

/** A block's place in the chain: its height, its hash and its parent's hash (lower-case hex). */
public record ChainLink(long number, String hash, String parentHash) {

    public ChainLink {
        if (number < 0) {
            throw new IllegalArgumentException("block number must not be negative, got " + number);
        }
        hash = Objects.requireNonNull(hash, "hash").toLowerCase(Locale.ROOT);
        parentHash = Objects.requireNonNull(parentHash, "parent hash").toLowerCase(Locale.ROOT);
    }

    /** Whether {@code child} names this block as its parent. */
    public boolean isParentOf(final ChainLink child) {
        return child.number() == number + 1 && child.parentHash().equals(hash);
    }
}
