package dev.soba.streams.api.query;

import dev.soba.streams.processors.chain.AddressHistory;
import dev.soba.streams.processors.ingest.PartitionKeys;
import dev.soba.streams.schemas.Block;
import dev.soba.streams.schemas.Transaction;
import dev.soba.streams.topology.StoreNames;
import io.quarkus.kafka.streams.runtime.KafkaStreamsProducer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the pipeline's state stores: answers a key from the local store when this instance owns
 * its partition, and names the owner otherwise (the REST layer forwards the request there).
 */
@ApplicationScoped
public class InteractiveQueries {

    private static final Serializer<String> KEY_SERIALIZER = Serdes.String().serializer();

    private final KafkaStreams streams;
    private final HostInfo self;

    public InteractiveQueries(final KafkaStreamsProducer producer) {
        this.streams = producer.getKafkaStreams();
        // What Kafka Streams was really given: configuration read later may resolve differently
        // (e.g. a random HTTP port), and a wrong "self" would forward requests to ourselves.
        this.self = HostInfo.buildFromEndpoint(
                producer.getStreamsConfig().getString(StreamsConfig.APPLICATION_SERVER_CONFIG));
    }

    public QueryResult<Block> block(final long number) {
        return get(StoreNames.BLOCKS, PartitionKeys.forBlock(number), number);
    }

    public QueryResult<Transaction> transaction(final String hash) {
        return get(StoreNames.TRANSACTIONS, hash, hash);
    }

    public QueryResult<AddressHistory> addressHistory(final String address) {
        return get(StoreNames.ADDRESS_TRANSACTIONS, address, address);
    }

    public HostInfo self() {
        return self;
    }

    /**
     * @param partitionKey the key the store's input topic is partitioned by (what decides the owner)
     * @param storeKey     the key inside the store
     */
    private <K, V> QueryResult<V> get(final String store, final String partitionKey, final K storeKey) {
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
            final ReadOnlyKeyValueStore<K, V> local = streams.store(StoreQueryParameters
                    .fromNameAndType(store, QueryableStoreTypes.<K, V>keyValueStore())
                    .withPartition(metadata.partition()));
            final V value = local.get(storeKey);
            return value == null ? new QueryResult.NotFound<>() : new QueryResult.Found<>(value);
        } catch (final InvalidStateStoreException migrating) {
            return new QueryResult.Unavailable<>("the store is migrating or restoring: " + migrating.getMessage());
        }
    }
}
