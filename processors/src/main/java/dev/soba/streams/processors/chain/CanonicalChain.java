package dev.soba.streams.processors.chain;

import dev.soba.streams.schemas.Block;
import dev.soba.streams.schemas.EthItem;
import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.ReorgEvent;
import dev.soba.streams.schemas.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps one canonical block per height. A height that arrives with a new hash is a
 * re-organisation: the newest block wins (as a node following the chain head would see it), the
 * old hash is remembered as orphaned, and the transactions indexed from it are retracted.
 * Items that arrive later for an orphaned block are recognised and not indexed.
 */
public final class CanonicalChain {

    private final ChainState state;
    private final int reorgDepth;

    /** A chain that re-organises any height (no depth limit). */
    public CanonicalChain(final ChainState state) {
        this(state, Integer.MAX_VALUE);
    }

    /**
     * @param reorgDepth how many heights below the highest block a re-organisation may reach; a new
     *                   hash deeper than that is refused (its transactions could no longer be retracted)
     */
    public CanonicalChain(final ChainState state, final int reorgDepth) {
        this.state = state;
        this.reorgDepth = reorgDepth;
    }

    public List<ChainEvent> accept(final Item item, final long nowMillis) {
        if (item instanceof Block block) {
            return acceptBlock(block, nowMillis);
        }
        if (item instanceof EthItem eth) {
            final Optional<String> blockHash = eth.blockHashIfKnown();
            if (blockHash.isPresent() && state.isRefused(blockHash.get())) {
                return List.of(new ChainEvent.Refused(item, "belongs to block " + blockHash.get()
                        + ", refused as a re-organisation deeper than " + reorgDepth + " blocks"));
            }
            if (blockHash.isPresent() && state.isOrphaned(blockHash.get())) {
                return List.of(new ChainEvent.Orphaned(item, eth.blockNumberIfKnown().orElse(-1L), blockHash.get()));
            }
            if (item instanceof Transaction tx && tx.blockNumber() != null && tx.blockHash() != null) {
                state.addTransaction(TransactionRef.of(tx));
            }
        }
        return List.of(new ChainEvent.Canonical(item));
    }

    private List<ChainEvent> acceptBlock(final Block block, final long nowMillis) {
        if (state.isOrphaned(block.hash())) {
            return List.of(new ChainEvent.Orphaned(block, block.number(), block.hash()));
        }
        final Optional<Block> known = state.canonicalBlock(block.number());
        if (known.isEmpty() || known.get().hash().equals(block.hash())) {
            state.putCanonicalBlock(block);
            return List.of(new ChainEvent.Canonical(block));
        }
        final String oldHash = known.get().hash();
        if (state.highest() - block.number() > reorgDepth) {
            state.markRefused(block.number(), block.hash());
            return List.of(new ChainEvent.Refused(block, "re-organisation deeper than " + reorgDepth
                    + " blocks refused: height " + block.number() + " is " + (state.highest() - block.number())
                    + " below the highest block " + state.highest() + " and holds block " + oldHash));
        }
        final List<ChainEvent> events = new ArrayList<>();
        events.add(new ChainEvent.Reorganised(new ReorgEvent(block.number(), oldHash, block.hash(), nowMillis)));
        state.markOrphaned(block.number(), oldHash);
        for (final TransactionRef orphaned : state.takeTransactions(block.number(), oldHash)) {
            events.add(new ChainEvent.Retracted(orphaned));
        }
        state.putCanonicalBlock(block);
        events.add(new ChainEvent.Canonical(block));
        return events;
    }
}
