package dev.soba.streams.processors.dex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.schemas.market.PoolInfo;
import dev.soba.streams.schemas.market.Swap;
import dev.soba.streams.schemas.market.Trade;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SwapBuilderTest {

    private static final String USDC = KnownTokens.USDC.address();
    private static final String WETH = KnownTokens.WETH.address();
    private static final String USDT = KnownTokens.USDT.address();
    private static final String V3_POOL = "0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640";
    private static final String V2_PAIR = "0x0d4a11d5eeaac28ec3f61d100daf4d40471f1852";
    private static final String ROUTER = TestItems.address("router");
    private static final String TRADER = TestItems.address("trader");
    private static final String TX = TestItems.hash("swap-tx");
    private static final LogMeta META = new LogMeta(18937382, TestItems.hash("block"), TX, 250, 1_704_412_823_000L);

    private static final PoolInfo USDC_WETH = new PoolInfo(V3_POOL, "uniswap_v3", USDC, WETH, 500, "USDC", "WETH", 6,
            18, "factory_log");
    private static final PoolInfo WETH_USDT = new PoolInfo(V2_PAIR, "uniswap_v2", WETH, USDT, 3000, "WETH", "USDT", 18,
            6, "factory_log");

    private static final BigInteger SQRT_PRICE = new BigInteger("1662990119151672310826534140478120");
    /** 1,779.711470 USDC in, 0.783707260129944808 WETH out. */
    private static final V3Swap BUY_WETH = new V3Swap(META, V3_POOL, ROUTER, TRADER, BigInteger.valueOf(1_779_711_470L),
            new BigInteger("-783707260129944808"), SQRT_PRICE, new BigInteger("12453647101533358277"), 199045);

    @Test
    void aV3SwapOnAKnownPoolIsResolved() {
        final Swap swap = SwapBuilder.fromV3(BUY_WETH, Optional.of(USDC_WETH));

        assertThat(swap).isEqualTo(new Swap(V3_POOL, "uniswap_v3", 18937382, META.blockHash(), TX, 250,
                1_704_412_823_000L, ROUTER, TRADER, BigInteger.valueOf(1_779_711_470L),
                new BigInteger("-783707260129944808"), USDC, WETH, BigInteger.valueOf(1_779_711_470L),
                new BigInteger("783707260129944808"), SQRT_PRICE, new BigInteger("12453647101533358277"), 199045, null,
                null, PoolPrices.fromSqrtPriceX96(SQRT_PRICE, 6, 18), "WETH-USDC", true));
    }

    @Test
    void aV3SwapOnAnUnknownPoolKeepsItsAmountsAndNothingElse() {
        final Swap swap = SwapBuilder.fromV3(BUY_WETH, Optional.empty());

        assertThat(swap.resolved()).isFalse();
        assertThat(swap.tokenIn()).isNull();
        assertThat(swap.tokenOut()).isNull();
        assertThat(swap.price()).isNull();
        assertThat(swap.pair()).isNull();
        assertThat(swap.amount0()).isEqualTo(BUY_WETH.amount0());
        assertThat(swap.amount1()).isEqualTo(BUY_WETH.amount1());
        assertThat(swap.amountIn()).isEqualTo(BigInteger.valueOf(1_779_711_470L));
        assertThat(swap.amountOut()).isEqualTo(new BigInteger("783707260129944808"));
        assertThat(swap.sqrtPriceX96()).isEqualTo(SQRT_PRICE);
        assertThat(swap.tick()).isEqualTo(199045);
        // a registry entry for another address is not this pool's
        assertThat(SwapBuilder.fromV3(BUY_WETH, Optional.of(WETH_USDT))).isEqualTo(swap);
    }

    @Test
    void aPoolWithTokensButNoMetadataGivesDirectionButNoPriceOrPair() {
        final PoolInfo bare = new PoolInfo(V3_POOL, "uniswap_v3", USDC, WETH, 500, null, null, null, null, "factory_log");
        final Swap swap = SwapBuilder.fromV3(BUY_WETH, Optional.of(bare));

        assertThat(swap.tokenIn()).isEqualTo(USDC);
        assertThat(swap.tokenOut()).isEqualTo(WETH);
        assertThat(swap.price()).isNull();
        assertThat(swap.pair()).isNull();
        assertThat(swap.resolved()).isFalse();
    }

    @Test
    void aV2SwapTakesReservesAndPriceFromItsSync() {
        // 1 WETH in, 2,245.5 USDT out; reserves after: 1,000 WETH / 2,250,000 USDT
        final V2Swap sell = new V2Swap(META, V2_PAIR, ROUTER, TRADER, new BigInteger("1000000000000000000"),
                BigInteger.ZERO, BigInteger.ZERO, BigInteger.valueOf(2_245_500_000L));
        final V2Sync sync = new V2Sync(new LogMeta(18937382, META.blockHash(), TX, 249, META.timestampMillis()), V2_PAIR,
                new BigInteger("1000000000000000000000"), BigInteger.valueOf(2_250_000_000_000L));

        final Swap swap = SwapBuilder.fromV2(sell, Optional.of(sync), Optional.of(WETH_USDT));

        assertThat(swap.protocol()).isEqualTo("uniswap_v2");
        assertThat(swap.recipient()).isEqualTo(TRADER);
        assertThat(swap.amount0()).isEqualTo(new BigInteger("1000000000000000000"));
        assertThat(swap.amount1()).isEqualTo(BigInteger.valueOf(-2_245_500_000L));
        assertThat(swap.tokenIn()).isEqualTo(WETH);
        assertThat(swap.tokenOut()).isEqualTo(USDT);
        assertThat(swap.amountOut()).isEqualTo(BigInteger.valueOf(2_245_500_000L));
        assertThat(swap.reserve0()).isEqualTo(sync.reserve0());
        assertThat(swap.reserve1()).isEqualTo(sync.reserve1());
        assertThat(swap.price()).isEqualByComparingTo("2250");
        assertThat(swap.pair()).isEqualTo("WETH-USDT");
        assertThat(swap.resolved()).isTrue();
        assertThat(swap.sqrtPriceX96()).isNull();
        assertThat(swap.liquidity()).isNull();
        assertThat(swap.tick()).isNull();
    }

    @Test
    void aV2SwapWithoutItsSyncHasNoReservesNorPrice() {
        final V2Swap sell = new V2Swap(META, V2_PAIR, ROUTER, TRADER, BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO,
                BigInteger.TWO);
        final V2Sync otherPool = new V2Sync(META, TestItems.address("other"), BigInteger.ONE, BigInteger.ONE);

        for (final Optional<V2Sync> sync : List.of(Optional.<V2Sync>empty(), Optional.of(otherPool))) {
            final Swap swap = SwapBuilder.fromV2(sell, sync, Optional.of(WETH_USDT));
            assertThat(swap.reserve0()).isNull();
            assertThat(swap.reserve1()).isNull();
            assertThat(swap.price()).isNull();
            assertThat(swap.resolved()).isTrue();
            assertThat(swap.pair()).isEqualTo("WETH-USDT");
        }
    }

    @Test
    void aSwapThatPaysBothTokensInHasNoDirection() {
        // a V2 swap after a donation: both balances grew
        final V2Swap odd = new V2Swap(META, V2_PAIR, ROUTER, TRADER, BigInteger.TEN, BigInteger.TEN, BigInteger.ZERO,
                BigInteger.ZERO);
        final Swap swap = SwapBuilder.fromV2(odd, Optional.empty(), Optional.of(WETH_USDT));

        assertThat(swap.amount0()).isEqualTo(BigInteger.TEN);
        assertThat(swap.amount1()).isEqualTo(BigInteger.TEN);
        assertThat(swap.tokenIn()).isNull();
        assertThat(swap.tokenOut()).isNull();
        assertThat(swap.amountIn()).isNull();
        assertThat(swap.amountOut()).isNull();
    }

    @Test
    void aTradesEventTimeStaysInsideItsBlocksSecond() {
        final Swap swap = SwapBuilder.fromV3(BUY_WETH, Optional.of(USDC_WETH));
        final Swap late = new Swap(swap.poolAddress(), swap.protocol(), swap.blockNumber(), swap.blockHash(),
                swap.transactionHash(), 5_000, swap.timestamp(), swap.sender(), swap.recipient(), swap.amount0(),
                swap.amount1(), swap.tokenIn(), swap.tokenOut(), swap.amountIn(), swap.amountOut(), swap.sqrtPriceX96(),
                swap.liquidity(), swap.tick(), swap.reserve0(), swap.reserve1(), swap.price(), swap.pair(), swap.resolved());
        assertThat(SwapBuilder.toTrade(late, USDC_WETH).orElseThrow().timestamp()).isEqualTo(swap.timestamp() + 999);
    }

    @Test
    void aTradeQuotesTheBaseInTheQuoteInvertingWhenTheBaseIsToken1() {
        final Swap swap = SwapBuilder.fromV3(BUY_WETH, Optional.of(USDC_WETH));
        final Trade trade = SwapBuilder.toTrade(swap, USDC_WETH).orElseThrow();

        assertThat(trade.venue()).isEqualTo(V3_POOL);
        assertThat(trade.pair()).isEqualTo("WETH-USDC");
        // block time plus the log index (250) in milliseconds: chain order inside the block's second
        assertThat(trade.timestamp()).isEqualTo(1_704_412_823_000L + 250);
        assertThat(trade.price()).isEqualTo(PoolPrices.inverse(swap.price()).orElseThrow());
        assertThat(trade.price()).isBetween(new BigDecimal("2200"), new BigDecimal("2300"));
        assertThat(trade.baseAmount()).isEqualTo(new BigDecimal("0.783707260129944808"));
        assertThat(trade.quoteAmount()).isEqualTo(new BigDecimal("1779.711470"));
        assertThat(trade.tradeId()).isEqualTo(TX + ":250");
    }

    @Test
    void aTradeOnAPoolWhoseBaseIsToken0KeepsThePrice() {
        final V2Swap sell = new V2Swap(META, V2_PAIR, ROUTER, TRADER, new BigInteger("1000000000000000000"),
                BigInteger.ZERO, BigInteger.ZERO, BigInteger.valueOf(2_245_500_000L));
        final V2Sync sync = new V2Sync(META, V2_PAIR, new BigInteger("1000000000000000000000"),
                BigInteger.valueOf(2_250_000_000_000L));
        final Trade trade = SwapBuilder.toTrade(SwapBuilder.fromV2(sell, Optional.of(sync), Optional.of(WETH_USDT)),
                WETH_USDT).orElseThrow();

        assertThat(trade.pair()).isEqualTo("WETH-USDT");
        assertThat(trade.price()).isEqualByComparingTo("2250");
        assertThat(trade.baseAmount()).isEqualByComparingTo("1");
        assertThat(trade.quoteAmount()).isEqualByComparingTo("2245.5");
    }

    @Test
    void noTradeWithoutResolutionPriceOrBaseAmount() {
        final Swap unresolved = SwapBuilder.fromV3(BUY_WETH, Optional.empty());
        assertThat(SwapBuilder.toTrade(unresolved, USDC_WETH)).isEmpty();

        final V2Swap sell = new V2Swap(META, V2_PAIR, ROUTER, TRADER, BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO,
                BigInteger.TWO);
        assertThat(SwapBuilder.toTrade(SwapBuilder.fromV2(sell, Optional.empty(), Optional.of(WETH_USDT)), WETH_USDT))
                .isEmpty();

        final V3Swap nothingMoved = new V3Swap(META, V3_POOL, ROUTER, TRADER, BigInteger.valueOf(5), BigInteger.ZERO,
                SQRT_PRICE, BigInteger.ONE, 199045);
        assertThat(SwapBuilder.toTrade(SwapBuilder.fromV3(nothingMoved, Optional.of(USDC_WETH)), USDC_WETH)).isEmpty();

        final Swap resolved = SwapBuilder.fromV3(BUY_WETH, Optional.of(USDC_WETH));
        assertThat(SwapBuilder.toTrade(resolved, WETH_USDT)).as("another pool's entry").isEmpty();
    }
}
