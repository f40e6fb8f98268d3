package dev.soba.streams.processors.graph;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds a {@link TransactionGraph} breadth-first from counterparty states. Each hop's addresses
 * are read together ({@code reader}: the caller reads each key where it is stored), strongest
 * counterparties first; when the node limit is reached the remaining neighbours are left out and
 * the graph says it was truncated. The last hop's nodes are read once more for their own facts
 * (contract, degree), not expanded.
 *
 * <p>An edge's block range is its relation's first and last block: the filter keeps a relation
 * active at any time in [from, to] (per-block amounts are not kept).
 */
public final class GraphWalk {

    /** The labels a node can carry. */
    public static final String CONTRACT = "contract";
    /** More counterparties than the bound keeps: an exchange, a router, a popular contract. */
    public static final String HUB = "hub";

    private final Function<Set<String>, Map<String, Counterparties>> reader;
    private final Function<Set<String>, Map<String, Double>> risk;

    public GraphWalk(final Function<Set<String>, Map<String, Counterparties>> reader,
                     final Function<Set<String>, Map<String, Double>> risk) {
        this.reader = reader;
        this.risk = risk;
    }

    public TransactionGraph walk(final GraphQuery query) {
        final Map<String, Integer> hops = new LinkedHashMap<>();
        final Map<String, Counterparties> states = new HashMap<>();
        final Map<String, TransactionGraph.Edge> edges = new LinkedHashMap<>();
        hops.put(query.root(), 0);
        Set<String> frontier = Set.of(query.root());
        boolean truncated = false;
        for (int hop = 0; hop < query.depth() && !frontier.isEmpty(); hop++) {
            states.putAll(reader.apply(frontier));
            final Set<String> next = new LinkedHashSet<>();
            for (final String address : frontier) {
                final Counterparties state = states.get(address);
                if (state == null) {
                    continue;
                }
                for (final Counterparty counterparty : state.top()) {
                    if (!active(counterparty, query)) {
                        continue;
                    }
                    final String other = counterparty.address();
                    if (!hops.containsKey(other)) {
                        if (hops.size() >= query.limit()) {
                            truncated = true;
                            continue;
                        }
                        hops.put(other, hop + 1);
                        next.add(other);
                    }
                    addEdges(edges, address, counterparty, query);
                }
            }
            frontier = next;
        }
        if (!frontier.isEmpty()) {
            states.putAll(reader.apply(frontier));
        }
        final Map<String, Double> scores = risk.apply(hops.keySet());
        final List<TransactionGraph.Node> nodes = new ArrayList<>(hops.size());
        hops.forEach((address, hop) -> nodes.add(node(address, hop, states.get(address), scores.get(address))));
        final boolean known = states.get(query.root()) != null;
        return new TransactionGraph(query.root(), query.depth(), query.limit(), known, truncated,
                known ? nodes : List.of(), List.copyOf(edges.values()));
    }

    private static boolean active(final Counterparty counterparty, final GraphQuery query) {
        if (counterparty.sent() + counterparty.received() == 0) {
            // approvals only: nothing moved between the two
            return false;
        }
        if (counterparty.firstBlock() > query.toBlock() || counterparty.lastBlock() < query.fromBlock()) {
            return false;
        }
        return query.token().map(token -> counterparty.valueSent().containsKey(token)
                || counterparty.valueReceived().containsKey(token)).orElse(true);
    }

    private static void addEdges(final Map<String, TransactionGraph.Edge> edges, final String address,
                                 final Counterparty counterparty, final GraphQuery query) {
        final String other = counterparty.address();
        if (counterparty.sent() > 0 && tokenMoves(counterparty.valueSent(), query)) {
            edges.putIfAbsent(address + ">" + other, new TransactionGraph.Edge(address, other, counterparty.sent(),
                    counterparty.valueSent(), counterparty.firstBlock(), counterparty.lastBlock()));
        }
        if (counterparty.received() > 0 && tokenMoves(counterparty.valueReceived(), query)) {
            edges.putIfAbsent(other + ">" + address, new TransactionGraph.Edge(other, address, counterparty.received(),
                    counterparty.valueReceived(), counterparty.firstBlock(), counterparty.lastBlock()));
        }
    }

    private static boolean tokenMoves(final Map<String, BigInteger> values, final GraphQuery query) {
        return query.token().map(values::containsKey).orElse(true);
    }

    private static TransactionGraph.Node node(final String address, final int hop, final Counterparties state,
                                              final Double riskScore) {
        final List<String> labels = new ArrayList<>(2);
        if (state != null && state.contract()) {
            labels.add(CONTRACT);
        }
        if (state != null && state.otherCounterparties() > 0) {
            labels.add(HUB);
        }
        return new TransactionGraph.Node(address, hop, state != null && state.contract(), labels, riskScore,
                state == null ? 0 : state.degree());
    }
}
