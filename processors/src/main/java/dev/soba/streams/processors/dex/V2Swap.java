package dev.soba.streams.processors.dex;

import java.math.BigInteger;

/**
 * Uniswap V2 (and forks) {@code Swap(address indexed sender, uint256 amount0In, uint256 amount1In,
 * uint256 amount0Out, uint256 amount1Out, address indexed to)}.
 *
 * @param pool the pair that emitted the log
 */
public record V2Swap(LogMeta meta, String pool, String sender, String to, BigInteger amount0In, BigInteger amount1In,
                     BigInteger amount0Out, BigInteger amount1Out) implements DexEvent {

    /** Net token0 into the pool, V3's sign convention. */
    public BigInteger amount0() {
        return amount0In.subtract(amount0Out);
    }

    /** Net token1 into the pool, V3's sign convention. */
    public BigInteger amount1() {
        return amount1In.subtract(amount1Out);
    }
}
