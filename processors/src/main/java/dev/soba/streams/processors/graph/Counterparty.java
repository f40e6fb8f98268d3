package dev.soba.streams.processors.graph;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one address did with one counterparty: how many edges each way, the heights of the first
 * and last, and the raw amounts per token each way ({@value GraphEdge#ETH} or the token contract).
 *
 * <p>{@code firstBlock}/{@code lastBlock} are not rolled back when an edge is retracted (the other
 * edges' heights are not kept); the counts and amounts are, and a counterparty whose last edge is
 * retracted disappears. {@code lastTransaction} is the newest edge's transaction (evidence for the
 * cluster heuristics), null once that edge is retracted.
 *
 * @param approvalsGiven    approvals this address gave the counterparty (it may spend our tokens)
 * @param approvalsReceived approvals the counterparty gave this address
 */
public record Counterparty(
        String address,
        long sent,
        long received,
        long firstBlock,
        long lastBlock,
        Map<String, BigInteger> valueSent,
        Map<String, BigInteger> valueReceived,
        long approvalsGiven,
        long approvalsReceived,
        String lastTransaction) {

    public Counterparty {
        valueSent = Map.copyOf(valueSent);
        valueReceived = Map.copyOf(valueReceived);
    }

    static Counterparty first(final String address, final GraphEdge edge, final boolean outgoing) {
        return new Counterparty(address, 0, 0, edge.blockNumber(), edge.blockNumber(), Map.of(), Map.of(), 0, 0, null)
                .plus(edge, outgoing);
    }

    /** All edges with this counterparty, both ways, approvals included. */
    public long interactions() {
        return sent + received + approvalsGiven + approvalsReceived;
    }

    Counterparty plus(final GraphEdge edge, final boolean outgoing) {
        if (edge.approval()) {
            return new Counterparty(address, sent, received, Math.min(firstBlock, edge.blockNumber()),
                    Math.max(lastBlock, edge.blockNumber()), valueSent, valueReceived,
                    approvalsGiven + (outgoing ? 1 : 0), approvalsReceived + (outgoing ? 0 : 1),
                    newer(edge) ? edge.transactionHash() : lastTransaction);
        }
        return new Counterparty(address,
                sent + (outgoing ? 1 : 0),
                received + (outgoing ? 0 : 1),
                Math.min(firstBlock, edge.blockNumber()),
                Math.max(lastBlock, edge.blockNumber()),
                outgoing ? add(valueSent, edge.token(), edge.value()) : valueSent,
                outgoing ? valueReceived : add(valueReceived, edge.token(), edge.value()),
                approvalsGiven, approvalsReceived,
                newer(edge) ? edge.transactionHash() : lastTransaction);
    }

    private boolean newer(final GraphEdge edge) {
        return lastTransaction == null || edge.blockNumber() >= lastBlock;
    }

    Counterparty minus(final GraphEdge edge, final boolean outgoing) {
        final String last = edge.transactionHash().equals(lastTransaction) ? null : lastTransaction;
        if (edge.approval()) {
            return new Counterparty(address, sent, received, firstBlock, lastBlock, valueSent, valueReceived,
                    Math.max(0, approvalsGiven - (outgoing ? 1 : 0)), Math.max(0, approvalsReceived - (outgoing ? 0 : 1)),
                    last);
        }
        return new Counterparty(address,
                Math.max(0, sent - (outgoing ? 1 : 0)),
                Math.max(0, received - (outgoing ? 0 : 1)),
                firstBlock,
                lastBlock,
                outgoing ? add(valueSent, edge.token(), edge.value().negate()) : valueSent,
                outgoing ? valueReceived : add(valueReceived, edge.token(), edge.value().negate()),
                approvalsGiven, approvalsReceived, last);
    }

    private static Map<String, BigInteger> add(final Map<String, BigInteger> values, final String token,
                                               final BigInteger amount) {
        final Map<String, BigInteger> next = new TreeMap<>(values);
        final BigInteger sum = next.getOrDefault(token, BigInteger.ZERO).add(amount);
        if (sum.signum() <= 0) {
            next.remove(token);
        } else {
            next.put(token, sum);
        }
        return next;
    }
}
