package dev.soba.streams.api.query;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/**
 * The request being answered, as much of it as forwarding to the owning instance needs: the
 * headers (credentials, request id), the URI, the method and, for a POST, its body.
 */
public record Caller(HttpHeaders headers, UriInfo uri, String method, byte[] body) {

    public static Caller get(final HttpHeaders headers, final UriInfo uri) {
        return new Caller(headers, uri, "GET", null);
    }

    public static Caller post(final HttpHeaders headers, final UriInfo uri, final byte[] body) {
        return new Caller(headers, uri, "POST", body);
    }
}
