package dev.soba.streams.ingest;

import java.util.Locale;

/** Where a block's traces come from ({@code --traces}). */
public enum TraceSource {
    /** {@code trace_block}: Erigon, Nethermind, Reth, OpenEthereum, anvil. */
    PARITY,
    /** {@code debug_traceBlockByHash} with {@code callTracer}, converted to Parity's shape: geth (and most others). */
    GETH,
    /** No traces: no {@code traces} items; contracts only from transactions that create them. */
    NONE;

    public static TraceSource parse(final String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "parity" -> PARITY;
            case "geth" -> GETH;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("--traces must be parity, geth or none, got '" + text + "'");
        };
    }
}
