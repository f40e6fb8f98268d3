package dev.soba.streams.processors.dex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.schemas.Token;
import dev.soba.streams.schemas.market.PoolInfo;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;

class PoolRegistryTest {

    private static final LogMeta META = new LogMeta(10_000_835, TestItems.hash("b"), TestItems.hash("t"), 0, 0);
    private static final String PEPE = "0x6982508145454ce325ddbe47a25d4ec3d2311933";
    private static final String POOL = TestItems.address("pool");

    @Test
    void builtInTokenAddressesCarryTheirPublishedChecksums() {
        // EIP-55 forms as token issuers publish them: a typo in a built-in address would fail its checksum
        final Map<KnownTokens.KnownToken, String> published = Map.of(
                KnownTokens.WETH, "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2",
                KnownTokens.USDC, "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
                KnownTokens.USDT, "0xdAC17F958D2ee523a2206206994597C13D831ec7",
                KnownTokens.DAI, "0x6B175474E89094C44Da98b954EedeAC495271d0F",
                KnownTokens.WBTC, "0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599");
        assertThat(KnownTokens.all()).containsExactlyInAnyOrderElementsOf(published.keySet());
        published.forEach((token, checksummed) -> assertThat(Keys.toChecksumAddress(token.address())).isEqualTo(checksummed));
        assertThat(KnownTokens.all()).extracting(KnownTokens.KnownToken::symbol, KnownTokens.KnownToken::decimals)
                .containsExactlyInAnyOrder(
                        tuple("WETH", 18), tuple("USDC", 6),
                        tuple("USDT", 6), tuple("DAI", 18),
                        tuple("WBTC", 8));
    }

    @Test
    void aPairFromTheV2FactoryOfTwoKnownTokensIsResolvedAtOnce() {
        final PairCreated created = new PairCreated(META, "0x5c69bee701ef814a2b6a3edd4b1652cb9cc5aa6f",
                KnownTokens.USDC.address(), KnownTokens.WETH.address(), "0xb4e16d0168e52d35cacd2c6185b44281ec28c9dc");

        assertThat(PoolRegistry.fromPairCreated(created)).isEqualTo(new PoolInfo(
                "0xb4e16d0168e52d35cacd2c6185b44281ec28c9dc", "uniswap_v2", KnownTokens.USDC.address(),
                KnownTokens.WETH.address(), 3000, "USDC", "WETH", 6, 18, "factory_log"));
    }

    @Test
    void aPoolFromTheV3FactoryKeepsItsFeeAndWaitsForUnknownTokens() {
        final PoolCreated created = new PoolCreated(META, "0x1f98431c8ad98523631ae4a59f267346ea31f984", PEPE,
                KnownTokens.WETH.address(), 3000, 60, POOL);
        final PoolInfo pool = PoolRegistry.fromPoolCreated(created);

        assertThat(pool).isEqualTo(new PoolInfo(POOL, "uniswap_v3", PEPE, KnownTokens.WETH.address(), 3000, null, "WETH",
                null, 18, "factory_log"));
        assertThat(pool.resolved()).isFalse();
    }

    @Test
    void theTokensTopicFillsTheMatchingSide() {
        final PoolInfo pool = new PoolInfo(POOL, "uniswap_v3", PEPE, KnownTokens.WETH.address(), 3000, null, "WETH", null,
                18, "factory_log");

        final PoolInfo filled = PoolRegistry.withToken(pool, token(PEPE, " PEPE ", 18L));

        assertThat(filled).isEqualTo(new PoolInfo(POOL, "uniswap_v3", PEPE, KnownTokens.WETH.address(), 3000, "PEPE",
                "WETH", 18, 18, "factory_log"));
        assertThat(filled.resolved()).isTrue();
    }

    @Test
    void emptyOrImpossibleMetadataAndOtherTokensChangeNothing() {
        final PoolInfo pool = new PoolInfo(POOL, "uniswap_v3", PEPE, KnownTokens.WETH.address(), 3000, null, "WETH", null,
                18, "factory_log");

        assertThat(PoolRegistry.withToken(pool, token(PEPE, "", null))).isEqualTo(pool);
        assertThat(PoolRegistry.withToken(pool, token(PEPE, null, 78L))).isEqualTo(pool);
        assertThat(PoolRegistry.withToken(pool, token(PEPE, "  ", -1L))).isEqualTo(pool);
        assertThat(PoolRegistry.withToken(pool, token(TestItems.address("x"), "X", 6L))).isEqualTo(pool);
        assertThat(PoolRegistry.withToken(pool, token(PEPE, null, 0L)).token0Decimals()).isZero();
    }

    @Test
    void knownValuesAreNotOverwritten() {
        final PoolInfo imported = new PoolInfo(POOL, "uniswap_v2", PEPE, KnownTokens.WETH.address(), 3000, "PEPE", "WETH",
                18, 18, "import");

        assertThat(PoolRegistry.withToken(imported, token(KnownTokens.WETH.address(), "Wrapped Ether?", 9L)))
                .isEqualTo(imported);
    }

    private static Token token(final String address, final String symbol, final Long decimals) {
        return new Token(address, symbol, null, decimals, null, null, null, null, null, null, null);
    }
}
