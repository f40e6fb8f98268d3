package dev.soba.streams.processors.dex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.schemas.market.PoolInfo;
import org.junit.jupiter.api.Test;

class PairNamingTest {

    private static PoolInfo pool(final String symbol0, final String symbol1) {
        return new PoolInfo(TestItems.address("pool"), "uniswap_v2", TestItems.address("a"), TestItems.address("b"),
                3000, symbol0, symbol1, 18, 18, "import");
    }

    @Test
    void theUsdcWethPoolIsWethQuotedInUsdc() {
        assertThat(PairNaming.orient(pool("USDC", "WETH"))).contains(new PairOrientation("WETH-USDC", false));
    }

    @Test
    void dollarsBeatEtherBeatsBitcoin() {
        assertThat(PairNaming.orient(pool("WETH", "USDT"))).contains(new PairOrientation("WETH-USDT", true));
        assertThat(PairNaming.orient(pool("WBTC", "WETH"))).contains(new PairOrientation("WBTC-WETH", true));
        assertThat(PairNaming.orient(pool("WBTC", "DAI"))).contains(new PairOrientation("WBTC-DAI", true));
        assertThat(PairNaming.orient(pool("PEPE", "WBTC"))).contains(new PairOrientation("PEPE-WBTC", true));
        assertThat(PairNaming.orient(pool("ETH", "FRAX"))).contains(new PairOrientation("ETH-FRAX", true));
    }

    @Test
    void amongDollarsUsdcThenUsdtThenDaiThenTheOthers() {
        assertThat(PairNaming.orient(pool("DAI", "USDC"))).contains(new PairOrientation("DAI-USDC", true));
        assertThat(PairNaming.orient(pool("USDC", "USDT"))).contains(new PairOrientation("USDT-USDC", false));
        assertThat(PairNaming.orient(pool("DAI", "USDT"))).contains(new PairOrientation("DAI-USDT", true));
        assertThat(PairNaming.orient(pool("LUSD", "DAI"))).contains(new PairOrientation("LUSD-DAI", true));
        for (final String stable : new String[] {"FRAX", "LUSD", "TUSD", "USDP", "GUSD", "BUSD"}) {
            assertThat(PairNaming.orient(pool(stable, "WETH"))).contains(new PairOrientation("WETH-" + stable, false));
        }
    }

    @Test
    void withoutAUnitOfAccountOrOnATieToken1IsTheQuote() {
        assertThat(PairNaming.orient(pool("UNI", "LINK"))).contains(new PairOrientation("UNI-LINK", true));
        assertThat(PairNaming.orient(pool("LINK", "UNI"))).contains(new PairOrientation("LINK-UNI", true));
        assertThat(PairNaming.orient(pool("FRAX", "LUSD"))).contains(new PairOrientation("FRAX-LUSD", true));
    }

    @Test
    void symbolsAreUpperCasedAndTrimmed() {
        assertThat(PairNaming.orient(pool(" usdc", "weth "))).contains(new PairOrientation("WETH-USDC", false));
        assertThat(PairNaming.orient(pool("stETH", "WETH"))).contains(new PairOrientation("STETH-WETH", true));
    }

    @Test
    void noNameUntilBothSymbolsAreKnown() {
        assertThat(PairNaming.orient(pool(null, "WETH"))).isEmpty();
        assertThat(PairNaming.orient(pool("USDC", " "))).isEmpty();
    }
}
