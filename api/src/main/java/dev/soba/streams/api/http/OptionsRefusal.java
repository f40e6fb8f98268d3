package dev.soba.streams.api.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code OPTIONS} on an {@code /api} path is not an operation of the API: instead of the framework's
 * empty 200, a 405 problem+json whose {@code Allow} lists the methods the path serves. Cross-origin
 * preflights are the CORS filter's ({@code quarkus.http.cors.*}), which answers them before this
 * when it is enabled; with CORS off, browsers get the same 405 and make no cross-origin call.
 */
public class OptionsRefusal {

    @ServerResponseFilter
    public void refuse(final ContainerRequestContext request, final ContainerResponseContext response) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod()) || response.getStatus() != 200
                || !request.getUriInfo().getPath().startsWith("/api")) {
            return;
        }
        final String served = response.getHeaderString(HttpHeaders.ALLOW);
        final String allow = served == null ? "" : Arrays.stream(served.split(","))
                .map(String::strip)
                .filter(method -> !method.isEmpty() && !method.equalsIgnoreCase(HttpMethod.OPTIONS))
                .sorted()
                .collect(Collectors.joining(", "));
        response.setStatus(405);
        response.getHeaders().putSingle(HttpHeaders.ALLOW, allow);
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.setEntity(Problem.of(405, "Method Not Allowed", "OPTIONS is not served on " + request.getUriInfo().getPath()
                + "; its methods are " + (allow.isEmpty() ? "none" : allow) + " (cross-origin calls: see quarkus.http.cors)")
                .at(request.getUriInfo().getPath(), null));
    }
}
