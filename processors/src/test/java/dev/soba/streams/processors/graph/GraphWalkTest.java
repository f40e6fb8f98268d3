package dev.soba.streams.processors.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphWalkTest {

    private static final String ROOT = address(0);

    private final Map<String, Counterparties> states = new HashMap<>();
    private final List<Set<String>> reads = new ArrayList<>();

    private static String address(final int n) {
        return String.format("0x%040x", n);
    }

    private void edge(final int from, final int to, final String token, final long block) {
        final GraphEdge edge = GraphEdge.transfer(String.format("0x%064x", states.size() * 1000 + block), -1, block, "0xb",
                address(from), address(to), token, BigInteger.TEN);
        for (final String end : new String[] {edge.fromAddress(), edge.toAddress()}) {
            states.put(end, states.getOrDefault(end, Counterparties.empty()).apply(end, CounterpartyChange.add(edge), 100));
        }
    }

    private TransactionGraph walk(final GraphQuery query) {
        return new GraphWalk(addresses -> {
            reads.add(Set.copyOf(addresses));
            final Map<String, Counterparties> found = new HashMap<>();
            addresses.forEach(a -> Optional.ofNullable(states.get(a)).ifPresent(s -> found.put(a, s)));
            return found;
        }, addresses -> Map.of(address(2), 0.9)).walk(query);
    }

    private static GraphQuery query(final int depth, final int limit) {
        return new GraphQuery(ROOT, depth, limit, 0, Long.MAX_VALUE, Optional.empty());
    }

    @Test
    void breadthFirstUpToTheDepthWithEdgesBothWays() {
        edge(0, 1, GraphEdge.ETH, 10);
        edge(2, 0, GraphEdge.ETH, 11);
        edge(1, 3, GraphEdge.ETH, 12);
        edge(3, 4, GraphEdge.ETH, 13);

        final TransactionGraph one = walk(query(1, 100));
        assertThat(one.known()).isTrue();
        assertThat(one.nodes()).extracting(TransactionGraph.Node::address).containsExactlyInAnyOrder(ROOT, address(1), address(2));
        assertThat(one.edges()).extracting(e -> e.from() + ">" + e.to())
                .containsExactlyInAnyOrder(ROOT + ">" + address(1), address(2) + ">" + ROOT);
        assertThat(one.nodes()).filteredOn(n -> n.address().equals(address(2))).singleElement()
                .satisfies(n -> {
                    assertThat(n.riskScore()).isEqualTo(0.9);
                    assertThat(n.hop()).isEqualTo(1);
                    assertThat(n.degree()).isEqualTo(1);
                });

        final TransactionGraph two = walk(query(2, 100));
        assertThat(two.nodes()).extracting(TransactionGraph.Node::address).contains(address(3)).doesNotContain(address(4));
        assertThat(two.truncated()).isFalse();
    }

    @Test
    void theNodeLimitTruncatesAndSaysSo() {
        for (int i = 1; i <= 5; i++) {
            edge(0, i, GraphEdge.ETH, i);
        }
        final TransactionGraph graph = walk(query(2, 3));
        assertThat(graph.nodes()).hasSize(3);
        assertThat(graph.truncated()).isTrue();
        assertThat(graph.edges()).allSatisfy(e -> assertThat(graph.nodes()).extracting(TransactionGraph.Node::address)
                .contains(e.from(), e.to()));
    }

    @Test
    void filtersByBlockRangeAndToken() {
        edge(0, 1, GraphEdge.ETH, 10);
        edge(0, 2, "0xtoken", 20);
        final TransactionGraph byBlock = walk(new GraphQuery(ROOT, 1, 100, 15, 30, Optional.empty()));
        assertThat(byBlock.nodes()).extracting(TransactionGraph.Node::address).containsExactlyInAnyOrder(ROOT, address(2));
        final TransactionGraph byToken = walk(new GraphQuery(ROOT, 1, 100, 0, Long.MAX_VALUE, Optional.of(GraphEdge.ETH)));
        assertThat(byToken.nodes()).extracting(TransactionGraph.Node::address).containsExactlyInAnyOrder(ROOT, address(1));
    }

    @Test
    void anUnknownAddressIsAnEmptyGraphThatSaysSo() {
        final TransactionGraph graph = walk(query(2, 100));
        assertThat(graph.known()).isFalse();
        assertThat(graph.nodes()).isEmpty();
        assertThat(graph.edges()).isEmpty();
    }

    @Test
    void eachHopIsReadOnceAsABatch() {
        edge(0, 1, GraphEdge.ETH, 1);
        edge(0, 2, GraphEdge.ETH, 2);
        edge(1, 3, GraphEdge.ETH, 3);
        walk(query(2, 100));
        assertThat(reads).containsExactly(Set.of(ROOT), Set.of(address(1), address(2)), Set.of(address(3)));
    }

    @Test
    void graphmlAndDotNameEveryNodeAndEdge() {
        edge(0, 1, GraphEdge.ETH, 10);
        final TransactionGraph graph = walk(query(1, 100));
        assertThat(GraphFormats.graphml(graph)).contains("<graphml", "<node id=\"" + ROOT + "\"",
                "source=\"" + ROOT + "\" target=\"" + address(1) + "\"", "eth=10");
        assertThat(GraphFormats.dot(graph)).startsWith("digraph").contains("\"" + ROOT + "\" -> \"" + address(1) + "\"");
    }
}
