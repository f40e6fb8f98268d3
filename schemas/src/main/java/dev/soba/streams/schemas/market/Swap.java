package dev.soba.streams.schemas.market;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * One decoded DEX swap: value of the {@code swaps} topic (keyed by pool address). Amounts are raw
 * token units. A swap on a pool the registry does not know yet is still published, with the
 * token fields, {@code price} and {@code pair} null and {@code resolved} false: never dropped.
 *
 * @param poolAddress     the pool that emitted the Swap log
 * @param protocol        {@code uniswap_v2} or {@code uniswap_v3}
 * @param timestamp       block timestamp in epoch millis
 * @param sender          the Swap event's sender (often a router)
 * @param recipient       the Swap event's recipient ({@code to} in V2)
 * @param amount0         net token0 into the pool (negative: out of the pool), V3's convention; V2: in − out
 * @param amount1         net token1 into the pool
 * @param tokenIn         the token paid into the pool (null when the pool is unknown)
 * @param tokenOut        the token taken out of the pool (null when the pool is unknown)
 * @param amountIn        raw units of tokenIn (the positive net amount)
 * @param amountOut       raw units of tokenOut (the magnitude of the negative net amount)
 * @param sqrtPriceX96    V3: the pool's sqrt price after the swap, Q64.96; null for V2
 * @param liquidity       V3: the pool's in-range liquidity after the swap; null for V2
 * @param tick            V3: the pool's tick after the swap; null for V2
 * @param reserve0        V2: token0 reserve after the swap (the Sync of the same transaction); null for V3
 * @param reserve1        V2: token1 reserve after the swap; null for V3
 * @param price           the pool's price after the swap in token1 per token0, scaled by the tokens'
 *                        decimals; null when decimals are unknown (or, V2, no Sync was seen)
 * @param pair            {@code BASE-QUOTE} by symbol, the quote chosen by {@code PairNaming}
 *                        (e.g. {@code WETH-USDC}); null when unresolved
 * @param resolved        the pool's tokens and decimals were known
 */
public record Swap(
        String poolAddress,
        String protocol,
        long blockNumber,
        String blockHash,
        String transactionHash,
        long logIndex,
        long timestamp,
        String sender,
        String recipient,
        BigInteger amount0,
        BigInteger amount1,
        String tokenIn,
        String tokenOut,
        BigInteger amountIn,
        BigInteger amountOut,
        BigInteger sqrtPriceX96,
        BigInteger liquidity,
        Integer tick,
        BigInteger reserve0,
        BigInteger reserve1,
        BigDecimal price,
        String pair,
        boolean resolved) {
}
