package dev.soba.streams.processors.nlp;

import java.util.List;

/**
 * A translation that was not made, and why: the request was wrong ({@code field} names what), the
 * pair is not installed ({@code supported} lists what is), or the back-end is missing, slow or failing.
 */
public final class TranslationRefused extends RuntimeException {

    /** Why; each maps to one HTTP status. */
    public enum Reason {
        /** text empty, or a code that is no language code: 400 */
        INVALID,
        /** text over the limit: 413 */
        TOO_LARGE,
        /** no installed pair for source → target, or an auto source that could not be detected: 422 */
        UNSUPPORTED_PAIR,
        /** no back-end installed: 503 */
        UNAVAILABLE,
        /** the back-end did not answer in time: 503 */
        TIMEOUT,
        /** the back-end answered with an error: 503 */
        FAILED
    }

    private final Reason reason;
    private final String field;
    private final transient List<LanguagePair> supported;

    public TranslationRefused(final Reason reason, final String field, final String message,
                              final List<LanguagePair> supported) {
        super(message, null, false, false);
        this.reason = reason;
        this.field = field;
        this.supported = List.copyOf(supported);
    }

    public Reason reason() {
        return reason;
    }

    /** The request field at fault ({@code text}, {@code source}, {@code target}), or {@code null}. */
    public String field() {
        return field;
    }

    public List<LanguagePair> supported() {
        return supported;
    }
}
