package dev.soba.streams.processors.dex;

/**
 * How a pool is named as a market.
 *
 * @param pair         {@code BASE-QUOTE} by upper-case symbol, e.g. {@code WETH-USDC}
 * @param baseIsToken0 the base is the pool's token0 (its token1 price is then quote per base as is)
 */
public record PairOrientation(String pair, boolean baseIsToken0) {
}
