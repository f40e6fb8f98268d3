package dev.soba.streams.api.pipeline;

import dev.soba.streams.models.fraud.FraudModel;
import dev.soba.streams.processors.fraud.FraudModels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The instance's fraud model holder: loaded from {@code soba.fraud.model-dir} at start when set, replaced by
 * activations from the {@code fraud_model} topic. A directory that cannot be used is logged and the pipeline runs
 * unscored (wallet risk answers say so) until a usable model is activated.
 */
@ApplicationScoped
public class FraudModelsProducer {

    private static final Logger LOG = Logger.getLogger(FraudModelsProducer.class);

    @Produces
    @Singleton
    public FraudModels fraudModels(final SobaConfig config) {
        final FraudModels models = new FraudModels();
        config.fraud().modelDir().ifPresent(dir -> {
            try {
                final FraudModel model = FraudModel.load(Path.of(dir));
                models.activate(model);
                LOG.infof("fraud model %s %s loaded from %s", model.card().name(), model.card().version(), dir);
            } catch (final FraudModel.InvalidModelException e) {
                LOG.errorf("fraud model not loaded (%s): %s; wallets are unscored until a model is activated", e.field(), e.getMessage());
            }
        });
        return models;
    }
}
