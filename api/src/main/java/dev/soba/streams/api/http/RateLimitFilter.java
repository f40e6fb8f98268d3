package dev.soba.streams.api.http;

import dev.soba.streams.api.keys.ApiKey;
import dev.soba.streams.api.keys.Group;
import dev.soba.streams.api.query.ForwardSignature;
import dev.soba.streams.api.query.QueryResponder;
import dev.soba.streams.api.ratelimit.Decision;
import dev.soba.streams.api.ratelimit.Rate;
import dev.soba.streams.api.ratelimit.RateLimitConfig;
import dev.soba.streams.api.ratelimit.RateLimitGate;
import dev.soba.streams.api.ratelimit.Verdict;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * One token per request from the bucket of the key and the endpoint's group, shared by all
 * instances through Redis. Over the limit: 429 with {@code Retry-After}. Every counted response
 * carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}
 * (seconds until the bucket is full again).
 */
public class RateLimitFilter {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";
    private static final String VERDICT = "soba.rate-limit.verdict";
    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);

    private final RateLimitGate gate;
    private final RateLimitConfig config;
    private final ForwardSignature forwardSignature;
    private final CurrentVertxRequest vertxRequest;

    public RateLimitFilter(final RateLimitGate gate, final RateLimitConfig config, final ForwardSignature forwardSignature,
                           final CurrentVertxRequest vertxRequest) {
        this.gate = gate;
        this.config = config;
        this.forwardSignature = forwardSignature;
        this.vertxRequest = vertxRequest;
    }

    /**
     * Puts the request's {@code RateLimit-*} headers straight on the HTTP response: for a streamed answer
     * (server-sent events), whose headers are written before any response filter could run.
     */
    public static void putHeaders(final RoutingContext routing) {
        if (routing != null && routing.get(VERDICT) instanceof Verdict verdict) {
            routing.response().putHeader(LIMIT, Long.toString(verdict.limit()));
            routing.response().putHeader(REMAINING, Long.toString(verdict.remaining()));
            routing.response().putHeader(RESET, Long.toString(Verdict.seconds(verdict.reset())));
        }
    }

    // after ScopeFilter: a request the key may not make does not spend its tokens
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 100)
    public Uni<Response> limit(final ContainerRequestContext request, final ResourceInfo resource) {
        if (!config.enabled() || !(request.getProperty(BearerAuthFilter.API_KEY) instanceof ApiKey key)) {
            return Uni.createFrom().nullItem();
        }
        if (forwardSignature.verify(request.getHeaderString(ForwardSignature.HEADER), request.getMethod(),
                QueryResponder.pathAndQuery(request.getUriInfo().getRequestUri()),
                request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            // forwarded by another instance of the cluster, which has counted it already
            return Uni.createFrom().nullItem();
        }
        final Group group = EndpointGroups.of(resource, request.getMethod());
        final Rate rate = key.rateLimits().of(group).orElseGet(() -> defaultRate(group));
        final RoutingContext routing = vertxRequest.getCurrent();
        return gate.check(key.id() + ":" + group.label(), group.label(), rate)
                .map(decision -> decide(decision, request, routing, key, group, rate));
    }

    @ServerResponseFilter
    public void headers(final ContainerRequestContext request, final ContainerResponseContext response) {
        if (request.getProperty(VERDICT) instanceof Verdict verdict) {
            response.getHeaders().putSingle(LIMIT, Long.toString(verdict.limit()));
            response.getHeaders().putSingle(REMAINING, Long.toString(verdict.remaining()));
            response.getHeaders().putSingle(RESET, Long.toString(Verdict.seconds(verdict.reset())));
        }
    }

    private Response decide(final Decision decision, final ContainerRequestContext request, final RoutingContext routing,
                            final ApiKey key, final Group group, final Rate rate) {
        if (decision instanceof Decision.Counted counted) {
            final Verdict verdict = counted.verdict();
            request.setProperty(VERDICT, verdict);
            if (routing != null) {
                routing.put(VERDICT, verdict);
            }
            if (verdict.allowed()) {
                return null;
            }
            LOG.debugf("key %d '%s' is over its %s limit of %s", key.id(), key.name(), group.label(), rate);
            // the RateLimit-* headers come from headers(), which also runs for this answer
            return Response.status(429)
                    .type(Problem.MEDIA_TYPE)
                    .header("Retry-After", Long.toString(Math.max(1, Verdict.seconds(verdict.retryAfter()))))
                    .entity(Problem.of(429, "Too Many Requests", "the key '" + key.name() + "' is over its rate limit of "
                            + rate + " for " + group.label() + " endpoints").at(request.getUriInfo().getPath(), null))
                    .build();
        }
        final Decision.Unchecked unchecked = (Decision.Unchecked) decision;
        if (unchecked.pass()) {
            return null;
        }
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", Long.toString(Math.max(1, Verdict.seconds(config.redisPause()))))
                .entity(Problem.of(503, "Service Unavailable", "rate limits cannot be checked right now (Redis is"
                        + " unavailable) and this server refuses unchecked requests").at(request.getUriInfo().getPath(), null))
                .build();
    }

    private Rate defaultRate(final Group group) {
        return switch (group) {
            case READ -> config.read();
            case WRITE -> config.write();
            case VALIDATE -> config.validate();
            case ADMIN -> config.admin();
        };
    }
}
