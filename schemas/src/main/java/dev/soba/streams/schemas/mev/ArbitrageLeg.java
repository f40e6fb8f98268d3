package dev.soba.streams.schemas.mev;

import java.math.BigInteger;

/**
 * One swap of an arbitrage, in the order the cycle runs: what the pool received and what it paid.
 * Amounts are raw token units.
 */
public record ArbitrageLeg(
        String poolAddress,
        String tokenInAddress,
        BigInteger tokenInAmount,
        String tokenOutAddress,
        BigInteger tokenOutAmount) {
}
