package dev.soba.streams.processors.chain;

import dev.soba.streams.processors.store.WriteThroughCache;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Recent transactions per address (sent and received), keyed by lower-case address. */
public final class AddressHistoryProcessor implements Processor<String, AddressChange, Void, Void> {

    // Busy addresses (routers, pools, bots) get a transaction in most blocks; their history is read
    // and rewritten each time, and reading it back from JSON was most of this processor's cost.
    private static final int HOT_ADDRESSES = 4096;

    private final String storeName;
    private final int limit;

    private WriteThroughCache<String, AddressHistory> histories;

    public AddressHistoryProcessor(final String storeName, final int limit) {
        this.storeName = storeName;
        this.limit = limit;
    }

    @Override
    public void init(final ProcessorContext<Void, Void> context) {
        final KeyValueStore<String, AddressHistory> store = context.getStateStore(storeName);
        this.histories = new WriteThroughCache<>(store, HOT_ADDRESSES);
    }

    @Override
    public void process(final Record<String, AddressChange> record) {
        final String address = record.key();
        final AddressHistory current = histories.get(address);
        final AddressHistory base = current == null ? AddressHistory.empty() : current;
        final AddressChange change = record.value();
        final AddressHistory next = change.retract()
                ? base.without(change.transaction())
                : base.with(change.transaction(), limit);
        if (next.transactions().isEmpty()) {
            histories.delete(address);
        } else {
            histories.put(address, next);
        }
    }
}
