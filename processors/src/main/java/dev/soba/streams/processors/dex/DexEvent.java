package dev.soba.streams.processors.dex;

/**
 * A DEX event decoded from a log by {@link DexEventDecoder}. Addresses are lower-case hex; amounts
 * are raw token units, exactly as the pool or factory logged them.
 */
public sealed interface DexEvent permits V2Swap, V2Sync, V3Swap, PairCreated, PoolCreated {

    LogMeta meta();
}
