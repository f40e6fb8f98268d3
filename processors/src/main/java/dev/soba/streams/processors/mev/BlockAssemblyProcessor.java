package dev.soba.streams.processors.mev;

import dev.soba.streams.processors.chain.ChainEvent;
import dev.soba.streams.processors.dex.PoolDirectory;
import dev.soba.streams.processors.ingest.PartitionKeys;
import dev.soba.streams.schemas.Block;
import dev.soba.streams.schemas.EthItem;
import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.Token;
import dev.soba.streams.schemas.market.PoolInfo;
import dev.soba.streams.schemas.mev.MevFinding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;
import dev.soba.streams.processors.ingest.PipelineCounters;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles each block from its canonical items and runs {@link MevInspector} on it once complete (see
 * {@link BlockAssembly#due}); publishes its findings, corrections after late items, and retractions
 * after a re-organisation (see {@link MevOutput}), and keeps the {@code mev-by-block} store. Runs on
 * the block-number partitioning, so one block's items all come here. Consecutive blocks go to
 * different partitions, so "a later block arrived" is only a hint; the wall-clock timeout is what
 * guarantees every block is analysed.
 */
public final class BlockAssemblyProcessor implements Processor<String, ChainEvent, String, MevOutput> {

    private static final Logger LOG = LoggerFactory.getLogger(BlockAssemblyProcessor.class);
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    /** At most this many times keepBlocks assemblies are kept, however far behind the input is. */
    static final int MAX_KEPT_FACTOR = 16;

    private final MevStores stores;
    private final MevStreamConfig config;
    private ProcessorContext<String, MevOutput> context;
    // What is stored: each block's header (timing, state, findings; small) in one store and its
    // transactions, traces and logs one entry each in another, so an arriving item costs one small
    // write instead of rewriting the whole block (which grew with the square of the block's size).
    private KeyValueStore<Long, BlockAssembly> assemblies;
    private KeyValueStore<String, Item> items;
    // The assemblies, deserialised and whole: loaded in init (after any restore) from both stores and
    // written through on every change, so the stores stay the truth.
    private final NavigableMap<Long, BlockAssembly> open = new TreeMap<>();
    private KeyValueStore<String, MevBlockFindings> byBlock;
    private PoolDirectory directory;
    // Highest block record seen on this partition: assemblies more than keepBlocks below it may go.
    private long highest = -1;
    // The heights analysed and let go: an item for one of them is too late (re-analysing a fragment would
    // replace good findings with bad). Any other height is assembled when its items come, however far below
    // the newest block (a backfill, a gap after downtime, an import): memory bounds what is kept, not distance.
    private final ForgottenBlocks forgotten = new ForgottenBlocks();
    private KeyValueStore<Long, Long> forgottenStore;
    private Sensor lateItems;
    private Sensor forcedOut;
    private Sensor failed;

    public BlockAssemblyProcessor(final MevStores stores, final MevStreamConfig config) {
        this.stores = stores;
        this.config = config;
    }

    /**
     * The stores this processor uses: its assemblies' headers ({@code Long} block → header), their items
     * ({@link #itemKey} → item), the findings by block, and the two global registries.
     */
    public record MevStores(String assemblies, String items, String byBlock, String pools, String tokens,
            String forgotten) {
    }

    /** Key of an assembly's {@code sequence}-th item: block number and sequence, zero-padded, so a block's items are one range. */
    public static String itemKey(final long blockNumber, final int sequence) {
        return String.format(java.util.Locale.ROOT, "%020d|%010d", blockNumber, sequence);
    }

    private static long blockOf(final String itemKey) {
        return Long.parseLong(itemKey.substring(0, 20));
    }

    @Override
    public void init(final ProcessorContext<String, MevOutput> context) {
        this.context = context;
        this.assemblies = context.getStateStore(stores.assemblies());
        this.byBlock = context.getStateStore(stores.byBlock());
        final KeyValueStore<String, PoolInfo> pools = context.getStateStore(stores.pools());
        final KeyValueStore<String, Token> tokens = context.getStateStore(stores.tokens());
        this.directory = new PoolDirectory(pools::get, tokens::get);
        this.items = context.getStateStore(stores.items());
        open.clear();
        final Map<Long, List<EthItem>> itemsByBlock = new HashMap<>();
        try (KeyValueIterator<String, Item> all = items.all()) {
            while (all.hasNext()) {
                final KeyValue<String, Item> entry = all.next();
                if (entry.value instanceof EthItem item) {
                    itemsByBlock.computeIfAbsent(blockOf(entry.key), n -> new ArrayList<>()).add(item);
                }
            }
        }
        try (KeyValueIterator<Long, BlockAssembly> all = assemblies.all()) {
            while (all.hasNext()) {
                final KeyValue<Long, BlockAssembly> entry = all.next();
                open.put(entry.key, entry.value.restored(itemsByBlock.getOrDefault(entry.key, List.of())));
            }
        }
        highest = open.isEmpty() ? -1 : open.lastKey();
        this.forgottenStore = context.getStateStore(stores.forgotten());
        try (KeyValueIterator<Long, Long> all = forgottenStore.all()) {
            all.forEachRemaining(range -> forgotten.load(range.key, range.value));
        }
        this.lateItems = PipelineCounters.counter(context, PipelineCounters.MEV_ITEMS_TOO_LATE);
        this.forcedOut = PipelineCounters.counter(context, PipelineCounters.MEV_BLOCKS_FORCED_OUT);
        this.failed = PipelineCounters.counter(context, PipelineCounters.MEV_BLOCKS_FAILED);
        context.schedule(CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::check);
    }

    @Override
    public void process(final Record<String, ChainEvent> record) {
        final long now = context.currentSystemTimeMs();
        if (record.value() instanceof ChainEvent.Reorganised reorganised) {
            reorganised(reorganised, record.timestamp(), now);
            return;
        }
        if (!(record.value() instanceof ChainEvent.Canonical canonical)
                || !BlockAssembly.relevant(canonical.item())
                || !(canonical.item() instanceof EthItem item)) {
            return;
        }
        final OptionalLong number = item.blockNumberIfKnown();
        if (number.isEmpty()) {
            return;
        }
        final long n = number.getAsLong();
        if (!open.containsKey(n) && forgotten.contains(n)) {
            lateItems.record();
            return;
        }
        final BlockAssembly current = open.get(n);
        final BlockAssembly assembly = current == null ? BlockAssembly.empty(n, now) : current;
        if (!(item instanceof Block)) {
            items.put(itemKey(n, assembly.itemCount()), item);
        }
        store(assembly.with(item, now));
        if (item instanceof Block && n > highest) {
            highest = n;
        }
    }

    private long horizon() {
        return highest - config.keepBlocks();
    }

    private void reorganised(final ChainEvent.Reorganised reorganised, final long timestamp, final long now) {
        final long n = reorganised.reorg().blockNumber();
        final String key = PartitionKeys.forBlock(n);
        final MevBlockFindings published = byBlock.get(key);
        if (published != null) {
            forward(key, published.findings(), MevOutput.Status.RETRACTION, timestamp);
            byBlock.delete(key);
        }
        // the replacement block is a new block: its items are assembled even when the height was let go
        mirror(forgotten.remove(n));
        final BlockAssembly assembly = open.get(n);
        if (assembly != null) {
            final BlockAssembly kept = assembly.reorganisedTo(reorganised.reorg().newHash(), now);
            deleteItems(n);
            final List<EthItem> keptItems = kept.items();
            for (int i = 0; i < keptItems.size(); i++) {
                items.put(itemKey(n, i), keptItems.get(i));
            }
            store(kept);
        }
    }

    /**
     * Analyses the blocks that are due, then prunes, oldest first, the assemblies that fell more than
     * keepBlocks heights behind and have been analysed and quiet for the timeout; the first one that
     * may not go yet stops the pruning. Past {@link #MAX_KEPT_FACTOR} × keepBlocks assemblies the
     * oldest go regardless (analysed first), so memory stays bounded whatever the input does.
     */
    private void check(final long now) {
        final List<BlockAssembly> due = new ArrayList<>();
        for (final Map.Entry<Long, BlockAssembly> entry : open.entrySet()) {
            if (entry.getValue().due(now, config.timing(), highest > entry.getKey())) {
                due.add(entry.getValue());
            }
        }
        due.forEach(assembly -> store(analyse(assembly, now)));
        final long quietEnough = config.timing().timeout().toMillis();
        final int cap = config.keepBlocks() * MAX_KEPT_FACTOR;
        while (!open.isEmpty()) {
            final BlockAssembly oldest = open.firstEntry().getValue();
            final boolean mayGo = oldest.blockNumber() <= horizon() && oldest.analysed()
                    && now - oldest.lastItemAt() >= quietEnough;
            if (!mayGo && open.size() <= cap) {
                break;
            }
            if (!mayGo) {
                // memory, not completeness, decides: its findings so far stand, later items are too late
                forcedOut.record();
                LOG.warn("MEV assembly of block {} let go before it was complete: more than {} assemblies open",
                        oldest.blockNumber(), cap);
                if (!oldest.analysed()) {
                    analyse(oldest, now);
                }
            }
            assemblies.delete(oldest.blockNumber());
            deleteItems(oldest.blockNumber());
            open.remove(oldest.blockNumber());
            mirror(forgotten.add(oldest.blockNumber()));
        }
    }

    private void mirror(final ForgottenBlocks.Change change) {
        change.deleted().forEach(forgottenStore::delete);
        change.written().forEach(forgottenStore::put);
    }

    /** Keeps {@code assembly} and writes its header (its items are written as they come). */
    private void store(final BlockAssembly assembly) {
        assemblies.put(assembly.blockNumber(), assembly.header());
        open.put(assembly.blockNumber(), assembly);
    }

    private void deleteItems(final long blockNumber) {
        final List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Item> range = items.range(itemKey(blockNumber, 0), itemKey(blockNumber, Integer.MAX_VALUE))) {
            range.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(items::delete);
    }

    private BlockAssembly analyse(final BlockAssembly assembly, final long now) {
        final List<MevFinding> findings;
        try {
            findings = MevInspector.standard().inspect(assembly.input(directory::pool)).findings();
        } catch (final RuntimeException e) {
            // One odd block must not stop the stream thread; its previous findings (if any) stand.
            LOG.warn("MEV inspection of block {} failed", assembly.blockNumber(), e);
            failed.record();
            return assembly.analysedWith(assembly.findings());
        }
        final String key = PartitionKeys.forBlock(assembly.blockNumber());
        if (assembly.everAnalysed()) {
            if (findings.equals(assembly.findings())) {
                return assembly.analysedWith(findings);
            }
            forward(key, assembly.findings(), MevOutput.Status.RETRACTION, now);
            forward(key, findings, MevOutput.Status.CORRECTION, now);
        } else {
            forward(key, findings, MevOutput.Status.NEW, now);
        }
        if (findings.isEmpty()) {
            byBlock.delete(key);
        } else {
            byBlock.put(key, new MevBlockFindings(assembly.blockNumber(), assembly.blockHash(), findings));
        }
        return assembly.analysedWith(findings);
    }

    private void forward(final String key, final List<MevFinding> findings, final MevOutput.Status status,
            final long timestamp) {
        for (final MevFinding finding : findings) {
            final MevOutput output = new MevOutput(finding, status);
            context.forward(new Record<>(key, output, timestamp, output.headers()));
        }
    }
}
