package dev.soba.streams.processors.ingest;

import dev.soba.streams.schemas.EthItem;
import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.MarketTick;

/**
 * The key every validated item is re-partitioned by. All items of one block share a key (its
 * number), so de-duplication, re-organisation handling and later whole-block analysis see the
 * complete block on one partition. Market ticks are keyed by venue and pair.
 */
public final class PartitionKeys {

    private PartitionKeys() {
    }

    public static String of(final Item item) {
        if (item instanceof EthItem eth) {
            return eth.blockNumberIfKnown().isPresent()
                    ? forBlock(eth.blockNumberIfKnown().getAsLong())
                    : "item:" + item.identity();
        }
        final MarketTick tick = (MarketTick) item;
        return "tick:" + tick.exchange() + ":" + tick.symbol();
    }

    /** The key of a block height; interactive queries for a block use the same key to find its owner. */
    public static String forBlock(final long number) {
        return Long.toString(number);
    }
}
