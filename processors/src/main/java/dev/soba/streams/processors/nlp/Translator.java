package dev.soba.streams.processors.nlp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Translation behind one interface: checks the request, resolves {@code auto} with the language
 * detector, finds the installed pair and asks the back-end. Without a back-end every translation
 * is refused as {@link TranslationRefused.Reason#UNAVAILABLE} with what to install.
 */
public final class Translator implements AutoCloseable {

    public static final String AUTO = "auto";

    private final Optional<TranslationBackend> backend;
    private final String unavailable;
    private final LanguageIdentifier identifier;
    private final int maxTextBytes;

    private Translator(final Optional<TranslationBackend> backend, final String unavailable,
                       final LanguageIdentifier identifier, final int maxTextBytes) {
        this.backend = backend;
        this.unavailable = unavailable;
        this.identifier = identifier;
        this.maxTextBytes = maxTextBytes;
    }

    public static Translator with(final TranslationBackend backend, final LanguageIdentifier identifier,
                                  final int maxTextBytes) {
        return new Translator(Optional.of(backend), "", identifier, maxTextBytes);
    }

    /** A translator that refuses every translation with {@code reason} (what is missing and how to install it). */
    public static Translator unavailable(final String reason, final LanguageIdentifier identifier, final int maxTextBytes) {
        return new Translator(Optional.empty(), reason, identifier, maxTextBytes);
    }

    /** Why translation is unavailable, or empty when a back-end is there. */
    public Optional<String> unavailableReason() {
        return backend.isPresent() ? Optional.empty() : Optional.of(unavailable);
    }

    /** The back-end's name, {@code none} without one. */
    public String backendName() {
        return backend.map(TranslationBackend::name).orElse("none");
    }

    public List<LanguagePair> pairs() {
        return backend.map(TranslationBackend::pairs).orElse(List.of());
    }

    public int maxTextBytes() {
        return maxTextBytes;
    }

    /** The pair a request resolves to, and the detection when its source was {@code auto}. */
    public record Resolved(LanguagePair pair, LanguageDetection detected) {
    }

    /** Checks a request without translating: the pair it will use (for cache keys), or why it is refused. */
    public Resolved resolve(final String text, final String source, final String target) {
        if (text == null || text.isBlank()) {
            throw new TranslationRefused(TranslationRefused.Reason.INVALID, "text", "text is required and not blank", List.of());
        }
        final int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxTextBytes) {
            throw new TranslationRefused(TranslationRefused.Reason.TOO_LARGE, "text",
                    "text is " + bytes + " bytes of UTF-8; the limit is " + maxTextBytes, List.of());
        }
        final String to = LanguageCodes.normalise(target).orElseThrow(() -> new TranslationRefused(
                TranslationRefused.Reason.INVALID, "target", "target is required: a language code such as es or spa", List.of()));
        final boolean auto = source == null || source.isBlank() || AUTO.equalsIgnoreCase(source.strip());
        final LanguageDetection detected = auto ? identifier.detect(text) : null;
        final String from;
        if (auto) {
            if (LanguageDetection.UNDETERMINED.equals(detected.language())) {
                throw new TranslationRefused(TranslationRefused.Reason.UNSUPPORTED_PAIR, "source",
                        "the source language could not be detected (" + detected.reason() + "); give source", pairs());
            }
            from = detected.iso6393();
        } else {
            from = LanguageCodes.normalise(source).orElseThrow(() -> new TranslationRefused(
                    TranslationRefused.Reason.INVALID, "source", "source is a language code such as en or eng, or auto",
                    List.of()));
        }
        if (backend.isEmpty()) {
            throw new TranslationRefused(TranslationRefused.Reason.UNAVAILABLE, null, unavailable, List.of());
        }
        final LanguagePair pair = pairs().stream().filter(candidate -> candidate.matches(from, to)).findFirst()
                .orElseThrow(() -> new TranslationRefused(TranslationRefused.Reason.UNSUPPORTED_PAIR,
                        auto ? "source" : "target", "no installed " + backendName() + " pair translates " + from + " to "
                        + to + (auto ? " (source detected as " + detected.name() + ")" : "") + "; installed pairs: "
                        + String.join(", ", pairs().stream().map(LanguagePair::label).toList()), pairs()));
        return new Resolved(pair, detected);
    }

    /** {@code text} translated from {@code source} ({@code auto}: detected) to {@code target}. */
    public Translation translate(final String text, final String source, final String target) {
        final Resolved resolved = resolve(text, source, target);
        return translate(text, resolved);
    }

    public Translation translate(final String text, final Resolved resolved) {
        final TranslationBackend engine = backend.orElseThrow(() -> new TranslationRefused(
                TranslationRefused.Reason.UNAVAILABLE, null, unavailable, List.of()));
        try {
            return new Translation(engine.translate(resolved.pair(), text), resolved.pair().source(),
                    resolved.pair().target(), engine.name(), resolved.detected());
        } catch (final TranslationException e) {
            throw new TranslationRefused(e.kind() == TranslationException.Kind.TIMEOUT
                    ? TranslationRefused.Reason.TIMEOUT : TranslationRefused.Reason.FAILED, null, e.getMessage(), List.of());
        }
    }

    /** Stops the back-end (apertium-apy's process). */
    @Override
    public void close() {
        backend.ifPresent(TranslationBackend::close);
    }
}
