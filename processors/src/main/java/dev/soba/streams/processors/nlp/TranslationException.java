package dev.soba.streams.processors.nlp;

/** A back-end that did not translate: it did not answer in time, or it answered with an error. */
public final class TranslationException extends Exception {

    /** Why. */
    public enum Kind { TIMEOUT, FAILED }

    private final Kind kind;

    public TranslationException(final Kind kind, final String message, final Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
