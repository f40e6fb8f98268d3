package dev.soba.streams.processors.dex;

import dev.soba.streams.schemas.market.PoolInfo;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names a pool as a market the way traders quote it: prices in dollars, else in ether, else in
 * bitcoin. The token more widely used as a unit of account is the quote, so the USDC/WETH pool
 * (token0 USDC) is {@code WETH-USDC} and its candles line up with exchanges' {@code ETH-USD*}.
 * Symbols decide, as the pair's name is made of them; when neither token is a known unit of account,
 * or both rank the same, token1 is the quote.
 */
public final class PairNaming {

    private static final int NONE = 0;

    /** Higher wins: USDC, USDT, DAI, other USD stables, then ether, then bitcoin. */
    private static final Map<String, Integer> QUOTE_PRIORITY = Map.ofEntries(
            Map.entry("USDC", 60),
            Map.entry("USDT", 50),
            Map.entry("DAI", 40),
            Map.entry("FRAX", 30),
            Map.entry("LUSD", 30),
            Map.entry("TUSD", 30),
            Map.entry("USDP", 30),
            Map.entry("GUSD", 30),
            Map.entry("BUSD", 30),
            Map.entry("PYUSD", 30),
            Map.entry("WETH", 20),
            Map.entry("ETH", 20),
            Map.entry("WBTC", 10));

    private PairNaming() {
    }

    /** Empty until both symbols are known. */
    public static Optional<PairOrientation> orient(final PoolInfo pool) {
        final Optional<String> symbol0 = symbol(pool.token0Symbol());
        final Optional<String> symbol1 = symbol(pool.token1Symbol());
        if (symbol0.isEmpty() || symbol1.isEmpty()) {
            return Optional.empty();
        }
        final boolean quoteIsToken0 = quotePriority(symbol0.get()) > quotePriority(symbol1.get());
        return Optional.of(quoteIsToken0
                ? new PairOrientation(symbol1.get() + "-" + symbol0.get(), false)
                : new PairOrientation(symbol0.get() + "-" + symbol1.get(), true));
    }

    /** How strongly a symbol is a unit of account; 0 for everything else. */
    static int quotePriority(final String upperCaseSymbol) {
        return QUOTE_PRIORITY.getOrDefault(upperCaseSymbol, NONE);
    }

    private static Optional<String> symbol(final String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(raw.strip().toUpperCase(Locale.ROOT));
    }
}
