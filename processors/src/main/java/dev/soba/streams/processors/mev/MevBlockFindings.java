package dev.soba.streams.processors.mev;

import dev.soba.streams.schemas.mev.MevFinding;
import java.util.List;

/** The value of the {@code mev-by-block} store: a block's current findings (never empty: no findings, no entry). */
public record MevBlockFindings(long blockNumber, String blockHash, List<MevFinding> findings) {

    public MevBlockFindings {
        findings = List.copyOf(findings);
    }
}
