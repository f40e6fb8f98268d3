package dev.soba.streams.processors.mev.calls;

import java.util.Comparator;
import java.util.List;

/** Trace addresses: a call's path in its transaction's call tree ({@code []} = the transaction's own call). */
public final class TraceAddresses {

    /** Depth-first order, as Parity lists calls: element by element, a parent before its children. */
    public static final Comparator<List<Integer>> ORDER = TraceAddresses::compare;

    private TraceAddresses() {
    }

    public static int compare(final List<Integer> a, final List<Integer> b) {
        final int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            final int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Whether {@code child} is strictly below {@code parent} (mev-inspect-py's {@code is_child_trace_address}). */
    public static boolean isDescendant(final List<Integer> child, final List<Integer> parent) {
        return child.size() > parent.size() && child.subList(0, parent.size()).equals(parent);
    }
}
