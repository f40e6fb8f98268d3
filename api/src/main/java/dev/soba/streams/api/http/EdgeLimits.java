package dev.soba.streams.api.http;

import dev.soba.streams.api.tracing.RequestId;
import dev.soba.streams.schemas.Json;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits of a request, answered as problem+json before anything reads the request: a request
 * target longer than {@code soba.http.max-url-length} is a 414, headers larger than
 * {@code soba.http.max-header-size} a 431, a declared body larger than
 * {@code quarkus.http.limits.max-body-size} a 413 (and the connection is closed: the body is not
 * read), a chunked body on an {@code /api} path a 411 (its size would only be known while reading it,
 * too late for a problem answer). The HTTP decoder's own limits ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}) are set well above these, so that the API, not the decoder (which answers
 * with an empty body), says what is wrong. The probes under {@code /q/health} serve GET only: other
 * methods are a 405 with {@code Allow}.
 */
@ApplicationScoped
public class EdgeLimits {

    // after RequestIdFilter (10,000), so answers carry the request id; before Quarkus' body-size check
    private static final int PRIORITY = 9_000;
    private static final String HEALTH_PROBES = "/q/health";

    private final long maxUrlLength;
    private final long maxHeaderSize;
    private final long maxBodySize;

    public EdgeLimits(final Settings settings,
                      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                      final MemorySize maxBodySize) {
        this.maxUrlLength = settings.maxUrlLength().asLongValue();
        this.maxHeaderSize = settings.maxHeaderSize().asLongValue();
        this.maxBodySize = maxBodySize.asLongValue();
    }

    /** {@code soba.http.*}. */
    @ConfigMapping(prefix = "soba.http")
    public interface Settings {

        /** Longest request target (path and query) answered; longer: 414. */
        @WithDefault("8K")
        MemorySize maxUrlLength();

        /** Largest header block answered ({@code name: value} lines); larger: 431. */
        @WithDefault("16K")
        MemorySize maxHeaderSize();
    }

    void register(@Observes final Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(final RoutingContext context) {
        final HttpServerRequest request = context.request();
        final int urlLength = request.uri().length();
        if (urlLength > maxUrlLength) {
            answer(context, 414, "URI Too Long", "the request target (path and query) has " + urlLength
                    + " characters; at most " + maxUrlLength + " are read", Map.of());
            return;
        }
        final long headerSize = headerSize(request.headers());
        if (headerSize > maxHeaderSize) {
            answer(context, 431, "Request Header Fields Too Large", "the request headers have " + headerSize
                    + " bytes; at most " + maxHeaderSize + " are read", Map.of());
            return;
        }
        final String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && bodyTooLarge(declared)) {
            // the body is not read: the connection closes after the answer
            context.response().endHandler(sent -> request.connection().close());
            answer(context, 413, "Content Too Large", "the request body has " + declared.strip() + " bytes; at most "
                    + maxBodySize + " are read (send large batches in several requests)",
                    Map.of(HttpHeaders.CONNECTION.toString(), "close"));
            return;
        }
        if (declared == null && isChunked(request) && request.path() != null && request.path().startsWith("/api/")) {
            // a body of unknown length would only be found too large while it is read, where the answer
            // cannot be a problem any more: /api bodies (JSON of at most max-body-size) declare their length
            context.response().endHandler(sent -> request.connection().close());
            answer(context, 411, "Length Required", "send the body with a Content-Length (at most " + maxBodySize
                    + " bytes), not in chunks", Map.of(HttpHeaders.CONNECTION.toString(), "close"));
            return;
        }
        if (isHealthProbe(request.path()) && request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            answer(context, 405, "Method Not Allowed", "the health probes answer GET (and HEAD), not "
                    + request.method().name(), Map.of(HttpHeaders.ALLOW.toString(), "GET, HEAD"));
            return;
        }
        context.next();
    }

    private boolean bodyTooLarge(final String declared) {
        try {
            return Long.parseLong(declared.strip()) > maxBodySize;
        } catch (final NumberFormatException e) {
            return false; // the HTTP decoder refuses a malformed Content-Length itself
        }
    }

    private static boolean isChunked(final HttpServerRequest request) {
        final String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    /** Bytes of the header block as sent: {@code name: value\r\n} per header. */
    static long headerSize(final MultiMap headers) {
        long size = 0;
        for (final Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4L;
        }
        return size;
    }

    private static boolean isHealthProbe(final String path) {
        return path != null && (path.equals(HEALTH_PROBES) || path.startsWith(HEALTH_PROBES + "/"));
    }

    private static void answer(final RoutingContext context, final int status, final String title, final String detail,
                               final Map<String, String> headers) {
        final String path = context.request().path();
        final Problem problem = Problem.of(status, title, detail)
                .at(path == null ? "" : path.length() > 200 ? path.substring(0, 200) + "..." : path,
                        context.response().headers().get(RequestId.HEADER));
        headers.forEach(context.response()::putHeader);
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Buffer.buffer(Json.write(problem)));
    }
}
