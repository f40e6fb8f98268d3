package dev.soba.streams.processors.mev;

import dev.soba.streams.schemas.mev.MevFinding;
import java.util.Locale;

/**
 * Keys of the {@code mev-by-searcher} store: {@code searcher|<block, 20 digits>|<tx hash>|<kind>}, so
 * one searcher's findings are one prefix range, in block order. The kind is last because one
 * transaction can be two findings (e.g. a JIT mint that also front-runs).
 */
public final class MevKeys {

    private MevKeys() {
    }

    public static String searcher(final MevFinding finding) {
        return searcherPrefix(finding.searcherAddress()) + String.format(Locale.ROOT, "%020d", finding.blockNumber())
                + "|" + finding.transactionHash() + "|" + finding.kind().wireName();
    }

    /** The prefix of every key of one searcher; also the key the searcher stream is partitioned by. */
    public static String searcherPrefix(final String searcher) {
        return searcherPartitionKey(searcher) + "|";
    }

    public static String searcherPartitionKey(final String searcher) {
        return searcher == null ? "" : searcher.toLowerCase(Locale.ROOT);
    }
}
