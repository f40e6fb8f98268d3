package dev.soba.streams.processors.dex;

import dev.soba.streams.processors.chain.ChainEvent;
import dev.soba.streams.schemas.LogItem;
import dev.soba.streams.schemas.Token;
import dev.soba.streams.schemas.market.PoolInfo;
import dev.soba.streams.schemas.market.Swap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.soba.streams.processors.ingest.PipelineCounters;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decodes the canonical chain's logs into swaps and registry entries. Runs on the block-number
 * partitioning, so a transaction's Sync and Swap meet here whatever order they arrived in; pools
 * and token metadata come from the two global registry stores every instance holds.
 */
public final class SwapDecodingProcessor implements Processor<String, ChainEvent, String, DexOutput> {

    private static final Duration EXPIRY_CHECK = Duration.ofSeconds(1);

    private final SwapStores stores;
    private final Duration syncWait;
    private ProcessorContext<String, DexOutput> context;
    private V2SwapPairing pairing;
    private KeyValueStore<String, PendingV2Logs> pending;
    private PoolDirectory directory;
    private Sensor decoded;
    // When each waiting entry was first seen here (wall clock); entries restored after a restart
    // start their wait again.
    private final Map<String, Long> firstSeen = new HashMap<>();

    public SwapDecodingProcessor(final SwapStores stores, final Duration syncWait) {
        this.stores = stores;
        this.syncWait = syncWait;
    }

    /** The stores this processor uses: its own pending V2 logs, and the two global registries. */
    public record SwapStores(String pendingV2, String pools, String tokens) {
    }

    @Override
    public void init(final ProcessorContext<String, DexOutput> context) {
        this.context = context;
        this.pending = context.getStateStore(stores.pendingV2());
        final KeyValueStore<String, PoolInfo> pools = context.getStateStore(stores.pools());
        final KeyValueStore<String, Token> tokens = context.getStateStore(stores.tokens());
        this.directory = new PoolDirectory(pools::get, tokens::get);
        this.pairing = new V2SwapPairing(new PendingState() {
            @Override
            public Optional<PendingV2Logs> get(final String key) {
                return Optional.ofNullable(pending.get(key));
            }

            @Override
            public void put(final String key, final PendingV2Logs logs) {
                firstSeen.putIfAbsent(key, System.currentTimeMillis());
                pending.put(key, logs);
            }

            @Override
            public void remove(final String key) {
                firstSeen.remove(key);
                pending.delete(key);
            }
        });
        this.decoded = PipelineCounters.counter(context, PipelineCounters.SWAPS_DECODED);
        context.schedule(EXPIRY_CHECK, PunctuationType.WALL_CLOCK_TIME, this::expireWaiting);
    }

    @Override
    public void process(final Record<String, ChainEvent> record) {
        if (!(record.value() instanceof ChainEvent.Canonical canonical)) {
            return;
        }
        if (canonical.item() instanceof Token token && token.address() != null) {
            context.forward(record.withKey(token.address()).withValue(new DexOutput.TokenLearned(token)));
            return;
        }
        if (!(canonical.item() instanceof LogItem log)) {
            return;
        }
        final Optional<DexEvent> decoded = DexEventDecoder.decode(log);
        if (decoded.isEmpty()) {
            return;
        }
        final DexEvent event = decoded.get();
        if (event instanceof PairCreated created) {
            learned(record, PoolRegistry.fromPairCreated(created));
        } else if (event instanceof PoolCreated created) {
            learned(record, PoolRegistry.fromPoolCreated(created));
        } else if (event instanceof V3Swap swap) {
            publish(record, SwapBuilder.fromV3(swap, directory.pool(swap.pool())));
        } else if (event instanceof V2Swap swap) {
            publishReady(record, pairing.onSwap(swap));
        } else if (event instanceof V2Sync sync) {
            publishReady(record, pairing.onSync(sync));
        }
    }

    private void learned(final Record<String, ChainEvent> record, final PoolInfo pool) {
        context.forward(record.withKey(pool.address()).withValue(new DexOutput.PoolLearned(pool)));
    }

    private void publishReady(final Record<?, ?> record, final List<V2SwapPairing.Ready> ready) {
        for (final V2SwapPairing.Ready swap : ready) {
            publish(record, SwapBuilder.fromV2(swap.swap(), swap.sync(), directory.pool(swap.swap().pool())));
        }
    }

    private void publish(final Record<?, ?> record, final Swap swap) {
        decoded.record();
        final Optional<PoolInfo> pool = directory.pool(swap.poolAddress());
        context.forward(new Record<String, DexOutput>(swap.poolAddress(),
                new DexOutput.SwapDecoded(swap, pool.flatMap(p -> SwapBuilder.toTrade(swap, p))),
                record.timestamp()));
    }

    /** Publishes V2 swaps whose Sync did not come within the wait, and forgets stale entries. */
    private void expireWaiting(final long now) {
        final List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, PendingV2Logs> all = pending.all()) {
            while (all.hasNext()) {
                final KeyValue<String, PendingV2Logs> entry = all.next();
                final long seen = firstSeen.computeIfAbsent(entry.key, key -> now);
                if (now - seen >= syncWait.toMillis()) {
                    due.add(entry.key);
                }
            }
        }
        for (final String key : due) {
            publishReady(new Record<>(key, null, now), pairing.expire(key));
            firstSeen.remove(key);
        }
    }
}
