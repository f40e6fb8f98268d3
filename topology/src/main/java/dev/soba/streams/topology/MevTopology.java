package dev.soba.streams.topology;

import dev.soba.streams.processors.chain.ChainEvent;
import dev.soba.streams.processors.mev.BlockAssembly;
import dev.soba.streams.processors.mev.BlockAssemblyProcessor;
import dev.soba.streams.processors.mev.MevBlockFindings;
import dev.soba.streams.processors.mev.MevKeys;
import dev.soba.streams.processors.mev.MevOutput;
import dev.soba.streams.processors.mev.MevSearcherIndexProcessor;
import dev.soba.streams.processors.mev.MevStreamConfig;
import dev.soba.streams.schemas.ItemSerde;
import dev.soba.streams.schemas.JsonSerde;
import dev.soba.streams.schemas.mev.MevFinding;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * MEV detection on top of the canonical chain:
 *
 * <pre>
 *  canonical blocks, transactions, traces, logs ─ assemble-mev ──► mev_alerts   (key block number; value one
 *        (store mev-block-assemblies)              │                finding; header soba-mev-status)
 *                                                  ├─ store mev-by-block (block number → current findings)
 *                                                  └─ mev-by-searcher (repartition) ─► store mev-by-searcher
 * </pre>
 */
public final class MevTopology {

    private static final JsonSerde<MevFinding> FINDING_SERDE = new JsonSerde<>(MevFinding.class);

    private MevTopology() {
    }

    /** With explicit MEV settings ({@code soba.mev.*}: quiet period, timeout, keep-blocks). */
    public static void add(final StreamsBuilder builder, final PipelineConfig config,
            final KStream<String, ChainEvent> chain, final MevStreamConfig mev) {
        // An assembly's header is rewritten for every item it gains (it is small); each item is written once.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.MEV_ASSEMBLIES),
                Serdes.Long(), new JsonSerde<>(BlockAssembly.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.MEV_ASSEMBLY_ITEMS),
                Serdes.String(), new ItemSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.MEV_FORGOTTEN),
                Serdes.Long(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.MEV_BY_BLOCK),
                Serdes.String(), new JsonSerde<>(MevBlockFindings.class)).withCachingEnabled());
        final KStream<String, MevOutput> outputs = chain.process(() -> new BlockAssemblyProcessor(
                        new BlockAssemblyProcessor.MevStores(StoreNames.MEV_ASSEMBLIES, StoreNames.MEV_ASSEMBLY_ITEMS,
                                StoreNames.MEV_BY_BLOCK, StoreNames.POOLS, StoreNames.TOKENS, StoreNames.MEV_FORGOTTEN), mev),
                Named.as("assemble-mev"), StoreNames.MEV_ASSEMBLIES, StoreNames.MEV_ASSEMBLY_ITEMS, StoreNames.MEV_BY_BLOCK,
                StoreNames.MEV_FORGOTTEN);

        // Headers (the status) survive mapValues, so the topic carries the plain finding.
        outputs.mapValues(MevOutput::finding, Named.as("mev-finding"))
                .to(config.topics().mevAlerts(), Produced.with(Serdes.String(), FINDING_SERDE).withName("write-mev-alerts"));

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.MEV_BY_SEARCHER),
                Serdes.String(), FINDING_SERDE).withCachingEnabled());
        outputs.selectKey((key, out) -> MevKeys.searcherPartitionKey(out.finding().searcherAddress()),
                        Named.as("mev-searcher-key"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(MevOutput.class))
                        .withName("mev-by-searcher"))
                .process(() -> new MevSearcherIndexProcessor(StoreNames.MEV_BY_SEARCHER),
                        Named.as("index-mev-searchers"), StoreNames.MEV_BY_SEARCHER);
    }
}
