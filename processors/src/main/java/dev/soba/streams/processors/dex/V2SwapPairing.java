package dev.soba.streams.processors.dex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Pairs each V2 Swap with the Sync its pair logged just before it in the same transaction: the
 * reserves after the swap, hence its price. ethereum-etl spreads a block's logs over partitions, so
 * the two arrive in either order; whichever comes first waits in the {@link PendingState}.
 *
 * <p><b>Matching.</b> Uniswap V2's {@code swap()} logs Sync and then Swap with nothing in between, so
 * a Swap at log index {@code i} pairs at once with the same pair's Sync at {@code i − 1}, in whatever
 * order they arrive. A Swap without that neighbour waits; when it is flushed ({@link #expire}) it takes
 * the closest earlier waiting Sync of the same pair and transaction with no other Swap of that pair in
 * between (forks that log something between the two), or goes out without a Sync.
 *
 * <p><b>Keys.</b> One entry per pair and transaction: {@code <block number, 20 digits>:<block hash>:
 * <transaction hash>:<pair address>} (see {@link #key}). The block hash keeps the logs of a block and
 * its re-organised replacement apart; the zero-padded block number makes keys sort by block, so the
 * processor can flush every block up to {@code n} with one range scan up to {@link #blockPrefix}
 * {@code (n + 1)}.
 *
 * <p><b>Expiry.</b> An entry lives until the processor expires it, even once everything in it is
 * paired: it remembers the swaps already published, so a later swap never reaches back past one of
 * them and a re-sent log is not published twice. Syncs of mints and burns never find a Swap, and a
 * Swap may never see its Sync (a filtered feed): the processor calls {@link #expire} for entries whose
 * block is complete or older than a configured wait ({@link PendingV2Logs#blockNumber},
 * {@link PendingV2Logs#timestampMillis}), which publishes their waiting Swaps and forgets the rest.
 */
public final class V2SwapPairing {

    private static final Comparator<V2Swap> BY_LOG_INDEX = Comparator.comparingLong(s -> s.meta().logIndex());

    private final PendingState state;

    public V2SwapPairing(final PendingState state) {
        this.state = state;
    }

    /** A swap ready to be published, with the Sync that gives its reserves when one was found. */
    public record Ready(V2Swap swap, Optional<V2Sync> sync) {
    }

    /** The state key of a pair's pending logs in one transaction. */
    public static String key(final LogMeta meta, final String pool) {
        return blockPrefix(meta.blockNumber()) + meta.blockHash() + ':' + meta.transactionHash() + ':' + pool;
    }

    /** Every key of block {@code blockNumber} starts with this, and sorts before every key of later blocks. */
    public static String blockPrefix(final long blockNumber) {
        final String digits = Long.toString(blockNumber);
        return "0".repeat(20 - digits.length()) + digits + ':';
    }

    public List<Ready> onSync(final V2Sync sync) {
        final String key = key(sync.meta(), sync.pool());
        final PendingV2Logs pending = state.get(key).orElseGet(() -> PendingV2Logs.startingAt(sync.meta()));
        if (pending.knowsSync(sync.meta().logIndex())) {
            return List.of();
        }
        final Optional<V2Swap> next = pending.swaps().stream()
                .filter(s -> s.meta().logIndex() == sync.meta().logIndex() + 1).findFirst();
        if (next.isEmpty()) {
            save(key, pending.withSync(sync));
            return List.of();
        }
        save(key, pending.paired(sync, next.get()));
        return List.of(new Ready(next.get(), Optional.of(sync)));
    }

    public List<Ready> onSwap(final V2Swap swap) {
        final String key = key(swap.meta(), swap.pool());
        final PendingV2Logs pending = state.get(key).orElseGet(() -> PendingV2Logs.startingAt(swap.meta()));
        if (pending.knowsSwap(swap.meta().logIndex())) {
            return List.of();
        }
        final Optional<V2Sync> previous = pending.syncs().stream()
                .filter(s -> s.meta().logIndex() == swap.meta().logIndex() - 1).findFirst();
        if (previous.isEmpty()) {
            save(key, pending.withSwap(swap));
            return List.of();
        }
        save(key, pending.paired(previous.get(), swap));
        return List.of(new Ready(swap, previous));
    }

    /**
     * Gives up waiting on one entry: its Swaps are published (with the closest earlier Sync as above,
     * else without), in log order, its Syncs dropped, the entry removed. Nothing for an unknown key.
     */
    public List<Ready> expire(final String key) {
        final Optional<PendingV2Logs> pending = state.get(key);
        if (pending.isEmpty()) {
            return List.of();
        }
        state.remove(key);
        final List<V2Swap> swaps = new ArrayList<>(pending.get().swaps());
        swaps.sort(BY_LOG_INDEX);
        final List<Ready> ready = new ArrayList<>(swaps.size());
        for (final V2Swap swap : swaps) {
            ready.add(new Ready(swap, closestEarlierSync(pending.get(), swap.meta().logIndex())));
        }
        return ready;
    }

    /** The latest Sync before {@code swapIndex} with no Swap of the pair between them. */
    private static Optional<V2Sync> closestEarlierSync(final PendingV2Logs pending, final long swapIndex) {
        final long previousSwap = pending.swaps().stream().mapToLong(s -> s.meta().logIndex())
                .filter(i -> i < swapIndex).max().orElse(-1L);
        final long previousPaired = pending.pairedSwapLogIndexes().stream().mapToLong(Long::longValue)
                .filter(i -> i < swapIndex).max().orElse(-1L);
        final long floor = Math.max(previousSwap, previousPaired);
        return pending.syncs().stream()
                .filter(s -> s.meta().logIndex() > floor && s.meta().logIndex() < swapIndex)
                .max(Comparator.comparingLong(s -> s.meta().logIndex()));
    }

    private void save(final String key, final PendingV2Logs pending) {
        state.put(key, pending);
    }
}
