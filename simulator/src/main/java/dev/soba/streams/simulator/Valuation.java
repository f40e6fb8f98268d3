package dev.soba.streams.simulator;

import java.math.BigInteger;

/**
 * What an amount of a token is worth in wei at the Uniswap pools' current prices: how searchers
 * weigh a profit in any token against the gas they pay in ether. Floating point is fine here (only
 * decisions depend on it, and Java's double arithmetic is deterministic).
 */
final class Valuation {

    static final double GWEI = 1e9;

    private Valuation() {
    }

    static double inWei(final Economy economy, final Erc20Token token, final BigInteger amount) {
        return amount.doubleValue() * weiPerUnit(economy, token);
    }

    /** Wei per raw unit of the token, from its Uniswap pool with WETH. */
    static double weiPerUnit(final Economy economy, final Erc20Token token) {
        if (token.equals(MarketGenesis.WETH)) {
            return 1.0;
        }
        final ConstantProductPair pool = economy.pair(Dex.UNISWAP_V2.pairAddress(token.address(),
                MarketGenesis.WETH.address()));
        return pool.reserveOf(MarketGenesis.WETH).doubleValue() / pool.reserveOf(token).doubleValue();
    }

    /** What {@code gas} costs at this block's base fee plus a searcher's typical 2 gwei tip, in wei. */
    static double gasCostWei(final long gas, final long baseFee) {
        return gas * (baseFee + 2 * GWEI);
    }
}
