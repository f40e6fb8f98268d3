package dev.soba.streams.processors.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.schemas.JsonSerde;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * What one address costs in the counterparty store (the serialised value RocksDB keeps, before
 * its compression), the basis of the README's memory figures.
 */
class CounterpartySizeTest {

    private static final String TOKEN = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";

    private static int bytes(final int counterparties) {
        final String self = String.format("0x%040x", 1);
        Counterparties state = Counterparties.empty();
        for (int i = 0; i < counterparties; i++) {
            final String other = String.format("0x%040x", 1000 + i);
            final String tx = String.format("0x%064x", i);
            state = state.apply(self, CounterpartyChange.add(GraphEdge.transfer(tx, -1, 19_000_000L + i,
                    "0xb", self, other, GraphEdge.ETH, new BigInteger("1234567890123456789"))), 200);
            state = state.apply(self, CounterpartyChange.add(GraphEdge.transfer(tx, 3, 19_000_000L + i,
                    "0xb", other, self, TOKEN, new BigInteger("250000000"))), 200);
        }
        try (JsonSerde<Counterparties> serde = new JsonSerde<>(Counterparties.class)) {
            return serde.serializer().serialize("t", state).length;
        }
    }

    @Test
    void aCounterpartyCostsAFewHundredBytesAndAHubIsBounded() {
        final int one = bytes(1);
        final int eight = bytes(8);
        final int full = bytes(200);
        final int overflowing = bytes(1000);
        System.out.printf("counterparty state: 1 counterparty %d B, 8: %d B, 200: %d B, 1000 (bound 200): %d B%n",
                one, eight, full, overflowing);
        assertThat((eight - one) / 7).isBetween(250, 450);
        assertThat(overflowing).isLessThanOrEqualTo(full + 64);
    }
}
