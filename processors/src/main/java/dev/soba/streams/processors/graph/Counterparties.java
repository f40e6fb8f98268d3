package dev.soba.streams.processors.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The counterparties of one address, at most {@code limit} of them: the ones with the most edges
 * (ties: the most recent). A hub (an exchange, a router) has millions; when a new counterparty
 * arrives and the list is full, the weakest entry is evicted into {@code otherCounterparties} and
 * {@code otherInteractions}, so a hub costs what a busy wallet costs and the answer still says how
 * much it left out. A counterparty that comes back after its eviction is counted again in
 * {@code otherCounterparties} (an upper bound, not an exact count).
 *
 * <p>Token amounts have no common unit without prices, so "top by volume" is measured in edges
 * (transactions and transfers), which every token shares.
 *
 * @param contract whether the address is known to be a contract (created by a transaction, or in
 *                 the contracts topic)
 */
public record Counterparties(boolean contract, List<Counterparty> top, long otherCounterparties,
                             long otherInteractions) {

    static final Comparator<Counterparty> STRONGEST_FIRST = Comparator
            .comparingLong(Counterparty::interactions).reversed()
            .thenComparing(Comparator.comparingLong(Counterparty::lastBlock).reversed())
            .thenComparing(Counterparty::address);

    public Counterparties {
        top = List.copyOf(top);
    }

    public static Counterparties empty() {
        return new Counterparties(false, List.of(), 0, 0);
    }

    /** Every counterparty this address had, the evicted ones included (an upper bound, see above). */
    public long degree() {
        return top.size() + otherCounterparties;
    }

    public boolean holdsNothing() {
        return !contract && top.isEmpty() && otherCounterparties == 0;
    }

    /** This state after {@code change} to the address {@code address}. */
    public Counterparties apply(final String address, final CounterpartyChange change, final int limit) {
        return switch (change.kind()) {
            case CONTRACT -> new Counterparties(true, top, otherCounterparties, otherInteractions);
            case ADD -> with(address, change.edge(), limit);
            case RETRACT -> without(address, change.edge());
        };
    }

    private Counterparties with(final String address, final GraphEdge edge, final int limit) {
        final String other = edge.counterpartyOf(address);
        final boolean outgoing = address.equals(edge.fromAddress());
        final List<Counterparty> next = new ArrayList<>(top.size() + 1);
        boolean found = false;
        for (final Counterparty existing : top) {
            if (existing.address().equals(other)) {
                next.add(existing.plus(edge, outgoing));
                found = true;
            } else {
                next.add(existing);
            }
        }
        long evicted = otherCounterparties;
        long evictedInteractions = otherInteractions;
        if (!found) {
            if (next.size() >= limit) {
                next.sort(STRONGEST_FIRST);
                final Counterparty weakest = next.remove(next.size() - 1);
                evicted++;
                evictedInteractions += weakest.interactions();
            }
            next.add(Counterparty.first(other, edge, outgoing));
        }
        next.sort(STRONGEST_FIRST);
        return new Counterparties(contract, next, evicted, evictedInteractions);
    }

    private Counterparties without(final String address, final GraphEdge edge) {
        final String other = edge.counterpartyOf(address);
        final boolean outgoing = address.equals(edge.fromAddress());
        final List<Counterparty> next = new ArrayList<>(top.size());
        boolean found = false;
        for (final Counterparty existing : top) {
            if (existing.address().equals(other)) {
                found = true;
                final Counterparty reduced = existing.minus(edge, outgoing);
                if (reduced.interactions() > 0) {
                    next.add(reduced);
                }
            } else {
                next.add(existing);
            }
        }
        if (!found) {
            // the edge went to an evicted counterparty: it is withdrawn from the remainder
            return new Counterparties(contract, top, otherCounterparties, Math.max(0, otherInteractions - 1));
        }
        next.sort(STRONGEST_FIRST);
        return new Counterparties(contract, next, otherCounterparties, otherInteractions);
    }

    /** The counterparty {@code address} if it is among the kept ones. */
    public Optional<Counterparty> counterparty(final String address) {
        return top.stream().filter(c -> c.address().equals(address)).findFirst();
    }
}
