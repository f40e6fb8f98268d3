package dev.soba.streams.processors.contracts;

import dev.soba.streams.schemas.contracts.ContractAnalysis;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps {@code contract-analysis} (address → analysis) on the address partitioning, and passes each analysis on. */
public final class ContractStoreProcessor implements Processor<String, ContractAnalysis, String, ContractAnalysis> {

    private final String storeName;
    private ProcessorContext<String, ContractAnalysis> context;
    private KeyValueStore<String, ContractAnalysis> store;

    public ContractStoreProcessor(final String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(final ProcessorContext<String, ContractAnalysis> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(final Record<String, ContractAnalysis> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        store.put(record.key(), record.value());
        context.forward(record);
    }
}
