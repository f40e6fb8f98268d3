package dev.soba.streams.processors.mev;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The heights whose MEV assembly was analysed and then let go, as ranges of consecutive heights (a
 * live feed forgets its blocks oldest first, so one range grows; a backfill below adds another that
 * later joins it). An item for a forgotten height is too late: analysing that fragment alone would
 * replace the block's good findings with bad ones. Every other height, however far below the newest
 * block, is assembled when its items arrive. A re-organised height is taken out again, so that the
 * replacement block is analysed.
 *
 * <p>Each change says which ranges to delete and which to write, so a store can mirror the set.
 */
public final class ForgottenBlocks {

    private final NavigableMap<Long, Long> ranges = new TreeMap<>();

    /** A change to mirror: the range starts to delete, then the ranges (start → last height) to write. */
    public record Change(List<Long> deleted, Map<Long, Long> written) {
        static final Change NONE = new Change(List.of(), Map.of());
    }

    /** Loads one stored range (start → last height). */
    public void load(final long start, final long last) {
        ranges.put(start, last);
    }

    public boolean contains(final long height) {
        final Map.Entry<Long, Long> range = ranges.floorEntry(height);
        return range != null && range.getValue() >= height;
    }

    /** How many ranges are kept (the memory this set costs). */
    public int rangeCount() {
        return ranges.size();
    }

    public Change add(final long height) {
        if (contains(height)) {
            return Change.NONE;
        }
        long start = height;
        long last = height;
        final List<Long> deleted = new ArrayList<>(1);
        final Map.Entry<Long, Long> below = ranges.floorEntry(height);
        if (below != null && below.getValue() == height - 1) {
            start = below.getKey();
        }
        final Long aboveLast = ranges.get(height + 1);
        if (aboveLast != null) {
            last = aboveLast;
            ranges.remove(height + 1);
            deleted.add(height + 1);
        }
        ranges.put(start, last);
        return new Change(deleted, Map.of(start, last));
    }

    public Change remove(final long height) {
        if (!contains(height)) {
            return Change.NONE;
        }
        final Map.Entry<Long, Long> range = ranges.floorEntry(height);
        final long start = range.getKey();
        final long last = range.getValue();
        ranges.remove(start);
        final Map<Long, Long> written = new TreeMap<>();
        if (start < height) {
            written.put(start, height - 1);
        }
        if (height < last) {
            written.put(height + 1, last);
        }
        ranges.putAll(written);
        return new Change(written.containsKey(start) ? List.of() : List.of(start), written);
    }
}
