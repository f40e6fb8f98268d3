package dev.soba.streams.processors.dex;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Mainnet tokens almost every pool of interest trades against, built in so that a pool learned from a
 * factory log can be named and priced before the {@code tokens} topic says anything (ethereum-etl only
 * exports a token's metadata when it sees the token's contract created, which for these was years ago).
 */
public final class KnownTokens {

    /** One built-in token; the address is lower-case. */
    public record KnownToken(String address, String symbol, int decimals) {
    }

    public static final KnownToken WETH = new KnownToken("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", "WETH", 18);
    public static final KnownToken USDC = new KnownToken("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "USDC", 6);
    public static final KnownToken USDT = new KnownToken("0xdac17f958d2ee523a2206206994597c13d831ec7", "USDT", 6);
    public static final KnownToken DAI = new KnownToken("0x6b175474e89094c44da98b954eedeac495271d0f", "DAI", 18);
    public static final KnownToken WBTC = new KnownToken("0x2260fac5e5542a773aa44fbcfedf7c193bc2c599", "WBTC", 8);

    private static final List<KnownToken> ALL = List.of(WETH, USDC, USDT, DAI, WBTC);

    private static final Map<String, KnownToken> BY_ADDRESS = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(KnownToken::address, Function.identity()));

    private KnownTokens() {
    }

    public static List<KnownToken> all() {
        return ALL;
    }

    /** @param address lower-case hex */
    public static Optional<KnownToken> byAddress(final String address) {
        return Optional.ofNullable(BY_ADDRESS.get(address));
    }
}
