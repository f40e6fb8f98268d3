package dev.soba.streams.processors.graph;

/**
 * A change to one address's counterparties (the address is the record key): an edge to add, an
 * edge to withdraw because its block was orphaned, or the news that the address is a contract.
 */
public record CounterpartyChange(Kind kind, GraphEdge edge) {

    /** What the change does. */
    public enum Kind { ADD, RETRACT, CONTRACT }

    public static CounterpartyChange add(final GraphEdge edge) {
        return new CounterpartyChange(Kind.ADD, edge);
    }

    public static CounterpartyChange retract(final GraphEdge edge) {
        return new CounterpartyChange(Kind.RETRACT, edge);
    }

    public static CounterpartyChange contract() {
        return new CounterpartyChange(Kind.CONTRACT, null);
    }
}
