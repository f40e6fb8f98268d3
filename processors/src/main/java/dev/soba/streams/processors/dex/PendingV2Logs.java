package dev.soba.streams.processors.dex;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The unpaired Sync and Swap logs of one V2 pair in one transaction (one {@link PendingState} entry).
 * Kept small and serialisable (records and lists only) so a state store can hold it as JSON.
 *
 * @param blockNumber           the block the logs are in, for flushing when the block is complete
 * @param timestampMillis       that block's timestamp, for flushing after a wait in event time
 * @param syncs                 Syncs no swap has claimed yet
 * @param swaps                 Swaps still waiting for their Sync
 * @param pairedSwapLogIndexes  Swaps already paired and published: a later swap must not reach back
 *                              past them to an older Sync, and a re-sent one is not published twice
 */
public record PendingV2Logs(long blockNumber, long timestampMillis, List<V2Sync> syncs, List<V2Swap> swaps,
                            List<Long> pairedSwapLogIndexes) {

    public PendingV2Logs {
        syncs = syncs == null ? List.of() : List.copyOf(syncs);
        swaps = swaps == null ? List.of() : List.copyOf(swaps);
        pairedSwapLogIndexes = pairedSwapLogIndexes == null ? List.of() : List.copyOf(pairedSwapLogIndexes);
    }

    static PendingV2Logs startingAt(final LogMeta meta) {
        return new PendingV2Logs(meta.blockNumber(), meta.timestampMillis(), List.of(), List.of(), List.of());
    }

    boolean knowsSync(final long logIndex) {
        return syncs.stream().anyMatch(s -> s.meta().logIndex() == logIndex);
    }

    boolean knowsSwap(final long logIndex) {
        return pairedSwapLogIndexes.contains(logIndex) || swaps.stream().anyMatch(s -> s.meta().logIndex() == logIndex);
    }

    PendingV2Logs withSync(final V2Sync sync) {
        return new PendingV2Logs(blockNumber, timestampMillis, plus(syncs, sync), swaps, pairedSwapLogIndexes);
    }

    PendingV2Logs withSwap(final V2Swap swap) {
        return new PendingV2Logs(blockNumber, timestampMillis, syncs, plus(swaps, swap), pairedSwapLogIndexes);
    }

    /** The pair (sync, swap) was published: both leave the waiting lists, the swap is remembered. */
    PendingV2Logs paired(final V2Sync sync, final V2Swap swap) {
        return new PendingV2Logs(blockNumber, timestampMillis, minus(syncs, s -> s.equals(sync)),
                minus(swaps, s -> s.equals(swap)), plus(pairedSwapLogIndexes, swap.meta().logIndex()));
    }

    private static <T> List<T> plus(final List<T> list, final T item) {
        final List<T> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(item);
        return copy;
    }

    private static <T> List<T> minus(final List<T> list, final Predicate<T> drop) {
        return list.stream().filter(drop.negate()).toList();
    }
}
