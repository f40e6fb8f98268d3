package dev.soba.streams.api.tracing;

import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * The id that ties together a request's response, its problem details and its log lines. A
 * caller's {@code X-Request-Id} is kept when it is 1–128 visible ASCII characters (so that it is
 * safe in a header and a log line); anything else is replaced by a random UUID.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    /** The MDC key: {@code %X{request_id}} in the text log format, {@code mdc.request_id} in JSON logs. */
    public static final String MDC_KEY = "request_id";
    static final int MAX_LENGTH = 128;

    private RequestId() {
    }

    /** The caller's id when it is acceptable, a new one otherwise. */
    public static String accept(final String candidate) {
        return candidate != null && acceptable(candidate) ? candidate : UUID.randomUUID().toString();
    }

    /** The id of the request being handled, on whichever thread handles it. */
    public static Optional<String> current() {
        return Optional.ofNullable((String) MDC.get(MDC_KEY));
    }

    static boolean acceptable(final String candidate) {
        return !candidate.isEmpty() && candidate.length() <= MAX_LENGTH
                && candidate.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
