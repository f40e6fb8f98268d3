package dev.soba.streams.processors.dex;

/**
 * Where a decoded event was logged: enough to key, order and de-duplicate it.
 *
 * @param timestampMillis block timestamp in epoch millis; 0 when the producer sent no
 *                        {@code block_timestamp} (older ethereum-etl), so the event is still decoded
 */
public record LogMeta(long blockNumber, String blockHash, String transactionHash, long logIndex, long timestampMillis) {
}
