package dev.soba.streams.processors.fraud;

import dev.soba.streams.models.fraud.FraudModel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The model one instance scores with. Set at start from the configured directory, replaced when a new
 * model is activated (the activation topic); a refused activation leaves the running model in place.
 */
public final class FraudModels {

    private final AtomicReference<FraudModel> current = new AtomicReference<>();

    public FraudModels() {
    }

    public FraudModels(final FraudModel initial) {
        current.set(initial);
    }

    public Optional<FraudModel> current() {
        return Optional.ofNullable(current.get());
    }

    public void activate(final FraudModel model) {
        current.set(model);
    }
}
