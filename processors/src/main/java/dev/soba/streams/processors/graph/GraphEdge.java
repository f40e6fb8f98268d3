package dev.soba.streams.processors.graph;

import java.math.BigInteger;

/**
 * One movement of value between two addresses: a transaction's ether ({@code token} {@value #ETH},
 * {@code logIndex} -1) or an ERC-20/721 {@code Transfer} ({@code token} the token contract).
 * Zero-value transactions are edges too: a contract call is an interaction worth seeing. An
 * {@code approval} edge is an ERC-20/721 {@code Approval} log (owner → spender): no value moves,
 * it is counted apart (the self-authorisation heuristic reads it).
 */
public record GraphEdge(
        boolean approval,
        String transactionHash,
        long logIndex,
        long blockNumber,
        String blockHash,
        String fromAddress,
        String toAddress,
        String token,
        BigInteger value) {

    /** The token name of native ether in edges, counterparties and graph answers. */
    public static final String ETH = "eth";

    public static GraphEdge transfer(final String transactionHash, final long logIndex, final long blockNumber,
                                     final String blockHash, final String fromAddress, final String toAddress,
                                     final String token, final BigInteger value) {
        return new GraphEdge(false, transactionHash, logIndex, blockNumber, blockHash, fromAddress, toAddress, token, value);
    }

    /** The address on the other side of this edge, seen from {@code address}. */
    public String counterpartyOf(final String address) {
        return address.equals(fromAddress) ? toAddress : fromAddress;
    }
}
