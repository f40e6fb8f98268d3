package dev.soba.streams.processors.mev;

import dev.soba.streams.schemas.Block;
import dev.soba.streams.schemas.EthItem;
import dev.soba.streams.schemas.LogItem;
import dev.soba.streams.schemas.Trace;
import dev.soba.streams.schemas.Transaction;
import dev.soba.streams.schemas.market.PoolInfo;
import dev.soba.streams.schemas.mev.MevFinding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One block's canonical items gathered so far, and what its last analysis found. Immutable: every
 * change returns a new value, which the processor writes back to its store (so it is JSON as is).
 *
 * @param block           the block record, null until it arrives
 * @param firstSeenAt     wall-clock millis of the first item; the timeout counts from here when the
 *                        block record never comes
 * @param blockSeenAt     wall-clock millis the block record arrived, 0 before
 * @param lastItemAt      wall-clock millis of the latest item, for the quiet period
 * @param analysed        whether findings were published for the current items (false again when an
 *                        item arrives after the analysis: the block is then re-analysed as a correction)
 * @param everAnalysed    whether a finding set was ever published, so a re-analysis is a correction
 * @param findings        the finding set last published
 */
public record BlockAssembly(long blockNumber, Block block, List<Transaction> transactions, List<Trace> traces,
                            List<LogItem> logs, long firstSeenAt, long blockSeenAt, long lastItemAt,
                            boolean analysed, boolean everAnalysed, List<MevFinding> findings) {

    public BlockAssembly {
        transactions = List.copyOf(transactions);
        traces = List.copyOf(traces);
        logs = List.copyOf(logs);
        findings = List.copyOf(findings);
    }

    public static BlockAssembly empty(final long blockNumber, final long now) {
        return new BlockAssembly(blockNumber, null, List.of(), List.of(), List.of(), now, 0, now, false, false, List.of());
    }

    /** Whether this item is something MEV inspection reads. */
    public static boolean relevant(final Object item) {
        return item instanceof Block || item instanceof Transaction || item instanceof Trace || item instanceof LogItem;
    }

    /** The assembly with one more item; any item makes a published analysis stale. */
    public BlockAssembly with(final EthItem item, final long now) {
        Block newBlock = block;
        long newBlockSeenAt = blockSeenAt;
        final List<Transaction> txs = new ArrayList<>(transactions);
        final List<Trace> trs = new ArrayList<>(traces);
        final List<LogItem> lgs = new ArrayList<>(logs);
        if (item instanceof Block b) {
            newBlock = b;
            newBlockSeenAt = now;
        } else {
            addTo(item, txs, trs, lgs);
        }
        return new BlockAssembly(blockNumber, newBlock, txs, trs, lgs, firstSeenAt, newBlockSeenAt, now, false,
                everAnalysed, findings);
    }

    /**
     * After a re-organisation of this height: only the items of the new canonical block stay (some
     * may already have come before its block record), and the published findings are withdrawn.
     */
    public BlockAssembly reorganisedTo(final String newHash, final long now) {
        return new BlockAssembly(blockNumber, null,
                keep(transactions, newHash), keep(traces, newHash), keep(logs, newHash),
                now, 0, now, false, false, List.of());
    }

    private static <T extends EthItem> List<T> keep(final List<T> items, final String hash) {
        return items.stream().filter(i -> i.blockHashIfKnown().map(hash::equalsIgnoreCase).orElse(false)).toList();
    }

    /** Whether the block is ready for (re-)analysis at wall-clock {@code now}. */
    public boolean due(final long now, final Timing timing, final boolean laterBlockSeen) {
        if (analysed) {
            return false;
        }
        final boolean quiet = now - lastItemAt >= timing.quiet().toMillis();
        if (block != null) {
            final long expected = block.transactionCount() == null ? 0 : block.transactionCount();
            if (transactions.size() >= expected && quiet) {
                return true;
            }
            // A later block on this partition means this one's items were sent; still wait for a quiet
            // moment so a burst of its traces is not cut in two.
            if (laterBlockSeen && quiet) {
                return true;
            }
            return now - blockSeenAt >= timing.timeout().toMillis();
        }
        // No block record (yet): analyse what there is once the timeout has passed since the first item.
        return now - firstSeenAt >= timing.timeout().toMillis();
    }

    /** What to inspect: the traces when there are any, otherwise the logs with the registry's pools. */
    public BlockInput input(final Function<String, Optional<PoolInfo>> pools) {
        if (!traces.isEmpty()) {
            return BlockInput.ofTraces(blockNumber, traces, transactions);
        }
        final Map<String, PoolInfo> known = new HashMap<>();
        for (final LogItem log : logs) {
            if (log.address() != null && !known.containsKey(log.address())) {
                pools.apply(log.address()).ifPresent(p -> known.put(log.address(), p));
            }
        }
        return BlockInput.ofLogs(blockNumber, logs, known);
    }

    /** How many transactions, traces and logs it holds (the block record aside). */
    public int itemCount() {
        return transactions.size() + traces.size() + logs.size();
    }

    /** Everything but the transactions, traces and logs: what is stored per block, the items being stored one by one. */
    public BlockAssembly header() {
        return new BlockAssembly(blockNumber, block, List.of(), List.of(), List.of(), firstSeenAt, blockSeenAt,
                lastItemAt, analysed, everAnalysed, findings);
    }

    /** This header with its items back, in the order they came (restoring from the stores). */
    public BlockAssembly restored(final List<? extends EthItem> items) {
        final List<Transaction> txs = new ArrayList<>();
        final List<Trace> trs = new ArrayList<>();
        final List<LogItem> lgs = new ArrayList<>();
        for (final EthItem item : items) {
            addTo(item, txs, trs, lgs);
        }
        return new BlockAssembly(blockNumber, block, txs, trs, lgs, firstSeenAt, blockSeenAt, lastItemAt, analysed,
                everAnalysed, findings);
    }

    /** Adds a transaction, trace or log to its list (anything else is not kept). */
    private static void addTo(final EthItem item, final List<Transaction> txs, final List<Trace> trs,
                              final List<LogItem> lgs) {
        if (item instanceof Transaction t) {
            txs.add(t);
        } else if (item instanceof Trace t) {
            trs.add(t);
        } else if (item instanceof LogItem l) {
            lgs.add(l);
        }
    }

    /** Its transactions, traces and logs, in that order. */
    public List<EthItem> items() {
        final List<EthItem> items = new ArrayList<>(itemCount());
        items.addAll(transactions);
        items.addAll(traces);
        items.addAll(logs);
        return items;
    }

    /** The assembly once its findings were published. */
    public BlockAssembly analysedWith(final List<MevFinding> published) {
        return new BlockAssembly(blockNumber, block, transactions, traces, logs, firstSeenAt, blockSeenAt, lastItemAt,
                true, true, published);
    }

    public String blockHash() {
        return block == null ? null : block.hash();
    }

    /**
     * @param quiet   how long traces/logs must have been silent before a complete block is analysed
     * @param timeout how long after its block record (or first item) a block is analysed anyway
     */
    public record Timing(Duration quiet, Duration timeout) {
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }
}
