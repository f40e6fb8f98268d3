package dev.soba.streams.topology;

import dev.soba.streams.processors.chain.ChainEvent;
import dev.soba.streams.processors.graph.Counterparties;
import dev.soba.streams.processors.graph.CounterpartyChange;
import dev.soba.streams.processors.graph.CounterpartyProcessor;
import dev.soba.streams.processors.graph.GraphEdge;
import dev.soba.streams.processors.graph.GraphEdgesProcessor;
import dev.soba.streams.schemas.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The wallet graph: every canonical transaction and token transfer becomes an edge, journalled
 * per block for retraction, and is repartitioned by address to keep each address's counterparties.
 *
 * <pre>
 *  chain (by block) ─ graph-edges [store graph-edge-journal]
 *     └─ counterparty-changes-by-address (repartition) ─ counterparties [store address-counterparties]
 * </pre>
 */
public final class GraphTopology {

    private GraphTopology() {
    }

    public static void add(final StreamsBuilder builder, final PipelineConfig config, final KStream<String, ChainEvent> chain) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.GRAPH_EDGE_JOURNAL), Serdes.String(),
                new JsonSerde<>(GraphEdge.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.COUNTERPARTIES), Serdes.String(),
                new JsonSerde<>(Counterparties.class)).withCachingEnabled());
        chain.process(() -> new GraphEdgesProcessor(StoreNames.GRAPH_EDGE_JOURNAL, config.reorgDepth()),
                        Named.as("graph-edges"), StoreNames.GRAPH_EDGE_JOURNAL)
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(CounterpartyChange.class))
                        .withName("counterparty-changes-by-address"))
                .process(() -> new CounterpartyProcessor(StoreNames.COUNTERPARTIES, config.counterpartyLimit()),
                        Named.as("counterparties"), StoreNames.COUNTERPARTIES);
    }
}
