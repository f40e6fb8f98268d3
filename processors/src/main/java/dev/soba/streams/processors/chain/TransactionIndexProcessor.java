package dev.soba.streams.processors.chain;

import dev.soba.streams.schemas.Transaction;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Transactions by hash. A retraction removes a transaction only if the stored copy is the one
 * from the orphaned block: the same transaction re-included in the new canonical block stays.
 */
public final class TransactionIndexProcessor implements Processor<String, TransactionChange, Void, Void> {

    private final String storeName;
    private KeyValueStore<String, Transaction> transactions;

    public TransactionIndexProcessor(final String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(final ProcessorContext<Void, Void> context) {
        this.transactions = context.getStateStore(storeName);
    }

    @Override
    public void process(final Record<String, TransactionChange> record) {
        final TransactionChange change = record.value();
        change.upserted().ifPresent(tx -> transactions.put(tx.hash(), tx));
        change.retracted().ifPresent(ref -> {
            final Transaction stored = transactions.get(ref.hash());
            if (stored != null && ref.blockHash().equals(stored.blockHash())) {
                transactions.delete(ref.hash());
            }
        });
    }
}
