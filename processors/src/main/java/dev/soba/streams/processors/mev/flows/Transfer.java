package dev.soba.streams.processors.mev.flows;

import java.math.BigInteger;
import java.util.List;

/**
 * A movement of one token (or ETH, as {@link Transfers#ETH}) between two addresses, from a call or a
 * log.
 *
 * @param traceAddress the call that made it; for a log, the log index as a one-step path
 */
public record Transfer(String transactionHash, List<Integer> traceAddress, String tokenAddress, String fromAddress,
                       String toAddress, BigInteger amount) {

    public Transfer {
        traceAddress = List.copyOf(traceAddress);
    }
}
