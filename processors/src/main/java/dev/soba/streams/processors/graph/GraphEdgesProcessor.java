package dev.soba.streams.processors.graph;

import dev.soba.streams.processors.chain.ChainEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The store-backed shell around {@link GraphEdges}: runs on the block-keyed chain stream, keeps
 * the edges of the last {@code reorgDepth} heights in a journal store and forwards each change
 * keyed by the address it changes.
 */
public final class GraphEdgesProcessor implements Processor<String, ChainEvent, String, CounterpartyChange> {

    private static final Duration PRUNE_INTERVAL = Duration.ofSeconds(30);
    private static final StringSerializer KEY_SERIALIZER = new StringSerializer();

    private final String journalStore;
    private final int reorgDepth;
    private ProcessorContext<String, CounterpartyChange> context;
    private StoreJournal journal;
    private GraphEdges edges;

    public GraphEdgesProcessor(final String journalStore, final int reorgDepth) {
        this.journalStore = journalStore;
        this.reorgDepth = reorgDepth;
    }

    @Override
    public void init(final ProcessorContext<String, CounterpartyChange> context) {
        this.context = context;
        this.journal = new StoreJournal(context.getStateStore(journalStore));
        this.edges = new GraphEdges(journal);
        context.schedule(PRUNE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> journal.pruneBelow(journal.highest - reorgDepth));
    }

    @Override
    public void process(final Record<String, ChainEvent> record) {
        for (final AddressedChange change : edges.accept(record.value())) {
            context.forward(record.withKey(change.address()).withValue(change.change()));
        }
    }

    private static final class StoreJournal implements EdgeJournal {

        private final KeyValueStore<String, GraphEdge> store;
        private long highest;

        StoreJournal(final KeyValueStore<String, GraphEdge> store) {
            this.store = store;
        }

        @Override
        public void record(final GraphEdge edge) {
            highest = Math.max(highest, edge.blockNumber());
            store.put(blockPrefix(edge.blockNumber(), edge.blockHash()) + edge.transactionHash() + "|" + edge.logIndex(), edge);
        }

        @Override
        public List<GraphEdge> take(final long number, final String blockHash) {
            final List<GraphEdge> taken = new ArrayList<>();
            final List<String> keys = new ArrayList<>();
            try (KeyValueIterator<String, GraphEdge> it = store.prefixScan(blockPrefix(number, blockHash), KEY_SERIALIZER)) {
                while (it.hasNext()) {
                    final KeyValue<String, GraphEdge> entry = it.next();
                    keys.add(entry.key);
                    taken.add(entry.value);
                }
            }
            keys.forEach(store::delete);
            return taken;
        }

        void pruneBelow(final long height) {
            if (height <= 0) {
                return;
            }
            final List<String> stale = new ArrayList<>();
            try (KeyValueIterator<String, GraphEdge> it = store.range(null, heightPrefix(height))) {
                it.forEachRemaining(entry -> stale.add(entry.key));
            }
            stale.forEach(store::delete);
        }

        // Zero-padded so that the string order of keys is the numeric order of heights.
        private static String heightPrefix(final long number) {
            return String.format("%020d|", number);
        }

        private static String blockPrefix(final long number, final String blockHash) {
            return heightPrefix(number) + blockHash + "|";
        }
    }
}
