package dev.soba.streams.schemas;

/**
 * Bytes could not be read as, or a value could not be written to, the project's JSON. Unchecked:
 * on internal topics and stores it means a bug or corruption, not a producer's mistake (those are
 * reported as {@link Validated.Invalid} by {@link ItemParser}).
 */
public final class JsonCodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JsonCodecException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
