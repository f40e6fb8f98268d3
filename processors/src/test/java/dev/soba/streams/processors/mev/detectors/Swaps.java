package dev.soba.streams.processors.mev.detectors;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.processors.mev.TestBlock;
import dev.soba.streams.schemas.mev.MevSwap;
import java.math.BigInteger;
import java.util.List;

/** Classified swaps built directly, for the detectors' own tests. */
final class Swaps {

    private Swaps() {
    }

    static String tx(final String name) {
        return TestItems.hash("tx-" + name);
    }

    static MevSwap swap(final long position, final String transaction, final List<Integer> traceAddress,
            final String pool, final String from, final String to, final String tokenIn, final long in,
            final String tokenOut, final long out) {
        return swap(position, transaction, traceAddress, pool, from, to, tokenIn, BigInteger.valueOf(in), tokenOut,
                BigInteger.valueOf(out), null);
    }

    static MevSwap swap(final long position, final String transaction, final List<Integer> traceAddress,
            final String pool, final String from, final String to, final String tokenIn, final BigInteger in,
            final String tokenOut, final BigInteger out, final String error) {
        return new MevSwap(TestBlock.NUMBER, tx(transaction), position, traceAddress, null, pool, "uniswap_v2",
                "UniswapV2Pair", from, to, tokenIn, in, tokenOut, out, error);
    }
}
