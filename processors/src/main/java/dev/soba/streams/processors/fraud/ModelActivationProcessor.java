package dev.soba.streams.processors.fraud;

import dev.soba.streams.models.fraud.FraudModel;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Global processor of the model-activation topic: every instance reads every activation and swaps its
 * model. A package that cannot be used (corrupt, or made for other feature definitions) is refused and
 * logged, and the running model stays. At start, the last activation in the store is taken up.
 */
public final class ModelActivationProcessor implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(ModelActivationProcessor.class);

    private final String storeName;
    private final FraudModels models;
    private KeyValueStore<String, byte[]> store;

    public ModelActivationProcessor(final String storeName, final FraudModels models) {
        this.storeName = storeName;
        this.models = models;
    }

    @Override
    public void init(final ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
        final byte[] last = store.get(FraudTopicKeys.MODEL_KEY);
        if (last != null) {
            activate(last);
        }
    }

    @Override
    public void process(final Record<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        if (activate(record.value())) {
            store.put(FraudTopicKeys.MODEL_KEY, record.value());
        }
    }

    private boolean activate(final byte[] packed) {
        try {
            final FraudModel model = FraudModel.unpack(packed);
            models.activate(model);
            LOG.info("fraud model {} {} activated", model.card().name(), model.card().version());
            return true;
        } catch (final FraudModel.InvalidModelException e) {
            LOG.warn("fraud model activation refused ({}: {}); the running model stays", e.field(), e.getMessage());
            return false;
        }
    }
}
