package dev.soba.streams.api.query;

import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.pipeline.SobaConfig;
import dev.soba.streams.api.tracing.RequestId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Turns a {@link QueryResult} into the HTTP answer. A key owned by another instance is fetched
 * from that instance server-side with the caller's credentials, so a client never sees the
 * sharding; a forwarded request is never forwarded again (no loops while ownership moves).
 */
@ApplicationScoped
public class QueryResponder {

    static final String FORWARDED = "X-Soba-Forwarded-By";
    private static final int RETRY_AFTER_SECONDS = 2;

    private final HttpClient http;
    private final Duration timeout;

    public QueryResponder(final SobaConfig config) {
        this.timeout = config.query().forwardTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public <T> Response answer(final QueryResult<T> result, final Function<T, Object> view,
                               final String notFound, final HttpHeaders headers, final UriInfo uri) {
        if (result instanceof QueryResult.Found<T> found) {
            return Response.ok(view.apply(found.value()), MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (result instanceof QueryResult.Remote<T> remote) {
            return forward(remote.owner(), headers, uri);
        }
        if (result instanceof QueryResult.Unavailable<T> unavailable) {
            throw ApiException.unavailable(unavailable.reason(), RETRY_AFTER_SECONDS);
        }
        throw ApiException.notFound(notFound);
    }

    private Response forward(final HostInfo owner, final HttpHeaders headers, final UriInfo uri) {
        if (headers.getHeaderString(FORWARDED) != null) {
            throw ApiException.unavailable("ownership of this key is moving between instances", RETRY_AFTER_SECONDS);
        }
        final URI target = URI.create("http://" + owner.host() + ":" + owner.port()
                + uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery()));
        final HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout).GET()
                .header(FORWARDED, "soba");
        final String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        // one request id on both instances' logs (already validated by the request-id filter)
        final String requestId = headers.getHeaderString(RequestId.HEADER);
        if (requestId != null) {
            request.header(RequestId.HEADER, requestId);
        }
        try {
            final HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return Response.status(response.statusCode())
                    .type(response.headers().firstValue("Content-Type").orElse(MediaType.APPLICATION_JSON))
                    .entity(response.body())
                    .build();
        } catch (final IOException e) {
            throw ApiException.unavailable("the instance owning this key (" + owner.host() + ":" + owner.port()
                    + ") did not answer: " + e.getMessage(), RETRY_AFTER_SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted while asking the owning instance", RETRY_AFTER_SECONDS);
        }
    }
}
