package dev.soba.streams.processors.chain;

import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.ReorgEvent;

/** What the canonical-chain logic makes of one de-duplicated item. */
public sealed interface ChainEvent {

    /** The item belongs to the canonical chain as far as we know: pass it on. */
    record Canonical(Item item) implements ChainEvent {
    }

    /** A known height arrived with another hash; the new block is canonical from now on. */
    record Reorganised(ReorgEvent reorg) implements ChainEvent {
    }

    /** A transaction of an orphaned block: results derived from it must be withdrawn. */
    record Retracted(TransactionRef transaction) implements ChainEvent {
    }

    /**
     * The item is refused: a block that would re-organise a height deeper than the configured depth
     * (whose transactions can no longer be retracted exactly), or an item of such a block. It goes to
     * rejected_records with the reason; nothing of it is applied.
     */
    record Refused(Item item, String reason) implements ChainEvent {
    }

    /** The item belongs to a block already known to be orphaned: it is not indexed. */
    record Orphaned(Item item, long blockNumber, String blockHash) implements ChainEvent {
    }
}
