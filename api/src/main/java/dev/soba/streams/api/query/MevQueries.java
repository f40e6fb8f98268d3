package dev.soba.streams.api.query;

import dev.soba.streams.processors.ingest.PartitionKeys;
import dev.soba.streams.processors.mev.MevBlockFindings;
import dev.soba.streams.processors.mev.MevKeys;
import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.topology.StoreNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the MEV stores the way {@link InteractiveQueries} reads the chain's: the local partition when
 * this instance owns the key, the owner's address otherwise. A block or searcher without findings is
 * an empty list, not "not found": the stores hold findings only.
 */
@ApplicationScoped
public class MevQueries {

    private final InteractiveQueries queries;

    public MevQueries(final InteractiveQueries queries) {
        this.queries = queries;
    }

    /** The current findings of one block, in block order. */
    public QueryResult<List<MevFinding>> byBlock(final long number) {
        final String key = PartitionKeys.forBlock(number);
        return queries.query(StoreNames.MEV_BY_BLOCK, key, partition -> {
            final ReadOnlyKeyValueStore<String, MevBlockFindings> store = queries.local(StoreNames.MEV_BY_BLOCK, partition);
            final MevBlockFindings found = store.get(key);
            return Optional.of(found == null ? List.of() : found.findings());
        });
    }

    /** One searcher's findings, newest block first, at most {@code limit}. */
    public QueryResult<List<MevFinding>> bySearcher(final String searcher, final int limit) {
        final String partitionKey = MevKeys.searcherPartitionKey(searcher);
        final String prefix = MevKeys.searcherPrefix(searcher);
        return queries.query(StoreNames.MEV_BY_SEARCHER, partitionKey, partition -> {
            final ReadOnlyKeyValueStore<String, MevFinding> store = queries.local(StoreNames.MEV_BY_SEARCHER, partition);
            final List<MevFinding> findings = new ArrayList<>();
            // '|' + 1 is '}': every key of the prefix sorts below prefix-without-bar + '}'.
            final String end = prefix.substring(0, prefix.length() - 1) + "}";
            try (KeyValueIterator<String, MevFinding> it = store.reverseRange(prefix, end)) {
                while (it.hasNext() && findings.size() < limit) {
                    findings.add(it.next().value);
                }
            }
            return Optional.of(findings);
        });
    }
}
