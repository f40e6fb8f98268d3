package dev.soba.streams.processors.dex;

/**
 * Uniswap V3 factory (and forks) {@code PoolCreated(address indexed token0, address indexed token1,
 * uint24 indexed fee, int24 tickSpacing, address pool)}.
 */
public record PoolCreated(LogMeta meta, String factory, String token0, String token1, int fee, int tickSpacing,
                          String pool) implements DexEvent {
}
