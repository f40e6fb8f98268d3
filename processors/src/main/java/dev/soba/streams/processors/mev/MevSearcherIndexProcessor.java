package dev.soba.streams.processors.mev;

import dev.soba.streams.schemas.mev.MevFinding;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the {@code mev-by-searcher} store (keys from {@link MevKeys#searcher}) on the searcher
 * partitioning: new findings and corrections are put, retractions deleted. A correction always
 * follows the retraction of the set it replaces, and both travel on the searcher's key in order.
 */
public final class MevSearcherIndexProcessor implements Processor<String, MevOutput, Void, Void> {

    private final String storeName;
    private KeyValueStore<String, MevFinding> store;

    public MevSearcherIndexProcessor(final String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(final ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(final Record<String, MevOutput> record) {
        final MevOutput output = record.value();
        if (output == null) {
            return;
        }
        final String key = MevKeys.searcher(output.finding());
        if (output.status() == MevOutput.Status.RETRACTION) {
            store.delete(key);
        } else {
            store.put(key, output.finding());
        }
    }
}
