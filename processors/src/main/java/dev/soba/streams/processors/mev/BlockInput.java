package dev.soba.streams.processors.mev;

import dev.soba.streams.schemas.LogItem;
import dev.soba.streams.schemas.Trace;
import dev.soba.streams.schemas.Transaction;
import dev.soba.streams.schemas.market.PoolInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One block's evidence for MEV inspection: its traces when the node could serve them (everything can
 * be found), or else its logs (swaps only, from Swap events, so sandwiches and arbitrage still can).
 */
public sealed interface BlockInput permits BlockInput.TracedBlock, BlockInput.LoggedBlock {

    long blockNumber();

    /**
     * @param traces               ethereum-etl trace items of the block, in any order (rewards are ignored)
     * @param transactionPositions hash to position in the block, for traces that lack
     *                             {@code transaction_index}; may be empty
     */
    record TracedBlock(long blockNumber, List<Trace> traces, Map<String, Long> transactionPositions)
            implements BlockInput {
        public TracedBlock {
            traces = List.copyOf(traces);
            transactionPositions = Map.copyOf(transactionPositions);
        }
    }

    /**
     * @param logs  ethereum-etl log items of the block, in any order
     * @param pools what the pool registry knows of the block's pools, by lower-case address; may be
     *              empty (tokens are then read from the Transfer logs)
     */
    record LoggedBlock(long blockNumber, List<LogItem> logs, Map<String, PoolInfo> pools) implements BlockInput {
        public LoggedBlock {
            logs = List.copyOf(logs);
            pools = Map.copyOf(pools);
        }
    }

    static TracedBlock ofTraces(final long blockNumber, final List<Trace> traces, final List<Transaction> transactions) {
        final Map<String, Long> positions = new HashMap<>();
        // ethereum-etl trace items carry their transaction's position: a block that arrives as traces
        // alone (a Parity trace_block replay) is still ordered; transaction items, when present, agree
        for (final Trace trace : traces) {
            if (trace.transactionHash() != null && trace.transactionIndex() != null) {
                positions.putIfAbsent(trace.transactionHash().toLowerCase(Locale.ROOT), trace.transactionIndex());
            }
        }
        for (final Transaction transaction : transactions) {
            if (transaction.hash() != null && transaction.transactionIndex() != null) {
                positions.put(transaction.hash().toLowerCase(Locale.ROOT), transaction.transactionIndex());
            }
        }
        return new TracedBlock(blockNumber, traces, positions);
    }

    static LoggedBlock ofLogs(final long blockNumber, final List<LogItem> logs, final Map<String, PoolInfo> pools) {
        return new LoggedBlock(blockNumber, logs, pools);
    }
}
