package dev.soba.streams.processors.dex;

import java.math.BigInteger;

/**
 * Uniswap V3 (and forks) {@code Swap(address indexed sender, address indexed recipient, int256 amount0,
 * int256 amount1, uint160 sqrtPriceX96, uint128 liquidity, int24 tick)}; the price, liquidity and tick
 * are the pool's state after the swap.
 */
public record V3Swap(LogMeta meta, String pool, String sender, String recipient, BigInteger amount0,
                     BigInteger amount1, BigInteger sqrtPriceX96, BigInteger liquidity, int tick) implements DexEvent {
}
