package dev.soba.streams.processors.ingest;

import dev.soba.streams.schemas.Item;
import java.time.Duration;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops an item already seen within the retention period (same identity, same block). The
 * window store bounds memory: entries older than the retention fall away with their segments.
 */
public final class DeduplicationProcessor implements Processor<String, Item, String, Item> {

    private final String storeName;
    private final long retentionMillis;
    private ProcessorContext<String, Item> context;
    private WindowStore<String, Long> seen;
    private Sensor duplicates;

    public DeduplicationProcessor(final String storeName, final Duration retention) {
        this.storeName = storeName;
        this.retentionMillis = retention.toMillis();
    }

    @Override
    public void init(final ProcessorContext<String, Item> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
        this.duplicates = PipelineCounters.counter(context, PipelineCounters.DUPLICATES);
    }

    @Override
    public void process(final Record<String, Item> record) {
        final String key = DeduplicationKey.of(record.value());
        final long time = record.timestamp();
        if (alreadySeen(key, time)) {
            duplicates.record();
            return;
        }
        seen.put(key, time, time);
        context.forward(record);
    }

    private boolean alreadySeen(final String key, final long time) {
        try (WindowStoreIterator<Long> hits = seen.fetch(key, time - retentionMillis, time + retentionMillis)) {
            return hits.hasNext();
        }
    }
}
