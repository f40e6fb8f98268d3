package dev.soba.streams.simulator;

import java.math.BigInteger;
import java.util.List;

/**
 * Searcher contracts take packed call data of their own, not the ABI: an opcode, the pools and the
 * amount, as mainnet bots do to save gas. It starts with two zero bytes (as the sandwich bots in
 * mev-inspect's fixtures do), so it never reads as a known function and the top call stays unknown.
 */
final class SearcherCalldata {

    private static final int SANDWICH_LEG = 0x01;
    private static final int ARBITRAGE = 0x02;

    private SearcherCalldata() {
    }

    /** Opcode, pair, direction (1: token0 in), amount in as 16 bytes. */
    static String botSwap(final ConstantProductPair pair, final Erc20Token tokenIn, final BigInteger amountIn) {
        return "0x0000" + String.format("%02x", SANDWICH_LEG) + pair.address().substring(2)
                + (tokenIn.equals(pair.token0()) ? "01" : "00") + uint128(amountIn);
    }

    /** Opcode, start token, number of pools, the pools, amount in as 16 bytes. */
    static String arbitrage(final Erc20Token startToken, final List<String> pools, final BigInteger amountIn) {
        final StringBuilder data = new StringBuilder("0x0000").append(String.format("%02x", ARBITRAGE))
                .append(startToken.address().substring(2)).append(String.format("%02x", pools.size()));
        pools.forEach(pool -> data.append(pool.substring(2)));
        return data.append(uint128(amountIn)).toString();
    }

    private static String uint128(final BigInteger amount) {
        if (amount.signum() < 0 || amount.bitLength() > 128) {
            throw new IllegalArgumentException("amount out of uint128 range: " + amount);
        }
        final String hex = amount.toString(16);
        return "0".repeat(32 - hex.length()) + hex;
    }
}
