package dev.soba.streams.processors.dex;

/**
 * Uniswap V2 factory (and forks) {@code PairCreated(address indexed token0, address indexed token1,
 * address pair, uint256)}; the trailing {@code allPairs.length} is not kept.
 */
public record PairCreated(LogMeta meta, String factory, String token0, String token1, String pair)
        implements DexEvent {
}
