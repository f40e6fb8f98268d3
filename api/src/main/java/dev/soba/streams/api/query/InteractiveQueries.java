package dev.soba.streams.api.query;

import dev.soba.streams.processors.chain.AddressHistory;
import dev.soba.streams.processors.dex.PoolDirectory;
import dev.soba.streams.processors.dex.SwapIndexProcessor;
import dev.soba.streams.processors.market.CandleInterval;
import dev.soba.streams.processors.market.CandleProcessor;
import dev.soba.streams.processors.ingest.PartitionKeys;
import dev.soba.streams.schemas.Block;
import dev.soba.streams.schemas.Token;
import dev.soba.streams.schemas.Transaction;
import dev.soba.streams.schemas.market.Candle;
import dev.soba.streams.schemas.market.PoolInfo;
import dev.soba.streams.schemas.market.Swap;
import dev.soba.streams.topology.StoreNames;
import io.quarkus.kafka.streams.runtime.KafkaStreamsProducer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.KeyValueIterator;

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

    /** The pipeline's state on this instance (RUNNING, REBALANCING, ...). */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Every instance of the application as this one sees it: address, stores, and the partitions
     * it holds active and standby. Empty while the group has not formed yet.
     */
    public Collection<StreamsMetadata> instances() {
        return streams.metadataForAllStreamsClients();
    }

    /** Candles of one pair and venue whose window starts in [from, to], oldest first. */
    public QueryResult<List<Candle>> candles(final String pair, final String venue, final CandleInterval interval,
                                             final long from, final long to) {
        final String store = CandleProcessor.storeName(interval);
        return query(store, pair, partition -> Optional.of(range(store, partition,
                CandleProcessor.candleKey(pair, venue, from), CandleProcessor.candleKey(pair, venue, to), Integer.MAX_VALUE)));
    }

    /** Swaps of one pool in blocks [fromBlock, toBlock], in chain order, at most {@code limit}. */
    public QueryResult<List<Swap>> swaps(final String pool, final long fromBlock, final long toBlock, final int limit) {
        return query(StoreNames.SWAPS_BY_POOL, pool, partition -> Optional.of(range(StoreNames.SWAPS_BY_POOL, partition,
                SwapIndexProcessor.key(pool, fromBlock, 0), SwapIndexProcessor.key(pool, toBlock, Integer.MAX_VALUE), limit)));
    }

    /** One partition of a key-value store on this instance. */
    public <V> ReadOnlyKeyValueStore<String, V> local(final String store, final int partition) {
        return streams.store(StoreQueryParameters
                .fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore())
                .withPartition(partition));
    }

    /** One range read of a key-ordered store's partition. */
    private <V> List<V> range(final String store, final int partition, final String from, final String to, final int limit) {
        final List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> it = this.<V>local(store, partition).range(from, to)) {
            while (it.hasNext() && values.size() < limit) {
                values.add(it.next().value);
            }
        }
        return values;
    }

    /** A pool from the registry, which every instance holds whole (global store). */
    public QueryResult<PoolInfo> pool(final String address) {
        if (streams.state() != KafkaStreams.State.RUNNING && streams.state() != KafkaStreams.State.REBALANCING) {
            return new QueryResult.Unavailable<>("the pipeline is " + streams.state().name().toLowerCase());
        }
        try {
            final ReadOnlyKeyValueStore<String, PoolInfo> pools = streams.store(StoreQueryParameters
                    .fromNameAndType(StoreNames.POOLS, QueryableStoreTypes.<String, PoolInfo>keyValueStore()));
            final ReadOnlyKeyValueStore<String, Token> tokens = streams.store(StoreQueryParameters
                    .fromNameAndType(StoreNames.TOKENS, QueryableStoreTypes.<String, Token>keyValueStore()));
            final Optional<PoolInfo> pool = new PoolDirectory(pools::get, tokens::get).pool(address);
            return pool.<QueryResult<PoolInfo>>map(QueryResult.Found::new).orElseGet(QueryResult.NotFound::new);
        } catch (final InvalidStateStoreException restoring) {
            return new QueryResult.Unavailable<>("the pool registry is restoring: " + restoring.getMessage());
        }
    }

    private <K, V> QueryResult<V> get(final String store, final String partitionKey, final K storeKey) {
        return query(store, partitionKey, partition -> Optional.ofNullable(streams.store(StoreQueryParameters
                        .fromNameAndType(store, QueryableStoreTypes.<K, V>keyValueStore())
                        .withPartition(partition))
                .get(storeKey)));
    }

    /**
     * Finds the instance owning {@code partitionKey} (the key the store's input is partitioned by)
     * and, when that is this one, reads the local partition. The building block of every keyed
     * query (other query services use it too).
     */
    public <R> QueryResult<R> query(final String store, final String partitionKey,
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
