package dev.soba.streams.api.http;

import java.util.Map;

/** The one error type of the API: it carries the problem to answer with and any extra headers. */
public final class ApiException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ApiException(final Problem problem) {
        this(problem, Map.of());
    }

    public ApiException(final Problem problem, final Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ApiException badRequest(final String field, final String detail) {
        return new ApiException(Problem.of(400, "Bad Request", detail).withField(field));
    }

    public static ApiException notFound(final String detail) {
        return new ApiException(Problem.of(404, "Not Found", detail));
    }

    public static ApiException unavailable(final String detail, final int retryAfterSeconds) {
        return new ApiException(Problem.of(503, "Service Unavailable", detail),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }
}
