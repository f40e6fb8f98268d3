package dev.soba.streams.api.nlp;

import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.processors.nlp.ApertiumApy;
import dev.soba.streams.processors.nlp.DetectionAccuracy;
import dev.soba.streams.processors.nlp.LanguageIdentifier;
import dev.soba.streams.processors.nlp.LibreTranslate;
import dev.soba.streams.processors.nlp.Translator;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The one language detector and the one translator of this instance. Both are built at start on a
 * thread of their own (Lingua loads its models, apertium-apy starts its server), so the API comes
 * up at once; a request that arrives before they are ready waits for them. Which back-end
 * translates, and what is missing when none can, is decided there once: a machine with only a JDK
 * detects languages and answers translations with 503 naming what to install.
 */
@ApplicationScoped
public class NlpService {

    private static final Logger LOG = Logger.getLogger(NlpService.class);
    private static final long READY_WAIT_SECONDS = 120;

    private final NlpConfig config;
    private final CompletableFuture<LanguageIdentifier> identifier = new CompletableFuture<>();
    private final CompletableFuture<Translator> translator = new CompletableFuture<>();
    private final ExecutorService batchWorkers;

    public NlpService(final NlpConfig config) {
        this.config = config;
        this.batchWorkers = Executors.newFixedThreadPool(Math.max(1, config.batchConcurrency()), runnable -> {
            final Thread thread = new Thread(runnable, "nlp-batch");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start(@Observes final StartupEvent event) {
        final Thread loader = new Thread(this::load, "nlp-start");
        loader.setDaemon(true);
        loader.start();
    }

    void stop(@Observes final ShutdownEvent event) {
        batchWorkers.shutdownNow();
        translator.thenAccept(Translator::close);
    }

    private void load() {
        try {
            final long started = System.nanoTime();
            final LanguageIdentifier built = LanguageIdentifier.build(DetectionAccuracy.parse(config.detectionAccuracy()));
            LOG.infof("language detection ready (Lingua, %s accuracy) in %d ms", built.accuracy().label(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            identifier.complete(built);
            translator.complete(translator(built));
            translator.join().unavailableReason().ifPresentOrElse(
                    reason -> LOG.warnf("translation is unavailable: %s", reason),
                    () -> LOG.infof("translation ready (%s, %d pairs)", translator.join().backendName(),
                            translator.join().pairs().size()));
        } catch (final RuntimeException | Error e) {
            LOG.errorf(e, "language detection could not start");
            identifier.completeExceptionally(e);
            translator.completeExceptionally(e);
        }
    }

    private Translator translator(final LanguageIdentifier detector) {
        final String backend = config.translationBackend().strip().toLowerCase(Locale.ROOT);
        try {
            return switch (backend) {
                case "apertium" -> {
                    final Path modes = Path.of(config.apertiumModes());
                    final Optional<String> missing = ApertiumApy.missing(config.apertiumCommand(), modes);
                    yield missing.isPresent() ? Translator.unavailable(missing.get(), detector, config.maxTextBytes())
                            : Translator.with(ApertiumApy.start(config.apertiumCommand(), modes, config.timeout()),
                                    detector, config.maxTextBytes());
                }
                case "libretranslate" -> config.libretranslateUrl().isEmpty()
                        ? Translator.unavailable("soba.nlp.translation-backend=libretranslate needs soba.nlp.libretranslate-url",
                                detector, config.maxTextBytes())
                        : Translator.with(LibreTranslate.connect(config.libretranslateUrl().get(),
                                config.libretranslateApiKey().orElse(""), config.timeout()), detector, config.maxTextBytes());
                case "none" -> Translator.unavailable("translation is switched off (soba.nlp.translation-backend=none)",
                        detector, config.maxTextBytes());
                default -> Translator.unavailable("unknown soba.nlp.translation-backend '" + backend
                        + "': apertium, libretranslate or none", detector, config.maxTextBytes());
            };
        } catch (final IOException | RuntimeException e) {
            return Translator.unavailable(backend + " could not start: " + e.getMessage(), detector, config.maxTextBytes());
        }
    }

    public NlpConfig config() {
        return config;
    }

    public LanguageIdentifier identifier() {
        return ready(identifier, "language detection");
    }

    public Translator translator() {
        return ready(translator, "translation");
    }

    /** Why translation is unavailable once that is known; empty while starting or when it works. */
    public Optional<String> translationUnavailable() {
        if (!translator.isDone()) {
            return Optional.empty();
        }
        if (translator.isCompletedExceptionally()) {
            return Optional.of("language detection and translation could not start (see the log)");
        }
        return translator.join().unavailableReason();
    }

    /** Whether the models are loaded and the back-end is started (or known to be missing). */
    public boolean started() {
        return translator.isDone();
    }

    /** Where batch items are translated, a bounded pool shared by every batch of the instance. */
    public ExecutorService batchWorkers() {
        return batchWorkers;
    }

    private static <T> T ready(final CompletableFuture<T> future, final String what) {
        try {
            return future.get(READY_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (final TimeoutException e) {
            throw ApiException.unavailable(what + " is still starting (loading language models)", 10);
        } catch (final ExecutionException e) {
            throw ApiException.unavailable(what + " could not start: " + e.getCause().getMessage(), 60);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable(what + " is still starting", 10);
        }
    }
}
