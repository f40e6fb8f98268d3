package dev.soba.streams.simulator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The outside market the demo's traders watch: stablecoins hold their peg, WETH and WBTC follow
 * slow tides around their genesis prices. Traders lean towards trades that pull a pool back to
 * these prices, so the pools stay roughly consistent with each other (in the market scenario the
 * arbitrage bots close the rest) while still showing trends in candles. A pure function of (seed,
 * block number).
 */
final class ReferencePrices {

    /** How strongly traders lean: a 1% mispricing shifts the odds of a direction by 10 points. */
    private static final double LEAN_PER_DEVIATION = 10.0;
    private static final double MAX_LEAN = 0.4;

    private final Map<String, ConstantProductPair> genesis;
    private final double wethPhase;
    private final double wbtcPhase;

    ReferencePrices(final long seed) {
        this(seed, MarketGenesis.pairs());
    }

    /** @param genesisPairs the pools at genesis, whose prices are the reference's starting point */
    ReferencePrices(final long seed, final List<ConstantProductPair> genesisPairs) {
        this.genesis = genesisPairs.stream()
                .collect(Collectors.toUnmodifiableMap(ConstantProductPair::address, Function.identity()));
        final SplittableRandom rng = new SplittableRandom(LabelledHash.seed("reference-prices", seed));
        this.wethPhase = rng.nextDouble(2 * StrictMath.PI);
        this.wbtcPhase = rng.nextDouble(2 * StrictMath.PI);
    }

    /** The token's price at this height relative to genesis: 1.0 means unchanged. */
    double tide(final Erc20Token token, final long number) {
        if (token.equals(MarketGenesis.WETH)) {
            return 1 + 0.06 * StrictMath.sin(2 * StrictMath.PI * (number % 3_600) / 3_600.0 + wethPhase);
        }
        if (token.equals(MarketGenesis.WBTC)) {
            return 1 + 0.04 * StrictMath.sin(2 * StrictMath.PI * (number % 5_400) / 5_400.0 + wbtcPhase);
        }
        return 1.0;
    }

    /** The chance that a retail swap in this pool sells token0, above 0.5 when token0 is dear in the pool. */
    double chanceToSellToken0(final ConstantProductPair pair, final long number) {
        final ConstantProductPair start = genesis.get(pair.address());
        // price of token0 in token1 now, relative to genesis: (r1 / r0) / (g1 / g0)
        final double relative = new BigDecimal(pair.reserve1().multiply(start.reserve0()))
                .divide(new BigDecimal(pair.reserve0().multiply(start.reserve1())), MathContext.DECIMAL64)
                .doubleValue();
        final double reference = tide(pair.token0(), number) / tide(pair.token1(), number);
        final double lean = (relative / reference - 1) * LEAN_PER_DEVIATION;
        return 0.5 + Math.max(-MAX_LEAN, Math.min(MAX_LEAN, lean));
    }
}
