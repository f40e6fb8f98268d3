package dev.soba.streams.processors.dex;

import dev.soba.streams.schemas.market.PoolInfo;
import dev.soba.streams.schemas.market.Swap;
import dev.soba.streams.schemas.market.Trade;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Normalises decoded swap events into {@link Swap}s (semantics in its javadoc) and resolved swaps into
 * {@link Trade}s. What the pool registry does not know stays null in the swap, and the swap is still
 * built: a pool learned later must not mean a swap lost now.
 */
public final class SwapBuilder {

    public static final String UNISWAP_V2 = "uniswap_v2";
    public static final String UNISWAP_V3 = "uniswap_v3";

    private SwapBuilder() {
    }

    /**
     * @param pool the registry's entry for {@code swap.pool()}, if any (an entry for another address is
     *             ignored)
     */
    public static Swap fromV3(final V3Swap swap, final Optional<PoolInfo> pool) {
        final Optional<PoolInfo> known = pool.filter(p -> swap.pool().equals(p.address()));
        final Flow flow = Flow.of(swap.amount0(), swap.amount1(), known);
        final Optional<BigDecimal> price = known.flatMap(SwapBuilder::decimals)
                .map(d -> PoolPrices.fromSqrtPriceX96(swap.sqrtPriceX96(), d.decimals0(), d.decimals1()));
        final LogMeta meta = swap.meta();
        return new Swap(swap.pool(), UNISWAP_V3, meta.blockNumber(), meta.blockHash(), meta.transactionHash(),
                meta.logIndex(), meta.timestampMillis(), swap.sender(), swap.recipient(), swap.amount0(),
                swap.amount1(), flow.tokenIn(), flow.tokenOut(), flow.amountIn(), flow.amountOut(),
                swap.sqrtPriceX96(), swap.liquidity(), swap.tick(), null, null, price.orElse(null),
                pairName(known), isResolved(known));
    }

    /**
     * @param syncOfSameTx the pair's {@code Sync} logged just before the swap ({@link V2SwapPairing});
     *                     a sync of another pool or transaction is ignored
     * @param pool         the registry's entry for {@code swap.pool()}, if any
     */
    public static Swap fromV2(final V2Swap swap, final Optional<V2Sync> syncOfSameTx, final Optional<PoolInfo> pool) {
        final Optional<PoolInfo> known = pool.filter(p -> swap.pool().equals(p.address()));
        final Optional<V2Sync> sync = syncOfSameTx.filter(s -> s.pool().equals(swap.pool())
                && s.meta().transactionHash().equals(swap.meta().transactionHash()));
        final BigInteger amount0 = swap.amount0();
        final BigInteger amount1 = swap.amount1();
        final Flow flow = Flow.of(amount0, amount1, known);
        final Optional<BigDecimal> price = sync.flatMap(s -> known.flatMap(SwapBuilder::decimals)
                .flatMap(d -> PoolPrices.fromReserves(s.reserve0(), s.reserve1(), d.decimals0(), d.decimals1())));
        final LogMeta meta = swap.meta();
        return new Swap(swap.pool(), UNISWAP_V2, meta.blockNumber(), meta.blockHash(), meta.transactionHash(),
                meta.logIndex(), meta.timestampMillis(), swap.sender(), swap.to(), amount0, amount1,
                flow.tokenIn(), flow.tokenOut(), flow.amountIn(), flow.amountOut(), null, null, null,
                sync.map(V2Sync::reserve0).orElse(null), sync.map(V2Sync::reserve1).orElse(null),
                price.orElse(null), pairName(known), isResolved(known));
    }

    /**
     * The swap as candles see it: quote per base at the pool's price after the swap, amounts in human
     * units. Empty when the swap is unresolved, has no price, or moved no base token.
     */
    public static Optional<Trade> toTrade(final Swap swap, final PoolInfo pool) {
        if (!swap.resolved() || swap.price() == null || !pool.resolved()
                || !pool.address().equals(swap.poolAddress())) {
            return Optional.empty();
        }
        final Optional<PairOrientation> orientation = PairNaming.orient(pool);
        if (orientation.isEmpty()) {
            return Optional.empty();
        }
        final boolean baseIsToken0 = orientation.get().baseIsToken0();
        final BigInteger base = (baseIsToken0 ? swap.amount0() : swap.amount1()).abs();
        final BigInteger quote = (baseIsToken0 ? swap.amount1() : swap.amount0()).abs();
        final Optional<BigDecimal> price = baseIsToken0
                ? Optional.of(swap.price()).filter(p -> p.signum() > 0)
                : PoolPrices.inverse(swap.price());
        if (base.signum() == 0 || price.isEmpty()) {
            return Optional.empty();
        }
        final int baseDecimals = baseIsToken0 ? pool.token0Decimals() : pool.token1Decimals();
        final int quoteDecimals = baseIsToken0 ? pool.token1Decimals() : pool.token0Decimals();
        return Optional.of(new Trade(pool.address(), orientation.get().pair(), eventTime(swap), price.get(),
                new BigDecimal(base, baseDecimals), new BigDecimal(quote, quoteDecimals),
                swap.transactionHash() + ":" + swap.logIndex()));
    }

    /**
     * A swap's event time for candles: its block's timestamp (whole seconds) plus its log index in
     * milliseconds, capped at 999. The trades of one block then keep chain order in candles (open is
     * the block's first swap, close its last) whatever order they reach the candle processor in,
     * and never leave the block's second, so never cross a window boundary.
     */
    static long eventTime(final Swap swap) {
        return swap.timestamp() + Math.min(Math.max(swap.logIndex(), 0), 999);
    }

    private static String pairName(final Optional<PoolInfo> pool) {
        return pool.filter(PoolInfo::resolved).flatMap(PairNaming::orient).map(PairOrientation::pair).orElse(null);
    }

    private static boolean isResolved(final Optional<PoolInfo> pool) {
        return pool.map(PoolInfo::resolved).orElse(false);
    }

    private static Optional<Decimals> decimals(final PoolInfo pool) {
        if (pool.token0Decimals() == null || pool.token1Decimals() == null) {
            return Optional.empty();
        }
        return Optional.of(new Decimals(pool.token0Decimals(), pool.token1Decimals()));
    }

    private record Decimals(int decimals0, int decimals1) {
    }

    /**
     * Which token went in and which came out. Only a swap with exactly one side paid in (positive) and
     * the other not has a direction; anything else (both paid in, as a V2 swap after a donation can
     * show, or nothing moved) leaves the direction null rather than guess.
     */
    private record Flow(String tokenIn, String tokenOut, BigInteger amountIn, BigInteger amountOut) {

        static Flow of(final BigInteger amount0, final BigInteger amount1, final Optional<PoolInfo> pool) {
            final String token0 = pool.map(PoolInfo::token0).orElse(null);
            final String token1 = pool.map(PoolInfo::token1).orElse(null);
            if (amount0.signum() > 0 && amount1.signum() <= 0) {
                return new Flow(token0, token1, amount0, amount1.negate());
            }
            if (amount1.signum() > 0 && amount0.signum() <= 0) {
                return new Flow(token1, token0, amount1, amount0.negate());
            }
            return new Flow(null, null, null, null);
        }
    }
}
