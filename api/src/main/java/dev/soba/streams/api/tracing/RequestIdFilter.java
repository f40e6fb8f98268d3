package dev.soba.streams.api.tracing;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request its id before anything else runs, on every route ({@code /api},
 * {@code /q/*}, errors): echoed in the response, put back into the request headers (so code that
 * forwards a request passes the same id on), and put in the logging MDC. Quarkus keeps the MDC
 * in the request's Vert.x context, so the id follows the request onto worker threads and stays
 * out of other requests' log lines.
 */
@ApplicationScoped
public class RequestIdFilter {

    // before Quarkus' own filters, so that even their answers carry the id
    private static final int PRIORITY = 10_000;

    void register(@Observes final Filters filters) {
        filters.register(context -> {
            final String id = RequestId.accept(context.request().getHeader(RequestId.HEADER));
            context.request().headers().set(RequestId.HEADER, id);
            context.response().putHeader(RequestId.HEADER, id);
            MDC.put(RequestId.MDC_KEY, id);
            context.next();
        }, PRIORITY);
    }
}
