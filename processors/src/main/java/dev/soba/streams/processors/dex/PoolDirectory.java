package dev.soba.streams.processors.dex;

import dev.soba.streams.schemas.Token;
import dev.soba.streams.schemas.market.PoolInfo;
import java.util.Optional;
import java.util.function.Function;

/**
 * The registry as a lookup: a pool from the pools registry, completed with what the token registry
 * and the built-in {@link KnownTokens} say about its tokens. Backed by the two global stores in the
 * stream and by maps in tests.
 */
public final class PoolDirectory {

    private final Function<String, PoolInfo> pools;
    private final Function<String, Token> tokens;

    public PoolDirectory(final Function<String, PoolInfo> pools, final Function<String, Token> tokens) {
        this.pools = pools;
        this.tokens = tokens;
    }

    public Optional<PoolInfo> pool(final String address) {
        final PoolInfo known = pools.apply(address);
        if (known == null) {
            return Optional.empty();
        }
        PoolInfo pool = PoolRegistry.withKnownTokens(known);
        for (final String token : new String[] {pool.token0(), pool.token1()}) {
            final Token metadata = token == null ? null : tokens.apply(token);
            if (metadata != null) {
                pool = PoolRegistry.withToken(pool, metadata);
            }
        }
        return Optional.of(pool);
    }

    /**
     * Whether a pool's trades may enter the cross-venue ({@code all}) candles. Pair names come from
     * token symbols, which anyone can choose: a token calling itself "USDC" must not move the
     * market price. Operator-imported pools and pools of built-in tokens are trusted.
     */
    public static boolean trustedForAggregate(final PoolInfo pool) {
        return PoolRegistry.SOURCE_IMPORT.equals(pool.source())
                || pool.token0() != null && pool.token1() != null
                && KnownTokens.byAddress(pool.token0()).isPresent() && KnownTokens.byAddress(pool.token1()).isPresent();
    }
}
