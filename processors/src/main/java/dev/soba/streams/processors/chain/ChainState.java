package dev.soba.streams.processors.chain;

import dev.soba.streams.schemas.Block;
import java.util.List;
import java.util.Optional;

/** The state the canonical-chain logic keeps per partition; backed by state stores in the stream. */
public interface ChainState {

    Optional<Block> canonicalBlock(long number);

    void putCanonicalBlock(Block block);

    boolean isOrphaned(String blockHash);

    void markOrphaned(long number, String blockHash);

    void addTransaction(TransactionRef transaction);

    /** The highest canonical block number known; -1 before any. */
    long highest();

    /** Remembers a block hash refused as a re-organisation deeper than the configured depth. */
    void markRefused(long number, String blockHash);

    boolean isRefused(String blockHash);

    /** The transactions seen for one block (by number and hash), removing them from the state. */
    List<TransactionRef> takeTransactions(long number, String blockHash);
}
