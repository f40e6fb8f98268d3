package dev.soba.streams.schemas;

/**
 * The value of the reorgs topic: a height that was already known arrived with another hash.
 * The new hash is canonical from now on; results derived from the old block are retracted.
 */
public record ReorgEvent(long blockNumber, String oldHash, String newHash, long detectedAt) {
}
