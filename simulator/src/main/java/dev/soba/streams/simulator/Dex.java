package dev.soba.streams.simulator;

import java.io.ByteArrayOutputStream;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The Uniswap-V2-style exchanges of the synthetic market, with their mainnet factory, router and
 * pair creation-code hash: the same pair contract (same events, same {@code swap} call), so a pool
 * of either is read the same way, and pools of the same tokens on both can drift apart in price.
 */
public enum Dex {
    UNISWAP_V2("0x5c69bee701ef814a2b6a3edd4b1652cb9cc5aa6f", "0x7a250d5630b4cf539739df2c5dacb4c659f2488d",
            "0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f"),
    SUSHISWAP("0xc0aee478e3658e2610c5f7a4a2e1777ce9e4f2ac", "0xd9e1ce17f2641f24ae83637ab66a2cca9c378b9f",
            "0xe18a34eb0e04b04f7a0ac29a6e80748dca96319b42c54d679cb821dca90c6303");

    private final String factory;
    private final String router;
    private final String pairInitCodeHash;

    Dex(final String factory, final String router, final String pairInitCodeHash) {
        this.factory = factory;
        this.router = router;
        this.pairInitCodeHash = pairInitCodeHash;
    }

    public String factory() {
        return factory;
    }

    /** The exchange's {@code UniswapV2Router02}-style router, through which retail swaps go. */
    public String router() {
        return router;
    }

    /**
     * The pair's address as the exchange's {@code pairFor} computes it (CREATE2 from the factory), so
     * the simulated pools are the mainnet pools and any mainnet pool registry recognises them.
     */
    public String pairAddress(final String tokenA, final String tokenB) {
        final boolean aFirst = tokenA.compareTo(tokenB) < 0;
        final ByteArrayOutputStream tokens = new ByteArrayOutputStream();
        tokens.writeBytes(Numeric.hexStringToByteArray(aFirst ? tokenA : tokenB));
        tokens.writeBytes(Numeric.hexStringToByteArray(aFirst ? tokenB : tokenA));
        final ByteArrayOutputStream preimage = new ByteArrayOutputStream();
        preimage.write(0xff);
        preimage.writeBytes(Numeric.hexStringToByteArray(factory));
        preimage.writeBytes(Hash.sha3(tokens.toByteArray()));
        preimage.writeBytes(Numeric.hexStringToByteArray(pairInitCodeHash));
        return Numeric.toHexString(Hash.sha3(preimage.toByteArray()), 12, 20, true);
    }
}
