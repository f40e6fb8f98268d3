package dev.soba.streams.topology;

import dev.soba.streams.processors.chain.AddressChange;
import dev.soba.streams.processors.chain.AddressHistory;
import dev.soba.streams.processors.chain.AddressHistoryProcessor;
import dev.soba.streams.processors.chain.CanonicalChainProcessor;
import dev.soba.streams.processors.chain.ChainEvent;
import dev.soba.streams.processors.chain.TransactionChange;
import dev.soba.streams.processors.chain.TransactionIndexProcessor;
import dev.soba.streams.processors.chain.TransactionRef;
import dev.soba.streams.processors.fraud.FraudModels;
import dev.soba.streams.processors.ingest.DeduplicationProcessor;
import dev.soba.streams.processors.ingest.IngestResult;
import dev.soba.streams.processors.ingest.ValidationProcessor;
import dev.soba.streams.schemas.Block;
import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.ItemSerde;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.JsonSerde;
import dev.soba.streams.schemas.RejectedRecord;
import dev.soba.streams.schemas.ReorgEvent;
import dev.soba.streams.schemas.Transaction;
import dev.soba.streams.schemas.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The whole pipeline as one Kafka Streams topology. A plain static function, so the application,
 * the tests and the benchmarks build the very same thing.
 *
 * <pre>
 *  blocks, transactions, logs, token_transfers, traces, contracts, tokens, market_ticks  (bytes)
 *     └─ validate-* ──► rejected_records                    (invalid: reason, field, original, offset)
 *          └─ items-by-block (repartition by block number)
 *               └─ deduplicate ─ canonical-chain ──► reorgs  (same height, new hash)
 *                    ├─ transactions-by-hash   ─► store transactions-by-hash
 *                    └─ transactions-by-address ─► store address-transactions
 *  store blocks-by-number is kept by canonical-chain
 * </pre>
 */
public final class SobaTopology {

    private static final int HISTORY_ENTRIES_PER_THREAD = 100_000;

    private SobaTopology() {
    }

    /** Which branches to build. */
    public enum Scope {
        /** The whole pipeline. */
        FULL,
        /**
         * Ingest, the canonical chain, swap decoding and candles only: no transaction and address
         * indexes, no MEV. For measuring the market path on its own ({@code ./soba bench pipeline}).
         */
        MARKET
    }

    public static Topology build(final PipelineConfig config) {
        return build(config, Scope.FULL);
    }

    public static Topology build(final PipelineConfig config, final Scope scope) {
        return build(config, scope, new FraudModels());
    }

    /** With the fraud model this instance starts with (replaced by activations). */
    public static Topology build(final PipelineConfig config, final Scope scope, final FraudModels fraudModels) {
        final StreamsBuilder builder = new StreamsBuilder();
        final Topics topics = config.topics();
        addStores(builder, config, scope);

        final KStream<String, IngestResult> ingested = validatedInputs(builder, topics);
        final Map<String, KStream<String, IngestResult>> routes = ingested
                .split(Named.as("ingest-"))
                .branch((key, result) -> result instanceof IngestResult.Rejected, Branched.as("rejected"))
                .defaultBranch(Branched.as("accepted"));

        routes.get("ingest-rejected")
                .mapValues(result -> ((IngestResult.Rejected) result).rejection(), Named.as("rejection"))
                .to(topics.rejected(), Produced.with(Serdes.String(), new JsonSerde<>(RejectedRecord.class))
                        .withName("write-rejected"));

        final KStream<String, ChainEvent> chain = routes.get("ingest-accepted")
                .mapValues(result -> ((IngestResult.Accepted) result).item(), Named.as("accepted-item"))
                .repartition(Repartitioned.with(Serdes.String(), new ItemSerde()).withName("items-by-block"))
                .process(() -> new DeduplicationProcessor(StoreNames.SEEN_ITEMS, config.dedupRetention()),
                        Named.as("deduplicate"), StoreNames.SEEN_ITEMS)
                .process(() -> new CanonicalChainProcessor(
                                new CanonicalChainProcessor.ChainStoreNames(
                                        StoreNames.BLOCKS, StoreNames.ORPHANED_BLOCKS, StoreNames.BLOCK_TRANSACTIONS),
                                config.reorgDepth()),
                        Named.as("canonical-chain"),
                        StoreNames.BLOCKS, StoreNames.ORPHANED_BLOCKS, StoreNames.BLOCK_TRANSACTIONS);

        // a re-organisation deeper than the configured depth, and the items of its block: refused, never half-applied
        chain.flatMap((key, event) -> refusalOf(topics, event).stream()
                        .map(rejection -> KeyValue.pair(rejection.sourceTopic(), rejection)).toList(),
                        Named.as("refused-by-chain"))
                .to(topics.rejected(), Produced.with(Serdes.String(), new JsonSerde<>(RejectedRecord.class))
                        .withName("write-rejected-by-chain"));

        chain.flatMapValues(SobaTopology::reorgOf, Named.as("reorg"))
                .to(topics.reorgs(), Produced.with(Serdes.String(), new JsonSerde<>(ReorgEvent.class))
                        .withName("write-reorgs"));

        if (scope == Scope.FULL) {
            addIndexes(builder, config, chain);
            ContractTopology.add(builder, config, routes.get("ingest-accepted"));
        }
        MarketTopology.add(builder, config, chain);
        if (scope == Scope.FULL) {
            MevTopology.add(builder, config, chain, config.mev());
            GraphTopology.add(builder, config, chain);
            FraudTopology.add(builder, config, chain, fraudModels);
        }
        return builder.build();
    }

    /** Transactions by hash and by address. */
    private static void addIndexes(final StreamsBuilder builder, final PipelineConfig config,
                                   final KStream<String, ChainEvent> chain) {
        chain.flatMap(SobaTopology::transactionChanges, Named.as("transaction-change"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(TransactionChange.class))
                        .withName("transactions-by-hash"))
                .process(() -> new TransactionIndexProcessor(StoreNames.TRANSACTIONS),
                        Named.as("index-transactions"), StoreNames.TRANSACTIONS);

        chain.flatMap(SobaTopology::addressChanges, Named.as("address-change"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(AddressChange.class))
                        .withName("transactions-by-address"))
                .process(() -> new AddressHistoryProcessor(StoreNames.ADDRESS_TRANSACTIONS, config.addressHistoryLimit()),
                        Named.as("index-addresses"), StoreNames.ADDRESS_TRANSACTIONS);
    }

    private static KStream<String, IngestResult> validatedInputs(final StreamsBuilder builder, final Topics topics) {
        KStream<String, IngestResult> merged = null;
        for (final ItemType type : ItemType.values()) {
            final KStream<String, IngestResult> validated = builder
                    .stream(topics.input(type), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                            .withName("read-" + type.defaultTopic()))
                    .process(() -> new ValidationProcessor(type), Named.as("validate-" + type.defaultTopic()));
            merged = merged == null ? validated : merged.merge(validated, Named.as("merge-" + type.defaultTopic()));
        }
        return merged;
    }

    private static void addStores(final StreamsBuilder builder, final PipelineConfig config, final Scope scope) {
        // No record cache: every key is written once, so a cache saves no changelog record, and looking a key up
        // through it meant iterating the cached window entries for every item (two thirds of the lookup's cost).
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StoreNames.SEEN_ITEMS, config.dedupRetention(), config.dedupRetention(), false),
                Serdes.String(), Serdes.Long()).withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.BLOCKS), Serdes.Long(), new JsonSerde<>(Block.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.ORPHANED_BLOCKS), Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.BLOCK_TRANSACTIONS), Serdes.String(),
                new JsonSerde<>(TransactionRef.class)).withCachingEnabled());
        if (scope == Scope.MARKET) {
            return;
        }
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.TRANSACTIONS), Serdes.String(),
                new JsonSerde<>(Transaction.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.ADDRESS_TRANSACTIONS), Serdes.String(),
                // a history is rewritten for every transaction it gains: its other entries' JSON is reused
                JsonSerde.reusingElements(AddressHistory.class, HISTORY_ENTRIES_PER_THREAD, TransactionRef.class))
                .withCachingEnabled());
    }

    /** The rejected record of a refused item: its input topic, its JSON (its offset is behind a repartition). */
    private static List<RejectedRecord> refusalOf(final Topics topics, final ChainEvent event) {
        if (!(event instanceof ChainEvent.Refused refused)) {
            return List.of();
        }
        return List.of(RejectedRecord.of(List.of(new Violation(refused.item() instanceof Block ? "hash" : "block_hash",
                        refused.reason())), topics.input(refused.item().itemType()), -1, -1L, Json.write(refused.item()),
                System.currentTimeMillis()));
    }

    private static List<ReorgEvent> reorgOf(final ChainEvent event) {
        return event instanceof ChainEvent.Reorganised reorganised ? List.of(reorganised.reorg()) : List.of();
    }

    private static List<KeyValue<String, TransactionChange>> transactionChanges(final String key, final ChainEvent event) {
        if (event instanceof ChainEvent.Canonical canonical && canonical.item() instanceof Transaction tx) {
            return List.of(KeyValue.pair(tx.hash(), TransactionChange.upsert(tx)));
        }
        if (event instanceof ChainEvent.Retracted retracted) {
            return List.of(KeyValue.pair(retracted.transaction().hash(), TransactionChange.retract(retracted.transaction())));
        }
        return List.of();
    }

    private static List<KeyValue<String, AddressChange>> addressChanges(final String key, final ChainEvent event) {
        final TransactionRef ref;
        final boolean retract;
        if (event instanceof ChainEvent.Canonical canonical && canonical.item() instanceof Transaction tx) {
            ref = TransactionRef.of(tx);
            retract = false;
        } else if (event instanceof ChainEvent.Retracted retracted) {
            ref = retracted.transaction();
            retract = true;
        } else {
            return List.of();
        }
        final List<KeyValue<String, AddressChange>> changes = new ArrayList<>(2);
        changes.add(KeyValue.pair(ref.fromAddress(), new AddressChange(ref, retract)));
        if (ref.toAddress() != null && !ref.toAddress().equals(ref.fromAddress())) {
            changes.add(KeyValue.pair(ref.toAddress(), new AddressChange(ref, retract)));
        }
        return changes;
    }
}
