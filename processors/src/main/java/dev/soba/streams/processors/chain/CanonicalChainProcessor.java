package dev.soba.streams.processors.chain;

import dev.soba.streams.schemas.Block;
import dev.soba.streams.schemas.Item;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.soba.streams.processors.ingest.PipelineCounters;
import dev.soba.streams.processors.store.WriteThroughCache;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The store-backed shell around {@link CanonicalChain}. Besides the canonical block per height
 * (the queryable blocks store) it keeps, for the last {@code reorgDepth} heights only, which
 * transactions each block brought, so a re-organisation can retract exactly those.
 */
public final class CanonicalChainProcessor implements Processor<String, Item, String, ChainEvent> {

    private static final Duration PRUNE_INTERVAL = Duration.ofSeconds(30);
    private static final StringSerializer KEY_SERIALIZER = new StringSerializer();

    private final ChainStoreNames stores;
    private final int reorgDepth;
    private ProcessorContext<String, ChainEvent> context;
    private CanonicalChain chain;
    private StoreBackedState state;
    private Sensor orphaned;
    private Sensor reorgs;
    private Sensor refused;

    public CanonicalChainProcessor(final ChainStoreNames stores, final int reorgDepth) {
        this.stores = stores;
        this.reorgDepth = reorgDepth;
    }

    @Override
    public void init(final ProcessorContext<String, ChainEvent> context) {
        this.context = context;
        this.state = new StoreBackedState(
                context.getStateStore(stores.blocks()),
                context.getStateStore(stores.orphanedBlocks()),
                context.getStateStore(stores.blockTransactions()));
        this.chain = new CanonicalChain(state, reorgDepth);
        this.orphaned = PipelineCounters.counter(context, PipelineCounters.ORPHANED);
        this.reorgs = PipelineCounters.counter(context, PipelineCounters.REORGS);
        this.refused = PipelineCounters.counter(context, PipelineCounters.REJECTED);
        context.schedule(PRUNE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> state.pruneBelow(state.highest - reorgDepth));
    }

    @Override
    public void process(final Record<String, Item> record) {
        for (final ChainEvent event : chain.accept(record.value(), System.currentTimeMillis())) {
            if (event instanceof ChainEvent.Orphaned) {
                orphaned.record();
            } else if (event instanceof ChainEvent.Reorganised) {
                reorgs.record();
            } else if (event instanceof ChainEvent.Refused) {
                refused.record();
            }
            context.forward(record.withValue(event));
        }
    }

    /** Names of the stores this processor needs, connected by the topology. */
    public record ChainStoreNames(String blocks, String orphanedBlocks, String blockTransactions) {
    }

    private static final class StoreBackedState implements ChainState {

        // Every item of a block looks up its block; the last few hundred heights stay deserialised.
        private static final int RECENT_BLOCKS = 512;

        private final WriteThroughCache<Long, Block> blocks;
        private final KeyValueStore<String, Long> orphaned;
        private final KeyValueStore<String, TransactionRef> blockTransactions;
        // Refused hashes share the orphaned store under this prefix; they are not pruned with the orphans
        // (the heights they name are below the pruning horizon by definition).
        private static final String REFUSED = "refused|";
        private long highest;

        StoreBackedState(
                final KeyValueStore<Long, Block> blocks,
                final KeyValueStore<String, Long> orphaned,
                final KeyValueStore<String, TransactionRef> blockTransactions) {
            this.blocks = new WriteThroughCache<>(blocks, RECENT_BLOCKS);
            // after a restart, the depth of a re-organisation is judged from the highest stored block
            try (KeyValueIterator<Long, Block> last = blocks.reverseAll()) {
                highest = last.hasNext() ? last.next().key : -1;
            }
            this.orphaned = orphaned;
            this.blockTransactions = blockTransactions;
        }

        @Override
        public Optional<Block> canonicalBlock(final long number) {
            return Optional.ofNullable(blocks.get(number));
        }

        @Override
        public void putCanonicalBlock(final Block block) {
            blocks.put(block.number(), block);
            highest = Math.max(highest, block.number());
        }

        @Override
        public long highest() {
            return highest;
        }

        @Override
        public void markRefused(final long number, final String blockHash) {
            orphaned.put(REFUSED + blockHash, number);
        }

        @Override
        public boolean isRefused(final String blockHash) {
            return orphaned.get(REFUSED + blockHash) != null;
        }

        @Override
        public boolean isOrphaned(final String blockHash) {
            return orphaned.get(blockHash) != null;
        }

        @Override
        public void markOrphaned(final long number, final String blockHash) {
            orphaned.put(blockHash, number);
        }

        @Override
        public void addTransaction(final TransactionRef transaction) {
            blockTransactions.put(
                    blockPrefix(transaction.blockNumber(), transaction.blockHash()) + transaction.hash(), transaction);
        }

        @Override
        public List<TransactionRef> takeTransactions(final long number, final String blockHash) {
            final List<TransactionRef> taken = new ArrayList<>();
            final List<String> keys = new ArrayList<>();
            try (KeyValueIterator<String, TransactionRef> it = blockTransactions.prefixScan(
                    blockPrefix(number, blockHash), KEY_SERIALIZER)) {
                while (it.hasNext()) {
                    final KeyValue<String, TransactionRef> entry = it.next();
                    keys.add(entry.key);
                    taken.add(entry.value);
                }
            }
            keys.forEach(blockTransactions::delete);
            return taken;
        }

        /** Forgets per-block transaction lists and orphan marks of heights too deep to re-organise. */
        void pruneBelow(final long height) {
            if (height <= 0) {
                return;
            }
            final List<String> stale = new ArrayList<>();
            try (KeyValueIterator<String, TransactionRef> it = blockTransactions.range(null, heightPrefix(height))) {
                it.forEachRemaining(entry -> stale.add(entry.key));
            }
            stale.forEach(blockTransactions::delete);
            final List<String> staleOrphans = new ArrayList<>();
            try (KeyValueIterator<String, Long> it = orphaned.all()) {
                it.forEachRemaining(entry -> {
                    if (entry.value < height && !entry.key.startsWith(REFUSED)) {
                        staleOrphans.add(entry.key);
                    }
                });
            }
            staleOrphans.forEach(orphaned::delete);
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
