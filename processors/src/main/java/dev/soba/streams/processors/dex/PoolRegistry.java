package dev.soba.streams.processors.dex;

import dev.soba.streams.processors.dex.KnownTokens.KnownToken;
import dev.soba.streams.schemas.Token;
import dev.soba.streams.schemas.market.PoolInfo;
import java.util.Optional;

/**
 * Builds and completes the pool registry's {@link PoolInfo}s: from factory logs as they stream by,
 * then symbol and decimals from the {@code tokens} topic. Pure: the processor keeps the entries.
 */
public final class PoolRegistry {

    public static final String SOURCE_FACTORY_LOG = "factory_log";
    public static final String SOURCE_IMPORT = "import";

    /** Uniswap V2 charges 0.3% on every pair, in V3's unit (hundredths of a basis point). */
    public static final int V2_FEE = 3000;

    /**
     * Token decimals above this make no sense: 10^78 exceeds 2^256, so no uint256 balance could reach
     * one whole token. A {@code tokens} item claiming more is garbage, not a token.
     */
    public static final int MAX_DECIMALS = 77;

    private PoolRegistry() {
    }

    public static PoolInfo fromPairCreated(final PairCreated event) {
        return withKnownTokens(new PoolInfo(event.pair(), SwapBuilder.UNISWAP_V2, event.token0(), event.token1(),
                V2_FEE, null, null, null, null, SOURCE_FACTORY_LOG));
    }

    public static PoolInfo fromPoolCreated(final PoolCreated event) {
        return withKnownTokens(new PoolInfo(event.pool(), SwapBuilder.UNISWAP_V3, event.token0(), event.token1(),
                event.fee(), null, null, null, null, SOURCE_FACTORY_LOG));
    }

    /**
     * Fills in what a {@code tokens} item says about one of the pool's tokens. Only missing fields are
     * filled: a symbol or decimals already known (built in, imported by an operator, or seen before)
     * stays, since ERC-20 metadata does not change and a curated value must not be overridden by
     * whatever a contract answers. Empty symbols and impossible decimals are ignored.
     */
    public static PoolInfo withToken(final PoolInfo pool, final Token token) {
        if (token.address() == null) {
            return pool;
        }
        final String symbol = token.symbol() == null || token.symbol().isBlank() ? null : token.symbol().strip();
        final Integer decimals = token.decimals() == null || token.decimals() < 0 || token.decimals() > MAX_DECIMALS
                ? null : token.decimals().intValue();
        return fill(pool, token.address(), symbol, decimals);
    }

    /** Fills in the built-in {@link KnownTokens} on either side. */
    public static PoolInfo withKnownTokens(final PoolInfo pool) {
        PoolInfo filled = pool;
        for (final String address : new String[] {pool.token0(), pool.token1()}) {
            final Optional<KnownToken> known = address == null ? Optional.empty() : KnownTokens.byAddress(address);
            if (known.isPresent()) {
                filled = fill(filled, address, known.get().symbol(), known.get().decimals());
            }
        }
        return filled;
    }

    private static PoolInfo fill(final PoolInfo pool, final String token, final String symbol, final Integer decimals) {
        final boolean side0 = token.equals(pool.token0());
        final boolean side1 = token.equals(pool.token1());
        if (!side0 && !side1) {
            return pool;
        }
        return new PoolInfo(pool.address(), pool.protocol(), pool.token0(), pool.token1(), pool.fee(),
                side0 && pool.token0Symbol() == null ? symbol : pool.token0Symbol(),
                side1 && pool.token1Symbol() == null ? symbol : pool.token1Symbol(),
                side0 && pool.token0Decimals() == null ? decimals : pool.token0Decimals(),
                side1 && pool.token1Decimals() == null ? decimals : pool.token1Decimals(),
                pool.source());
    }
}
