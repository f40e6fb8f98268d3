package dev.soba.streams.api.query;

import dev.soba.streams.processors.ingest.PartitionKeys;
import dev.soba.streams.processors.mev.MevBlockFindings;
import dev.soba.streams.processors.mev.MevKeys;
import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.topology.StoreNames;
import io.quarkus.kafka.streams.runtime.KafkaStreamsProducer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the MEV stores the way {@link InteractiveQueries} reads the chain's: the local partition when
 * this instance owns the key, the owner's address otherwise. A block or searcher without findings is
 * an empty list, not "not found": the stores hold findings only.
 */
@ApplicationScoped
public class MevQueries {

    private static final Serializer<String> KEY_SERIALIZER = Serdes.String().serializer();

    private final KafkaStreams streams;
    private final HostInfo self;

    public MevQueries(final KafkaStreamsProducer producer) {
        this.streams = producer.getKafkaStreams();
        this.self = HostInfo.buildFromEndpoint(
                producer.getStreamsConfig().getString(StreamsConfig.APPLICATION_SERVER_CONFIG));
    }

    /** The current findings of one block, in block order. */
    public QueryResult<List<MevFinding>> byBlock(final long number) {
        final String key = PartitionKeys.forBlock(number);
        return query(StoreNames.MEV_BY_BLOCK, key, partition -> {
            final ReadOnlyKeyValueStore<String, MevBlockFindings> store = local(StoreNames.MEV_BY_BLOCK, partition);
            final MevBlockFindings found = store.get(key);
            return Optional.of(found == null ? List.of() : found.findings());
        });
    }

    /** One searcher's findings, newest block first, at most {@code limit}. */
    public QueryResult<List<MevFinding>> bySearcher(final String searcher, final int limit) {
        final String partitionKey = MevKeys.searcherPartitionKey(searcher);
        final String prefix = MevKeys.searcherPrefix(searcher);
        return query(StoreNames.MEV_BY_SEARCHER, partitionKey, partition -> {
            final ReadOnlyKeyValueStore<String, MevFinding> store = local(StoreNames.MEV_BY_SEARCHER, partition);
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

    private <V> ReadOnlyKeyValueStore<String, V> local(final String store, final int partition) {
        return streams.store(StoreQueryParameters
                .fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore())
                .withPartition(partition));
    }

    private <R> QueryResult<R> query(final String store, final String partitionKey,
                                     final IntFunction<Optional<R>> readLocalPartition) {
        if (streams.state() != KafkaStreams.State.RUNNING && streams.state() != KafkaStreams.State.REBALANCING) {
            return new QueryResult.Unavailable<>("the pipeline is " + streams.state().name().toLowerCase());
        }
        final KeyQueryMetadata metadata = streams.queryMetadataForKey(store, partitionKey, KEY_SERIALIZER);
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            return new QueryResult.Unavailable<>("the owner of this key is not known yet (rebalancing)");
        }
        if (!self.equals(metadata.activeHost())) {
            return new QueryResult.Remote<>(metadata.activeHost());
        }
        try {
            return readLocalPartition.apply(metadata.partition())
                    .<QueryResult<R>>map(QueryResult.Found::new)
                    .orElseGet(QueryResult.NotFound::new);
        } catch (final InvalidStateStoreException migrating) {
            return new QueryResult.Unavailable<>("the store is migrating or restoring: " + migrating.getMessage());
        }
    }
}
