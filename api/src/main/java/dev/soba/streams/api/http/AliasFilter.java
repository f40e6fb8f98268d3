package dev.soba.streams.api.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Serves the {@link Aliases} by rewriting the request path to the canonical one before matching and
 * before authentication, so an alias is the very same resource: its latency is measured under the
 * canonical route template (one series per resource, whatever path called it), a forwarded query
 * goes to the canonical path. What the caller asked for stays visible: problem answers name the
 * alias path in {@code instance}, and {@code soba_api_alias_requests_total{alias}} counts alias use,
 * so the old paths can be retired when nobody calls them any more.
 */
public class AliasFilter {

    /** Request property: the alias path the caller used. */
    public static final String CALLED_PATH = "soba.alias.path";
    static final String METRIC = "soba.api.alias.requests";
    private static final Logger LOG = Logger.getLogger(AliasFilter.class);

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public AliasFilter(final MeterRegistry registry) {
        this.registry = registry;
    }

    // before BearerAuthFilter (pre-matching, default priority): it sees the canonical path
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 500)
    public void rewrite(final ContainerRequestContext request) {
        final URI called = request.getUriInfo().getRequestUri();
        // rewritten on the raw (still encoded) path, so an encoded character stays what it was
        final String rawPath = called.getRawPath();
        Aliases.of(rawPath).ifPresent(alias -> {
            final String canonical = alias.canonical() + rawPath.substring(alias.prefix().length());
            request.setProperty(CALLED_PATH, request.getUriInfo().getPath());
            request.setRequestUri(called.resolve(canonical + (called.getRawQuery() == null ? "" : "?" + called.getRawQuery())));
            LOG.debugf("%s is served as %s", rawPath, canonical);
            counters.computeIfAbsent(alias.prefix(), prefix -> Counter.builder(METRIC)
                            .description("Requests that used an alias path of the replaced system, by alias prefix")
                            .tag("alias", prefix)
                            .register(registry))
                    .increment();
        });
    }

    @ServerResponseFilter
    public void nameTheCalledPath(final ContainerRequestContext request, final ContainerResponseContext response) {
        if (request.getProperty(CALLED_PATH) instanceof String called && response.getEntity() instanceof Problem problem) {
            response.setEntity(problem.at(called, problem.requestId()));
        }
    }
}
