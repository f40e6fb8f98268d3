package dev.soba.streams.processors.dex;

import dev.soba.streams.schemas.market.Swap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Swaps by pool, queryable by block range: keys {@code pool|<block, 20 digits>|<log index, 10
 * digits>} sort in chain order within a pool, so a block range is one range read. Retention is
 * counted in blocks per pool, from that pool's newest swap, so history replayed behind a live
 * chain is kept.
 */
public final class SwapIndexProcessor implements Processor<String, Swap, Void, Void> {

    /** A pool's old swaps are looked for once per this many blocks of progress. */
    private static final long PRUNE_EVERY_BLOCKS = 1_000;

    private final String storeName;
    private final long retentionBlocks;
    private final Map<String, Long> prunedAt = new HashMap<>();
    private KeyValueStore<String, Swap> swaps;

    public SwapIndexProcessor(final String storeName, final long retentionBlocks) {
        this.storeName = storeName;
        this.retentionBlocks = retentionBlocks;
    }

    public static String key(final String pool, final long block, final long logIndex) {
        return pool + "|" + pad(block, 20) + "|" + pad(logIndex, 10);
    }

    private static String pad(final long value, final int width) {
        final String digits = Long.toString(Math.max(0, value));
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    @Override
    public void init(final ProcessorContext<Void, Void> context) {
        this.swaps = context.getStateStore(storeName);
    }

    @Override
    public void process(final Record<String, Swap> record) {
        final Swap swap = record.value();
        swaps.put(key(swap.poolAddress(), swap.blockNumber(), swap.logIndex()), swap);
        final long last = prunedAt.getOrDefault(swap.poolAddress(), 0L);
        if (swap.blockNumber() - last >= PRUNE_EVERY_BLOCKS) {
            prunedAt.put(swap.poolAddress(), swap.blockNumber());
            forgetOlderThan(swap.poolAddress(), swap.blockNumber() - retentionBlocks);
        }
    }

    private void forgetOlderThan(final String pool, final long block) {
        if (block <= 0) {
            return;
        }
        final List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, Swap> it = swaps.range(key(pool, 0, 0), key(pool, block, 0))) {
            it.forEachRemaining(entry -> old.add(entry.key));
        }
        old.forEach(swaps::delete);
    }
}
