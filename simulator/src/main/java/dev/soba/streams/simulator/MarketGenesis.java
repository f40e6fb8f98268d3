package dev.soba.streams.simulator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The economy's fixed part: tokens and pools use their mainnet addresses (pairs derived by
 * CREATE2 from the Uniswap V2 and SushiSwap factories) so a mainnet pool registry decodes the
 * demo's swaps; initial reserves put WETH near 3,000 USD and WBTC near 20 WETH. The SushiSwap
 * pools, at the same prices with about a third of the depth, exist only in the market scenario.
 */
final class MarketGenesis {

    static final Erc20Token WETH = new Erc20Token("WETH", "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", 18);
    static final Erc20Token USDC = new Erc20Token("USDC", "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", 6);
    static final Erc20Token DAI = new Erc20Token("DAI", "0x6b175474e89094c44da98b954eedeac495271d0f", 18);
    static final Erc20Token WBTC = new Erc20Token("WBTC", "0x2260fac5e5542a773aa44fbcfedf7c193bc2c599", 8);
    static final List<Erc20Token> TOKENS = List.of(WETH, USDC, DAI, WBTC);

    static final int TRADER_COUNT = 50;

    /** How much of each token a trader starts with, in hundredths of a token: a spread from small to large wallets. */
    private static final List<StartingHolding> STARTING_HOLDINGS = List.of(
            new StartingHolding(WETH, 50, 6_000),
            new StartingHolding(USDC, 50_000, 15_000_000),
            new StartingHolding(DAI, 50_000, 15_000_000),
            new StartingHolding(WBTC, 1, 300));

    private static final Map<String, Dex> DEX_BY_PAIR = dexByPair();

    private MarketGenesis() {
    }

    /** The Uniswap V2 pools: the plain chain's whole market. */
    static List<ConstantProductPair> pairs() {
        return List.of(
                pair(Dex.UNISWAP_V2, WETH, 5_000, USDC, 15_000_000),
                pair(Dex.UNISWAP_V2, WETH, 2_000, DAI, 6_000_000),
                pair(Dex.UNISWAP_V2, USDC, 5_000_000, DAI, 5_000_000),
                pair(Dex.UNISWAP_V2, WBTC, 100, WETH, 2_000));
    }

    /** The scenario's pools, Uniswap's first. */
    static List<ConstantProductPair> pairs(final Scenario scenario) {
        if (!scenario.secondDex()) {
            return pairs();
        }
        final List<ConstantProductPair> all = new ArrayList<>(pairs());
        all.addAll(sushiSwapPairs());
        return List.copyOf(all);
    }

    private static List<ConstantProductPair> sushiSwapPairs() {
        return List.of(
                pair(Dex.SUSHISWAP, WETH, 1_600, USDC, 4_800_000),
                pair(Dex.SUSHISWAP, WETH, 700, DAI, 2_100_000),
                pair(Dex.SUSHISWAP, USDC, 1_500_000, DAI, 1_500_000),
                pair(Dex.SUSHISWAP, WBTC, 30, WETH, 600));
    }

    /** The exchange a pool of the synthetic market belongs to. */
    static Dex dexOf(final String pairAddress) {
        final Dex dex = DEX_BY_PAIR.get(pairAddress);
        if (dex == null) {
            throw new IllegalArgumentException("not a pool of the synthetic market: " + pairAddress);
        }
        return dex;
    }

    private static Map<String, Dex> dexByPair() {
        final Map<String, Dex> byPair = new HashMap<>();
        pairs().forEach(p -> byPair.put(p.address(), Dex.UNISWAP_V2));
        sushiSwapPairs().forEach(p -> byPair.put(p.address(), Dex.SUSHISWAP));
        return Map.copyOf(byPair);
    }

    static List<StartingHolding> startingHoldings() {
        return STARTING_HOLDINGS;
    }

    private static ConstantProductPair pair(final Dex dex, final Erc20Token a, final long wholeA, final Erc20Token b,
                                            final long wholeB) {
        final String address = dex.pairAddress(a.address(), b.address());
        return a.address().compareTo(b.address()) < 0
                ? new ConstantProductPair(address, a, b, a.units(wholeA), b.units(wholeB))
                : new ConstantProductPair(address, b, a, b.units(wholeB), a.units(wholeA));
    }

    /** A range of starting balances of one token, in hundredths of a token. */
    record StartingHolding(Erc20Token token, long minCents, long maxCents) {

        BigInteger rawUnits(final long cents) {
            return BigInteger.valueOf(cents).multiply(BigInteger.TEN.pow(token.decimals() - 2));
        }
    }
}
