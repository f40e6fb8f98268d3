package dev.soba.streams.api.query;

import dev.soba.streams.schemas.contracts.ContractAnalysis;
import dev.soba.streams.topology.StoreNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Reads the {@code contract-analysis} store (address → analysis) here or says which instance owns the address. */
@ApplicationScoped
public class ContractQueries {

    private final InteractiveQueries queries;

    public ContractQueries(final InteractiveQueries queries) {
        this.queries = queries;
    }

    public QueryResult<ContractAnalysis> analysis(final String address) {
        return queries.query(StoreNames.CONTRACT_ANALYSIS, address, partition -> {
            final ReadOnlyKeyValueStore<String, ContractAnalysis> store =
                    queries.local(StoreNames.CONTRACT_ANALYSIS, partition);
            return Optional.ofNullable(store.get(address));
        });
    }
}
