package dev.soba.streams.processors.dex;

import java.math.BigInteger;

/**
 * Uniswap V2 (and forks) {@code Sync(uint112 reserve0, uint112 reserve1)}: the pair's reserves after
 * every mint, burn, swap and sync.
 */
public record V2Sync(LogMeta meta, String pool, BigInteger reserve0, BigInteger reserve1) implements DexEvent {
}
