package dev.soba.streams.processors.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CounterpartiesTest {

    private static final String HUB = "0x00000000000000000000000000000000000000aa";

    private static String address(final int n) {
        return String.format("0x%040x", n);
    }

    private static GraphEdge edge(final String from, final String to, final String token, final long value, final long block) {
        return GraphEdge.transfer(String.format("0x%064x", block * 1000 + value), -1, block, "0xb" + block, from, to, token,
                BigInteger.valueOf(value));
    }

    @Test
    void countsAndAmountsPerTokenBothWays() {
        final String peer = address(1);
        Counterparties state = Counterparties.empty();
        state = state.apply(HUB, CounterpartyChange.add(edge(HUB, peer, GraphEdge.ETH, 5, 10)), 10);
        state = state.apply(HUB, CounterpartyChange.add(edge(HUB, peer, GraphEdge.ETH, 7, 12)), 10);
        state = state.apply(HUB, CounterpartyChange.add(edge(peer, HUB, "0xtoken", 3, 11)), 10);

        final Counterparty c = state.counterparty(peer).orElseThrow();
        assertThat(c.sent()).isEqualTo(2);
        assertThat(c.received()).isEqualTo(1);
        assertThat(c.firstBlock()).isEqualTo(10);
        assertThat(c.lastBlock()).isEqualTo(12);
        assertThat(c.valueSent()).isEqualTo(Map.of(GraphEdge.ETH, BigInteger.valueOf(12)));
        assertThat(c.valueReceived()).isEqualTo(Map.of("0xtoken", BigInteger.valueOf(3)));
        assertThat(state.degree()).isEqualTo(1);
    }

    @Test
    void aRetractedEdgeIsWithdrawnAndAnEmptyRelationDisappears() {
        final String peer = address(1);
        final GraphEdge once = edge(HUB, peer, GraphEdge.ETH, 5, 10);
        final GraphEdge twice = edge(HUB, peer, GraphEdge.ETH, 7, 11);
        Counterparties state = Counterparties.empty()
                .apply(HUB, CounterpartyChange.add(once), 10)
                .apply(HUB, CounterpartyChange.add(twice), 10)
                .apply(HUB, CounterpartyChange.retract(twice), 10);
        assertThat(state.counterparty(peer).orElseThrow().sent()).isEqualTo(1);
        assertThat(state.counterparty(peer).orElseThrow().valueSent()).containsEntry(GraphEdge.ETH, BigInteger.valueOf(5));

        state = state.apply(HUB, CounterpartyChange.retract(once), 10);
        assertThat(state.top()).isEmpty();
        assertThat(state.holdsNothing()).isTrue();
    }

    @Test
    void aHubKeepsItsStrongestCounterpartiesAndCountsTheRest() {
        final int limit = 3;
        Counterparties state = Counterparties.empty();
        // peer 1 is the strongest (three edges), then 2 (two), the others one edge each
        for (final int[] spec : new int[][] {{1, 3}, {2, 2}, {3, 1}, {4, 1}, {5, 1}}) {
            for (int i = 0; i < spec[1]; i++) {
                state = state.apply(HUB, CounterpartyChange.add(edge(address(spec[0]), HUB, GraphEdge.ETH, 1 + i, 100 + spec[0])), limit);
            }
        }
        assertThat(state.top()).hasSize(limit);
        assertThat(state.top()).extracting(Counterparty::address).startsWith(address(1), address(2));
        assertThat(state.top().get(2).address()).isEqualTo(address(5));
        assertThat(state.otherCounterparties()).isEqualTo(2);
        assertThat(state.otherInteractions()).isEqualTo(2);
        assertThat(state.degree()).isEqualTo(5);
    }

    @Test
    void contractMarkIsKept() {
        final Counterparties state = Counterparties.empty().apply(HUB, CounterpartyChange.contract(), 3)
                .apply(HUB, CounterpartyChange.add(edge(address(1), HUB, GraphEdge.ETH, 1, 1)), 3);
        assertThat(state.contract()).isTrue();
        assertThat(state.holdsNothing()).isFalse();
    }
}
