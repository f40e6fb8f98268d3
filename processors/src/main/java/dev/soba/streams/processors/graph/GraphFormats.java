package dev.soba.streams.processors.graph;

import java.math.BigInteger;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A {@link TransactionGraph} in the formats investigators' tools read: GraphML (Gephi, yEd,
 * Cytoscape, NetworkX) and Graphviz DOT. Amounts per token are one attribute,
 * {@code token=amount;...}, raw units as everywhere else.
 */
public final class GraphFormats {

    private GraphFormats() {
    }

    public static String graphml(final TransactionGraph graph) {
        final StringBuilder out = new StringBuilder(256 + 200 * (graph.nodes().size() + graph.edges().size()));
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n")
                .append("  <key id=\"hop\" for=\"node\" attr.name=\"hop\" attr.type=\"int\"/>\n")
                .append("  <key id=\"is_contract\" for=\"node\" attr.name=\"is_contract\" attr.type=\"boolean\"/>\n")
                .append("  <key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>\n")
                .append("  <key id=\"risk_score\" for=\"node\" attr.name=\"risk_score\" attr.type=\"double\"/>\n")
                .append("  <key id=\"degree\" for=\"node\" attr.name=\"degree\" attr.type=\"long\"/>\n")
                .append("  <key id=\"transaction_count\" for=\"edge\" attr.name=\"transaction_count\" attr.type=\"long\"/>\n")
                .append("  <key id=\"value\" for=\"edge\" attr.name=\"value\" attr.type=\"string\"/>\n")
                .append("  <key id=\"first_block\" for=\"edge\" attr.name=\"first_block\" attr.type=\"long\"/>\n")
                .append("  <key id=\"last_block\" for=\"edge\" attr.name=\"last_block\" attr.type=\"long\"/>\n")
                .append("  <graph id=\"").append(graph.address()).append("\" edgedefault=\"directed\">\n");
        for (final TransactionGraph.Node node : graph.nodes()) {
            out.append("    <node id=\"").append(node.address()).append("\">")
                    .append(data("hop", node.hop()))
                    .append(data("is_contract", node.isContract()))
                    .append(data("labels", String.join(",", node.labels())));
            if (node.riskScore() != null) {
                out.append(data("risk_score", node.riskScore()));
            }
            out.append(data("degree", node.degree())).append("</node>\n");
        }
        int id = 0;
        for (final TransactionGraph.Edge edge : graph.edges()) {
            out.append("    <edge id=\"e").append(id++).append("\" source=\"").append(edge.from())
                    .append("\" target=\"").append(edge.to()).append("\">")
                    .append(data("transaction_count", edge.transactionCount()))
                    .append(data("value", amounts(edge.value())))
                    .append(data("first_block", edge.firstBlock()))
                    .append(data("last_block", edge.lastBlock()))
                    .append("</edge>\n");
        }
        return out.append("  </graph>\n</graphml>\n").toString();
    }

    public static String dot(final TransactionGraph graph) {
        final StringBuilder out = new StringBuilder(64 + 120 * (graph.nodes().size() + graph.edges().size()));
        out.append("digraph \"").append(graph.address()).append("\" {\n");
        for (final TransactionGraph.Node node : graph.nodes()) {
            out.append("  \"").append(node.address()).append("\" [hop=").append(node.hop())
                    .append(", is_contract=").append(node.isContract())
                    .append(", labels=\"").append(String.join(",", node.labels())).append('"')
                    .append(", degree=").append(node.degree());
            if (node.riskScore() != null) {
                out.append(", risk_score=").append(node.riskScore());
            }
            if (node.isContract()) {
                out.append(", shape=box");
            }
            out.append("];\n");
        }
        for (final TransactionGraph.Edge edge : graph.edges()) {
            out.append("  \"").append(edge.from()).append("\" -> \"").append(edge.to()).append("\" [transaction_count=")
                    .append(edge.transactionCount()).append(", value=\"").append(amounts(edge.value()))
                    .append("\", first_block=").append(edge.firstBlock()).append(", last_block=").append(edge.lastBlock())
                    .append(", label=\"").append(edge.transactionCount()).append("\"];\n");
        }
        return out.append("}\n").toString();
    }

    private static String amounts(final Map<String, BigInteger> value) {
        return value.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    // Every value written is an address, a number, a boolean or a fixed label: nothing to escape.
    private static String data(final String key, final Object value) {
        return "<data key=\"" + key + "\">" + value + "</data>";
    }
}
