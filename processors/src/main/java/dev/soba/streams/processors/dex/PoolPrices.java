package dev.soba.streams.processors.dex;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Optional;

/**
 * A pool's price in token1 per token0, in human units (scaled by the tokens' decimals). Computed from
 * the exact integers with a single rounding to 34 significant digits: no double ever touches a price,
 * since a Q64.96 square root squared has ~100 significant bits.
 */
public final class PoolPrices {

    /** 34 significant digits, half-even: the precision of every price the project computes. */
    public static final MathContext PRECISION = MathContext.DECIMAL128;

    private static final BigDecimal Q192 = new BigDecimal(BigInteger.ONE.shiftLeft(192));

    private PoolPrices() {
    }

    /** V3: {@code (sqrtPriceX96 / 2^96)^2 × 10^(decimals0 − decimals1)}. */
    public static BigDecimal fromSqrtPriceX96(final BigInteger sqrtPriceX96, final int decimals0, final int decimals1) {
        return new BigDecimal(sqrtPriceX96.multiply(sqrtPriceX96)).divide(Q192, PRECISION)
                .scaleByPowerOfTen(decimals0 - decimals1);
    }

    /** V2: {@code reserve1 / reserve0 × 10^(decimals0 − decimals1)}; empty for an empty pool. */
    public static Optional<BigDecimal> fromReserves(final BigInteger reserve0, final BigInteger reserve1,
                                                    final int decimals0, final int decimals1) {
        if (reserve0.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(reserve1).divide(new BigDecimal(reserve0), PRECISION)
                .scaleByPowerOfTen(decimals0 - decimals1));
    }

    /** The same price seen from the other token (token0 per token1); empty for a zero price. */
    public static Optional<BigDecimal> inverse(final BigDecimal price) {
        return price.signum() == 0 ? Optional.empty() : Optional.of(BigDecimal.ONE.divide(price, PRECISION));
    }
}
