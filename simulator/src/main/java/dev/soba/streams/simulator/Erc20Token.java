package dev.soba.streams.simulator;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * An ERC-20 token of the synthetic market.
 *
 * @param symbol   ticker, for people reading logs and tests
 * @param address  contract address, 20 bytes lower-case hex
 * @param decimals the token's {@code decimals()}; amounts everywhere are raw units
 */
public record Erc20Token(String symbol, String address, int decimals) {

    static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");

    public Erc20Token {
        if (!ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("not a lower-case 20-byte address: " + address);
        }
        if (decimals < 0 || decimals > 36) {
            throw new IllegalArgumentException("decimals out of range: " + decimals);
        }
    }

    /** Raw units of {@code whole} tokens, e.g. {@code units(3)} of USDC is 3_000_000. */
    public BigInteger units(final long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(decimals));
    }
}
