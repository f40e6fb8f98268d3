package dev.soba.streams.processors.ingest;

import dev.soba.streams.schemas.EthItem;
import dev.soba.streams.schemas.Item;

/**
 * Two records are the same item when they have the same identity and come from the same block:
 * ethereum-etl re-sends items on restart, while after a re-organisation the same transaction in
 * another block is new information.
 */
public final class DeduplicationKey {

    private DeduplicationKey() {
    }

    public static String of(final Item item) {
        if (item instanceof EthItem eth) {
            return item.identity() + "@" + eth.blockHashIfKnown().orElse("");
        }
        return item.identity();
    }
}
