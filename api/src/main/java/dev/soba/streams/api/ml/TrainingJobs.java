package dev.soba.streams.api.ml;

import dev.soba.streams.models.price.Horizon;
import dev.soba.streams.models.price.PriceModel;
import dev.soba.streams.models.price.PriceModelFile;
import dev.soba.streams.models.price.PriceSeries;
import dev.soba.streams.models.price.PriceTrainer;
import dev.soba.streams.schemas.market.Candle;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Training jobs of this instance: one at a time on a worker thread, each reading the candles it
 * needs, training, and registering the model as a candidate. A job that cannot finish ends
 * {@code failed} with the reason; nothing in the registry changes then.
 */
@ApplicationScoped
public class TrainingJobs {

    private static final Duration DB_WAIT = Duration.ofSeconds(30);

    /** What to train on: one-minute candles of a pair on a venue, in [from, to]. */
    public record Request(String pair, String venue, String interval, String horizon, long from, long to) {
        Horizon horizonValue() {
            return Horizon.parse(horizon).orElseThrow();
        }

        String modelName() {
            return "price-" + pair + "-" + venue + "-" + horizon;
        }
    }

    /** A job's state as {@code GET /api/v1/ml/jobs/{id}} shows it. */
    public record Job(String id, String state, String stage, String submitted, String finished, Request request,
                      RegisteredModel model, String error) {
        Job next(final String newState, final String newStage) {
            return new Job(id, newState, newStage, submitted, finished, request, model, error);
        }
    }

    /** The candles of a request, or why there are none here. */
    public sealed interface Candles {
        record Here(List<Candle> candles) implements Candles {
        }

        record Elsewhere(String reason) implements Candles {
        }
    }

    private final ModelRegistry registry;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        final Thread thread = new Thread(r, "soba-ml-training");
        thread.setDaemon(true);
        return thread;
    });

    public TrainingJobs(final Pool pool) {
        this.registry = new ModelRegistry(pool);
    }

    void migrate(@Observes final StartupEvent start) {
        registry.migrate().await().atMost(DB_WAIT);
    }

    void stop(@Observes final ShutdownEvent stop) {
        worker.shutdownNow();
    }

    public ModelRegistry registry() {
        return registry;
    }

    /** Queues a job; {@code candles} is called on the worker thread. */
    public Job submit(final Request request, final Function<Request, Candles> candles) {
        final Job job = new Job(UUID.randomUUID().toString(), "queued", "waiting for the worker", Instant.now().toString(), null,
                request, null, null);
        jobs.put(job.id(), job);
        worker.submit(() -> run(job.id(), candles));
        return job;
    }

    public Optional<Job> find(final String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void run(final String id, final Function<Request, Candles> source) {
        final Request request = jobs.get(id).request();
        try {
            update(id, job -> job.next("running", "reading candles"));
            final Candles candles = source.apply(request);
            if (candles instanceof Candles.Elsewhere elsewhere) {
                fail(id, elsewhere.reason());
                return;
            }
            final List<Candle> here = ((Candles.Here) candles).candles();
            if (here.isEmpty()) {
                fail(id, "no " + request.interval() + " candles of " + request.pair() + " on " + request.venue()
                        + " between " + Instant.ofEpochMilli(request.from()) + " and " + Instant.ofEpochMilli(request.to()));
                return;
            }
            update(id, job -> job.next("running", "training on " + here.size() + " candles"));
            final PriceSeries series = PriceSeries.of(request.pair(), here);
            final PriceModel model = PriceTrainer.train(series, request.horizonValue());
            update(id, job -> job.next("running", "registering"));
            final RegisteredModel registered = registry.register(new ModelRegistry.NewModel(request.modelName(), "price",
                    model.data().sha256(), Instant.ofEpochMilli(model.data().from()), Instant.ofEpochMilli(model.data().to()),
                    PriceModelFile.parameters(model), model.validation(), model.toBytes())).await().atMost(DB_WAIT);
            update(id, job -> new Job(job.id(), "succeeded", "registered as candidate " + registered.id(),
                    job.submitted(), Instant.now().toString(), job.request(), registered, null));
        } catch (final RuntimeException e) {
            fail(id, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void fail(final String id, final String reason) {
        update(id, job -> new Job(job.id(), "failed", job.stage(), job.submitted(), Instant.now().toString(),
                job.request(), null, reason));
    }

    private void update(final String id, final java.util.function.UnaryOperator<Job> change) {
        jobs.computeIfPresent(id, (key, job) -> change.apply(job));
    }
}
