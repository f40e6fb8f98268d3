package dev.soba.streams.processors.graph;

import dev.soba.streams.processors.store.WriteThroughCache;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Counterparties per address (keyed by lower-case address), at most {@code limit} each. */
public final class CounterpartyProcessor implements Processor<String, CounterpartyChange, Void, Void> {

    // Hubs change in most blocks; keep the busiest deserialised (as the address history does).
    private static final int HOT_ADDRESSES = 2048;

    private final String storeName;
    private final int limit;
    private WriteThroughCache<String, Counterparties> states;

    public CounterpartyProcessor(final String storeName, final int limit) {
        this.storeName = storeName;
        this.limit = limit;
    }

    @Override
    public void init(final ProcessorContext<Void, Void> context) {
        final KeyValueStore<String, Counterparties> store = context.getStateStore(storeName);
        this.states = new WriteThroughCache<>(store, HOT_ADDRESSES);
    }

    @Override
    public void process(final Record<String, CounterpartyChange> record) {
        final String address = record.key();
        final Counterparties current = states.get(address);
        final Counterparties next = (current == null ? Counterparties.empty() : current)
                .apply(address, record.value(), limit);
        if (next.holdsNothing()) {
            states.delete(address);
        } else {
            states.put(address, next);
        }
    }
}
