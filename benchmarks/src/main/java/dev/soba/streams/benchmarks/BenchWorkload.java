package dev.soba.streams.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.simulator.ExchangeTicks;
import dev.soba.streams.simulator.Scenario;
import dev.soba.streams.simulator.SyntheticBlock;
import dev.soba.streams.simulator.SyntheticChain;
import dev.soba.streams.simulator.SyntheticPools;
import dev.soba.streams.topology.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;

/**
 * What {@code bench pipeline} feeds the pipeline: the market simulator (the demo's feed and
 * {@code ./soba simulate}): blocks, transactions, logs, token transfers and every transaction's
 * traces of a DEX economy with retail traders, sandwich and arbitrage bots and phishing drains, its
 * pools in the registry, and the exchange ticks that follow its prices. The one seam between the
 * benchmark and its item source.
 */
public final class BenchWorkload {

    /** One record for an input topic, as a producer sends it (key null for ethereum-etl items). */
    record BenchItem(ItemType type, byte[] key, byte[] value) {
    }

    private static final long START_BLOCK = 19_000_000L;
    private static final Instant GENESIS = Instant.parse("2024-01-01T00:00:00Z");

    private final SyntheticChain chain;

    BenchWorkload(final long seed) {
        this.chain = new SyntheticChain(seed, START_BLOCK, GENESIS.getEpochSecond(),
                SyntheticChain.MAINNET_SECONDS_PER_BLOCK, Scenario.MARKET);
    }

    /** Puts the simulated pools into the registry, as {@code ./soba pools import} would. */
    void registerPools(final Producer<String, byte[]> producer, final Topics topics)
            throws InterruptedException, ExecutionException {
        SyntheticPools.register(chain, producer, topics.pools());
    }

    /** An endless sequence: each block's items in ethereum-etl's order, then the exchange ticks of its slot. */
    Iterator<BenchItem> items() {
        return new Iterator<>() {
            private final ArrayDeque<BenchItem> pending = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public BenchItem next() {
                if (pending.isEmpty()) {
                    refill();
                }
                return pending.poll();
            }

            private void refill() {
                final SyntheticBlock block = chain.nextBlock();
                for (final ObjectNode item : block.allItems()) {
                    pending.add(new BenchItem(ItemType.fromTypeName(item.get("type").asText()).orElseThrow(), null,
                            Json.write(item)));
                }
                for (final ObjectNode tick : block.ticks()) {
                    pending.add(new BenchItem(ItemType.MARKET_TICK,
                            ExchangeTicks.key(tick).getBytes(StandardCharsets.UTF_8), Json.write(tick)));
                }
            }
        };
    }
}
