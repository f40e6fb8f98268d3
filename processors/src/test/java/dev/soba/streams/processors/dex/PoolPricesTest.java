package dev.soba.streams.processors.dex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class PoolPricesTest {

    private static final BigInteger Q96 = BigInteger.ONE.shiftLeft(96);

    /**
     * sqrtPriceX96 and tick of the Uniswap V3 USDC/WETH 0.05% pool (0x88e6…5640) after a swap on
     * 2024-01-05 (tx 0x0bb5e0dc…, block 18937382): one public on-chain value, not data from a file.
     */
    private static final BigInteger USDC_WETH_SQRT_PRICE = new BigInteger("1662995104975155420368771254341874");
    private static final int USDC_WETH_TICK = 199045;

    @Test
    void sqrtPriceOfOneIsAPriceOfOneScaledByDecimals() {
        assertThat(PoolPrices.fromSqrtPriceX96(Q96, 18, 18)).isEqualByComparingTo("1");
        assertThat(PoolPrices.fromSqrtPriceX96(Q96.shiftLeft(1), 18, 18)).isEqualByComparingTo("4");
        assertThat(PoolPrices.fromSqrtPriceX96(Q96.shiftRight(1), 18, 18)).isEqualByComparingTo("0.25");
        // one raw unit of a 6-decimals token0 per raw unit of an 18-decimals token1
        assertThat(PoolPrices.fromSqrtPriceX96(Q96, 6, 18)).isEqualByComparingTo("1E-12");
        assertThat(PoolPrices.fromSqrtPriceX96(Q96, 18, 6)).isEqualByComparingTo("1E+12");
        assertThat(PoolPrices.fromSqrtPriceX96(BigInteger.ZERO, 6, 18)).isEqualByComparingTo("0");
    }

    @Test
    void theUsdcWethPoolPricesEtherAroundTwentyTwoHundredDollarsOnJanuaryFifth() {
        final BigDecimal wethPerUsdc = PoolPrices.fromSqrtPriceX96(USDC_WETH_SQRT_PRICE, 6, 18);
        final BigDecimal usdcPerWeth = PoolPrices.inverse(wethPerUsdc).orElseThrow();

        // independent: the same formula in doubles, good to ~1e-15 relative
        final double sqrt = USDC_WETH_SQRT_PRICE.doubleValue() / Math.pow(2, 96);
        final double expected = sqrt * sqrt * 1e-12;
        assertThat(wethPerUsdc.doubleValue()).isCloseTo(expected, within(expected * 1e-12));
        // independent: the pool's tick t is floor(log_1.0001(raw price)), so the price lies in [1.0001^t, 1.0001^(t+1))
        assertThat(wethPerUsdc.doubleValue() * 1e12)
                .isBetween(Math.pow(1.0001, USDC_WETH_TICK), Math.pow(1.0001, USDC_WETH_TICK + 1));
        assertThat(usdcPerWeth).isBetween(new BigDecimal("2200"), new BigDecimal("2300"));
        assertThat(usdcPerWeth.doubleValue()).isCloseTo(1 / expected, within(1e-9));
    }

    @Test
    void pricesAreTheExactRatioRoundedOnceTo34Digits() {
        final BigDecimal price = PoolPrices.fromSqrtPriceX96(USDC_WETH_SQRT_PRICE, 6, 18);
        final BigDecimal exact = new BigDecimal(USDC_WETH_SQRT_PRICE.pow(2))
                .divide(new BigDecimal(BigInteger.ONE.shiftLeft(192)).multiply(BigDecimal.TEN.pow(12)), new MathContext(120));
        assertThat(price).isEqualTo(exact.round(new MathContext(34, RoundingMode.HALF_EVEN)));
        assertThat(price.precision()).isLessThanOrEqualTo(34);
    }

    @Test
    void reservesGiveToken1PerToken0InHumanUnits() {
        // 225,000 USDC (6 decimals) against 100 WETH (18 decimals): 1 USDC = 1/2250 WETH
        final BigInteger usdc = new BigInteger("225000000000");
        final BigInteger weth = new BigInteger("100000000000000000000");
        final BigDecimal wethPerUsdc = PoolPrices.fromReserves(usdc, weth, 6, 18).orElseThrow();

        assertThat(wethPerUsdc).isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal(2250), PoolPrices.PRECISION));
        assertThat(PoolPrices.inverse(wethPerUsdc).orElseThrow()).isCloseTo(new BigDecimal(2250), within(new BigDecimal("1E-28")));
        assertThat(PoolPrices.fromReserves(BigInteger.TEN, BigInteger.TWO, 18, 18)).contains(new BigDecimal("0.2"));
    }

    @Test
    void anEmptyPoolHasNoPrice() {
        assertThat(PoolPrices.fromReserves(BigInteger.ZERO, BigInteger.TEN, 18, 18)).isEmpty();
        assertThat(PoolPrices.inverse(BigDecimal.ZERO)).isEmpty();
    }
}
