package dev.soba.streams.api.ml;

import dev.soba.streams.models.price.PriceModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The active price model of a name, read from the registry on each request (a small query) and
 * deserialised once per model id.
 */
@ApplicationScoped
public class PriceModels {

    private static final Duration DB_WAIT = Duration.ofSeconds(30);

    /** A model ready to forecast, with its registry entry. */
    public record Loaded(RegisteredModel registered, PriceModel model) {
    }

    private final TrainingJobs jobs;
    private final Map<Long, PriceModel> loaded = new ConcurrentHashMap<>();

    public PriceModels(final TrainingJobs jobs) {
        this.jobs = jobs;
    }

    public Optional<Loaded> active(final String name) {
        final Optional<RegisteredModel> active = jobs.registry().active(name).await().atMost(DB_WAIT);
        return active.map(registered -> new Loaded(registered, loaded.computeIfAbsent(registered.id(), this::read)));
    }

    private PriceModel read(final long id) {
        final byte[] bytes = jobs.registry().bytes(id).await().atMost(DB_WAIT)
                .orElseThrow(() -> new IllegalStateException("registered model " + id + " has no bytes"));
        try {
            return PriceModel.fromBytes(bytes);
        } catch (final IOException e) {
            throw new IllegalStateException("registered model " + id + " is not a price model: " + e.getMessage(), e);
        }
    }
}
