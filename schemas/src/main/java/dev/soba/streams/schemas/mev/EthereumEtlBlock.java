package dev.soba.streams.schemas.mev;

import dev.soba.streams.schemas.Block;
import dev.soba.streams.schemas.LogItem;
import dev.soba.streams.schemas.Trace;
import dev.soba.streams.schemas.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The items of one block found in ethereum-etl JSON lines, by type, in file order. Any of the lists
 * may be empty: most nodes cannot serve traces, and a file may hold only some of the types.
 *
 * @param block the block item, when the file has it (null otherwise)
 */
public record EthereumEtlBlock(
        long blockNumber,
        Block block,
        List<Transaction> transactions,
        List<LogItem> logs,
        List<Trace> traces) implements BlockFile {

    public EthereumEtlBlock {
        transactions = List.copyOf(transactions);
        logs = List.copyOf(logs);
        traces = List.copyOf(traces);
    }

    public Optional<Block> blockItem() {
        return Optional.ofNullable(block);
    }

    /**
     * The same block's items from another file appended to these (ethereum-etl exports one file per item
     * type); the first block item wins.
     */
    public EthereumEtlBlock merge(final EthereumEtlBlock other) {
        if (other.blockNumber != blockNumber) {
            throw new IllegalArgumentException("cannot merge block " + other.blockNumber + " into block " + blockNumber);
        }
        return new EthereumEtlBlock(blockNumber, block != null ? block : other.block, concat(transactions,
                other.transactions), concat(logs, other.logs), concat(traces, other.traces));
    }

    private static <T> List<T> concat(final List<T> a, final List<T> b) {
        final List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
