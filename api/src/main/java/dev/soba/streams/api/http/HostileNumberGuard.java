package dev.soba.streams.api.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Every JSON request body, whatever the resource reads it into, has its numbers checked by
 * {@link JsonNumbers} first: a number that cannot be read or is absurdly large is a 400 naming its
 * field, never a 500 (or minutes of arithmetic) in whatever code meets it later. One place, so
 * endpoints added later are covered without doing anything.
 */
@Provider
public class HostileNumberGuard implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(final ReaderInterceptorContext context) throws IOException {
        final MediaType type = context.getMediaType();
        if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return context.proceed();
        }
        // the body is in memory already (at most quarkus.http.limits.max-body-size)
        final byte[] body = context.getInputStream().readAllBytes();
        JsonNumbers.firstHostile(body).ifPresent(violation -> {
            throw ApiException.badRequest(violation.field(), (violation.field().isEmpty() ? "the body " : violation.field() + " ")
                    + violation.reason());
        });
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
