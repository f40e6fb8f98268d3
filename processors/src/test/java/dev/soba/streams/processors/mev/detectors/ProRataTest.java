package dev.soba.streams.processors.mev.detectors;

import static dev.soba.streams.processors.mev.Addresses.BOT;
import static dev.soba.streams.processors.mev.Addresses.PAIR;
import static dev.soba.streams.processors.mev.Addresses.TOKEN;
import static dev.soba.streams.processors.mev.Addresses.WETH;
import static dev.soba.streams.processors.mev.detectors.Swaps.swap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.schemas.mev.MevSwap;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pro-rata profit reproduces mev-inspect-py's heavy-sandwich branch, double for double. */
class ProRataTest {

    private static MevSwap leg(final String tokenIn, final String in, final String tokenOut, final String out) {
        return swap(1, "leg", List.of(), PAIR, BOT, BOT, tokenIn, new BigInteger(in), tokenOut, new BigInteger(out), null);
    }

    @Test
    void theQuotientIsCorrectlyRoundedLikePythonsTrueDivision() {
        assertThat(ProRata.quotient(BigInteger.ONE, BigInteger.valueOf(3))).isEqualTo(1.0 / 3);
        assertThat(ProRata.quotient(BigInteger.TEN, BigInteger.valueOf(4))).isEqualTo(2.5);
        // 2^60 + 1 over 2^60: the exact ratio is just above 1, nearer 1 than the next double
        assertThat(ProRata.quotient(BigInteger.ONE.shiftLeft(60).add(BigInteger.ONE), BigInteger.ONE.shiftLeft(60)))
                .isEqualTo(1.0);
        // a ratio of 78-digit integers stays exact to the last bit
        final BigInteger big = BigInteger.TEN.pow(77);
        assertThat(ProRata.quotient(big.multiply(BigInteger.valueOf(3)), big)).isEqualTo(3.0);
    }

    @Test
    void mevInspectsPublishedBackHeavySandwich() {
        // block 13699765, sandwicher 0x51399b32…: mev-inspect-py's branch expects −435805264121298944
        final MevSwap front = leg(WETH, "188147969924812013568", TOKEN, "751864283801");
        final MevSwap back = leg(TOKEN, "1957841600000", WETH, "488799232410434891247");
        assertThat(ProRata.profit(front, back)).isEqualTo(new BigInteger("-435805264121298944"));
    }

    @Test
    void aFrontHeavySandwichScalesTheCostDown() {
        final MevSwap front = leg(WETH, "473160000000000000", TOKEN, "105444354022562");
        final MevSwap back = leg(TOKEN, "100172136321433", WETH, "268990897426831099");
        assertThat(ProRata.profit(front, back)).isEqualTo(new BigInteger("-180511102573164864"));
    }
}
