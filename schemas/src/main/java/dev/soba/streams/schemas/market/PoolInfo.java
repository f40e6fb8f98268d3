package dev.soba.streams.schemas.market;

import java.util.Optional;

/**
 * What a DEX pool trades, as the pool registry knows it: learned from factory
 * {@code PairCreated}/{@code PoolCreated} logs and the {@code tokens} topic as they stream by, or
 * imported with {@code ./soba pools import}. Value of the compacted {@code pools} topic, keyed by
 * pool address.
 *
 * @param address        pool address, lower-case
 * @param protocol       {@code uniswap_v2} or {@code uniswap_v3} (forks emit the same events)
 * @param token0         token0 address, lower-case (the lower address, as Uniswap sorts them)
 * @param token1         token1 address, lower-case
 * @param fee            V3 fee in hundredths of a basis point (500 = 0.05%); V2: 3000
 * @param token0Symbol   e.g. {@code USDC}; null until known
 * @param token1Symbol   e.g. {@code WETH}; null until known
 * @param token0Decimals e.g. 6; null until known
 * @param token1Decimals e.g. 18; null until known
 * @param source         {@code factory_log}, {@code tokens_topic} or {@code import}
 */
public record PoolInfo(
        String address,
        String protocol,
        String token0,
        String token1,
        Integer fee,
        String token0Symbol,
        String token1Symbol,
        Integer token0Decimals,
        Integer token1Decimals,
        String source) {

    /** Both tokens' symbols and decimals are known: amounts can be scaled and a pair named. */
    public boolean resolved() {
        return token0Symbol != null && token1Symbol != null && token0Decimals != null && token1Decimals != null;
    }

    public Optional<Integer> decimalsOf(final String token) {
        if (token.equals(token0)) {
            return Optional.ofNullable(token0Decimals);
        }
        return token.equals(token1) ? Optional.ofNullable(token1Decimals) : Optional.empty();
    }
}
