package dev.soba.streams.processors.mev;

import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.schemas.mev.MevSwap;
import java.util.List;

/**
 * What inspecting one block found.
 *
 * @param evidence what it was read from: {@code traces}, or {@code logs} (swap-based findings only)
 * @param swaps    every classified swap, in block order
 * @param findings sandwiches, arbitrages, liquidations and JIT liquidity, ordered by their (first)
 *                 transaction's position, then kind
 */
public record BlockAnalysis(long blockNumber, Evidence evidence, List<MevSwap> swaps, List<MevFinding> findings) {

    public enum Evidence { TRACES, LOGS }

    public BlockAnalysis {
        swaps = List.copyOf(swaps);
        findings = List.copyOf(findings);
    }
}
