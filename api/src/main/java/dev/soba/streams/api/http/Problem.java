package dev.soba.streams.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.soba.streams.schemas.Violation;
import java.util.List;

/**
 * RFC 7807 problem details: the one error shape of the API. {@code field} names the failing
 * field or parameter; {@code violations} lists every broken rule when there are several;
 * {@code request_id} is filled in on the way out by {@link ProblemRequestIdFilter}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String field,
        List<Violation> violations,
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(final int status, final String title, final String detail) {
        return new Problem("about:blank", title, status, detail, null, null, null, null);
    }

    public Problem withField(final String failingField) {
        return new Problem(type, title, status, detail, instance, failingField, violations, requestId);
    }

    public Problem withViolations(final List<Violation> all) {
        return new Problem(type, title, status, detail, instance, field, all, requestId);
    }

    public Problem at(final String path, final String id) {
        return new Problem(type, title, status, detail, path, field, violations, id);
    }
}
