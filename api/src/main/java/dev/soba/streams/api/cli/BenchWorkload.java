package dev.soba.streams.api.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soba.streams.api.demo.SyntheticBlock;
import dev.soba.streams.api.demo.SyntheticChain;
import dev.soba.streams.api.demo.SyntheticPools;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.topology.Topics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;

/**
 * What {@code bench pipeline} feeds the pipeline: the demo's deterministic synthetic chain (blocks,
 * transactions, Uniswap-V2 Swap/Sync/Transfer logs, token transfers, its pools in the registry) with
 * ETH-USDT exchange ticks between its blocks. The one seam between the benchmark and its item source.
 */
final class BenchWorkload {

    /** One record for an input topic, as a producer sends it (key null for ethereum-etl items). */
    record BenchItem(ItemType type, byte[] key, byte[] value) {
    }

    private static final long START_BLOCK = 19_000_000L;
    private static final Instant GENESIS = Instant.parse("2024-01-01T00:00:00Z");
    private static final int TICKS_PER_BLOCK = 24;
    private static final String[] EXCHANGES = {"binance", "bybit", "okx"};

    private final SyntheticChain chain;
    private final Random random;

    BenchWorkload(final long seed) {
        this.chain = new SyntheticChain(seed, START_BLOCK, GENESIS.getEpochSecond());
        this.random = new Random(seed);
    }

    /** Puts the chain's pools into the registry, as {@code ./soba pools import} would. */
    void registerPools(final Producer<String, byte[]> producer, final Topics topics)
            throws InterruptedException, ExecutionException {
        SyntheticPools.register(chain, producer, topics.pools());
    }

    /** An endless sequence: each block's items in ethereum-etl's order, then the ticks of its 12 seconds. */
    Iterator<BenchItem> items() {
        return new Iterator<>() {
            private final ArrayDeque<BenchItem> pending = new ArrayDeque<>();
            private BigDecimal price = new BigDecimal("2300.00");
            private long tradeId;

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
                    final Optional<ItemType> type = ItemType.fromTypeName(item.get("type").asText());
                    pending.add(new BenchItem(type.orElseThrow(), null, Json.write(item)));
                }
                final long start = block.block().get("timestamp").asLong() * 1000;
                for (int i = 0; i < TICKS_PER_BLOCK; i++) {
                    pending.add(tick(start + i * (SyntheticChain.MAINNET_SECONDS_PER_BLOCK * 1000 / TICKS_PER_BLOCK)));
                }
            }

            private BenchItem tick(final long timestamp) {
                price = price.add(BigDecimal.valueOf(random.nextGaussian() * 0.5).setScale(2, RoundingMode.HALF_EVEN))
                        .max(new BigDecimal("1.00"));
                final String exchange = EXCHANGES[(int) (tradeId % EXCHANGES.length)];
                final String tick = "{\"exchange\":\"" + exchange + "\",\"symbol\":\"ETH-USDT\",\"price\":\""
                        + price.toPlainString() + "\",\"quantity\":\""
                        + BigDecimal.valueOf(random.nextInt(5000) + 1, 3).toPlainString() + "\",\"side\":\""
                        + (random.nextBoolean() ? "buy" : "sell") + "\",\"trade_id\":\"" + tradeId++
                        + "\",\"timestamp\":" + timestamp + "}";
                return new BenchItem(ItemType.MARKET_TICK, (exchange + "|ETH-USDT").getBytes(StandardCharsets.UTF_8),
                        tick.getBytes(StandardCharsets.UTF_8));
            }
        };
    }
}
