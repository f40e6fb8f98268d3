package dev.soba.streams.processors.graph;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The graph around one address, as the transaction-graph endpoint answers it.
 *
 * @param known     whether the root address was ever seen (an unknown one answers an empty graph)
 * @param truncated whether nodes were left out because of the node limit
 */
public record TransactionGraph(String address, int depth, int limit, boolean known, boolean truncated,
                               List<Node> nodes, List<Edge> edges) {

    public TransactionGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * One address. {@code isContract}: true when known to be a contract, false otherwise;
     * {@code degree}: its counterparties, evicted ones included; {@code riskScore}: null when unknown.
     */
    public record Node(String address, int hop, boolean isContract, List<String> labels, Double riskScore, long degree) {

        public Node {
            labels = List.copyOf(labels);
        }
    }

    /** Value moved from one address to another: how many transactions and transfers, how much per token, when. */
    public record Edge(String from, String to, long transactionCount, Map<String, BigInteger> value,
                       long firstBlock, long lastBlock) {

        public Edge {
            value = Map.copyOf(value);
        }
    }
}
