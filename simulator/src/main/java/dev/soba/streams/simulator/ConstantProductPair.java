package dev.soba.streams.simulator;

import java.math.BigInteger;

/**
 * A Uniswap-V2-style pool at one moment: immutable, a swap returns the pool after it.
 * {@code token0} sorts before {@code token1} by address, as {@code UniswapV2Factory} orders them,
 * so Swap/Sync amounts mean the same here as on mainnet.
 */
public record ConstantProductPair(String address, Erc20Token token0, Erc20Token token1,
                                  BigInteger reserve0, BigInteger reserve1) {

    /** Sync's reserves are {@code uint112}; a pool past that reverts on mainnet. */
    static final BigInteger MAX_RESERVE = BigInteger.TWO.pow(112).subtract(BigInteger.ONE);
    private static final BigInteger FEE_NUMERATOR = BigInteger.valueOf(997);
    private static final BigInteger FEE_DENOMINATOR = BigInteger.valueOf(1000);

    public ConstantProductPair {
        if (token0.address().compareTo(token1.address()) >= 0) {
            throw new IllegalArgumentException("token0 must sort before token1: " + token0 + ", " + token1);
        }
        if (reserve0.signum() <= 0 || reserve1.signum() <= 0
                || reserve0.compareTo(MAX_RESERVE) > 0 || reserve1.compareTo(MAX_RESERVE) > 0) {
            throw new IllegalArgumentException("reserves out of uint112 range: " + reserve0 + ", " + reserve1);
        }
    }

    /** {@code UniswapV2Library.getAmountOut}: the 0.3% fee is taken from the input, integer math, rounding down. */
    public static BigInteger amountOut(final BigInteger amountIn, final BigInteger reserveIn, final BigInteger reserveOut) {
        if (amountIn.signum() <= 0) {
            throw new IllegalArgumentException("INSUFFICIENT_INPUT_AMOUNT");
        }
        final BigInteger amountInWithFee = amountIn.multiply(FEE_NUMERATOR);
        return amountInWithFee.multiply(reserveOut)
                .divide(reserveIn.multiply(FEE_DENOMINATOR).add(amountInWithFee));
    }

    public boolean holds(final Erc20Token token) {
        return token.equals(token0) || token.equals(token1);
    }

    public Erc20Token other(final Erc20Token token) {
        if (!holds(token)) {
            throw new IllegalArgumentException(token.symbol() + " is not in pair " + address);
        }
        return token.equals(token0) ? token1 : token0;
    }

    public BigInteger reserveOf(final Erc20Token token) {
        return token.equals(token0) ? reserve0 : reserve1;
    }

    /** The constant product; with the fee kept in the pool it grows with every swap. */
    public BigInteger k() {
        return reserve0.multiply(reserve1);
    }

    /** Sells {@code amountIn} of {@code tokenIn} into the pool for the other token. */
    public Fill swap(final Erc20Token tokenIn, final BigInteger amountIn) {
        final boolean zeroForOne = tokenIn.equals(token0);
        if (!holds(tokenIn)) {
            throw new IllegalArgumentException(tokenIn.symbol() + " is not in pair " + address);
        }
        final BigInteger out = amountOut(amountIn, reserveOf(tokenIn), reserveOf(other(tokenIn)));
        if (out.signum() <= 0) {
            throw new IllegalArgumentException("INSUFFICIENT_OUTPUT_AMOUNT for " + amountIn + " " + tokenIn.symbol());
        }
        final ConstantProductPair after = zeroForOne
                ? new ConstantProductPair(address, token0, token1, reserve0.add(amountIn), reserve1.subtract(out))
                : new ConstantProductPair(address, token0, token1, reserve0.subtract(out), reserve1.add(amountIn));
        return zeroForOne
                ? new Fill(after, amountIn, BigInteger.ZERO, BigInteger.ZERO, out)
                : new Fill(after, BigInteger.ZERO, amountIn, out, BigInteger.ZERO);
    }

    /** A swap's outcome, with the four amounts exactly as the Swap event carries them. */
    public record Fill(ConstantProductPair after, BigInteger amount0In, BigInteger amount1In,
                       BigInteger amount0Out, BigInteger amount1Out) {

        public BigInteger amountOut() {
            return amount0Out.max(amount1Out);
        }
    }
}
