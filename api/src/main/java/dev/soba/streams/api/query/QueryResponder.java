package dev.soba.streams.api.query;

import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.pipeline.SobaConfig;
import dev.soba.streams.api.tracing.RequestId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.apache.kafka.streams.state.HostInfo;
import org.jboss.logging.Logger;

/**
 * Turns an interactive query into the HTTP answer, so that a client never sees the sharding.
 *
 * <ul>
 *   <li>A key owned by another instance is fetched from it server-side (same method, body,
 *       credentials and request id), with a timeout, behind one {@link CircuitBreaker} per peer:
 *       a peer that keeps failing is not asked again for a while, and callers get 503 at once.</li>
 *   <li>While the owner is not known or its store is restoring (rebalance, start-up, a peer that
 *       just died), the query is asked again with a short back-off for up to the retry budget;
 *       what still cannot be answered then is 503 with {@code Retry-After}, never a wrong or empty
 *       answer.</li>
 *   <li>A forwarded request is never forwarded again: the instances disagree on ownership only
 *       while it moves, which is retried like a rebalance.</li>
 * </ul>
 */
@ApplicationScoped
public class QueryResponder {

    static final String FORWARDED = "X-Soba-Forwarded-By";
    /** Set on a request one instance sends another (forwarded, or a part of a batch): it is never sent on. */
    public static final String FORWARDED_HEADER = FORWARDED;
    /** Which instance read the answer from its store (host:port), for operators and the query benchmark. */
    public static final String ANSWERED_BY = "X-Soba-Answered-By";
    private static final Logger LOG = Logger.getLogger(QueryResponder.class);
    private static final int RETRY_AFTER_SECONDS = 1;
    private static final long FIRST_BACKOFF_MS = 50;
    private static final long MAX_BACKOFF_MS = 500;

    private final HttpClient http;
    private final String scheme;
    private final Duration timeout;
    private final Duration retryBudget;
    private final int breakerFailures;
    private final Duration breakerOpenFor;
    private final Map<HostInfo, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final String self;
    private final ForwardSignature signature;

    public QueryResponder(final SobaConfig config, final MeterRegistry registry, final InteractiveQueries queries,
                          final ForwardSignature signature, final TlsConfigurationRegistry tls) {
        final SobaConfig.Query query = config.query();
        this.timeout = query.forwardTimeout();
        this.retryBudget = query.retryBudget();
        this.breakerFailures = query.circuitBreakerFailures();
        this.breakerOpenFor = query.circuitBreakerOpenFor();
        this.registry = registry;
        this.signature = signature;
        this.self = address(queries.self());
        this.scheme = query.forwardScheme().scheme();
        final HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1);
        if (query.forwardScheme() == SobaConfig.ForwardScheme.HTTPS) {
            client.sslContext(peerTrust(tls));
        }
        this.http = client.build();
        // every outcome from the start, so rates and alerts see a zero rather than no series
        for (final String outcome : new String[] {"answered", "unavailable", "failed", "circuit_open"}) {
            counter(outcome);
        }
    }

    /** Peers' certificates are checked against the default TLS configuration (its trust store), host names too. */
    private static SSLContext peerTrust(final TlsConfigurationRegistry tls) {
        final TlsConfiguration configuration = tls.getDefault().orElseThrow(() -> new IllegalStateException(
                "soba.query.forward-scheme=https needs a default TLS configuration (quarkus.tls.trust-store.*)"));
        try {
            return configuration.createSSLContext();
        } catch (final Exception e) {
            throw new IllegalStateException("cannot build the TLS context for forwarded queries: " + e.getMessage(), e);
        }
    }

    /**
     * Answers {@code query}: 200 with {@code view} of what was found (here or on the owner), 404
     * with {@code notFound}, or 503 with {@code Retry-After}.
     */
    public <T> Response answer(final Supplier<QueryResult<T>> query, final Function<T, Object> view,
                               final String notFound, final Caller caller) {
        final long deadline = System.nanoTime() + retryBudget.toNanos();
        long backoff = FIRST_BACKOFF_MS;
        while (true) {
            final QueryResult<T> result = query.get();
            final String retryReason;
            if (result instanceof QueryResult.Found<T> found) {
                return Response.ok(view.apply(found.value()), MediaType.APPLICATION_JSON_TYPE)
                        .header(ANSWERED_BY, self).build();
            } else if (result instanceof QueryResult.NotFound<T>) {
                throw ApiException.notFound(notFound);
            } else if (result instanceof QueryResult.Remote<T> remote) {
                if (caller.headers().getHeaderString(FORWARDED) != null) {
                    retryReason = "ownership of this key is moving between instances";
                } else {
                    final Forwarded forwarded = forward(remote.owner(), caller);
                    if (forwarded.response() != null) {
                        return forwarded.response();
                    }
                    retryReason = forwarded.failure();
                }
            } else {
                retryReason = ((QueryResult.Unavailable<T>) result).reason();
            }
            if (System.nanoTime() + backoff * 1_000_000L > deadline) {
                throw ApiException.unavailable(retryReason, RETRY_AFTER_SECONDS);
            }
            sleep(backoff);
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        }
    }

    /** The peer's answer, or why there is none yet (worth asking again: the owner may change). */
    private record Forwarded(Response response, String failure) {
    }

    private Forwarded forward(final HostInfo owner, final Caller caller) {
        return send(owner, caller.method(), pathAndQuery(caller.uri().getRequestUri()), caller.body(), caller);
    }

    /**
     * Asks {@code owner} for a part of the caller's answer (a batch of keys it owns): POSTs
     * {@code body} to {@code path} with the caller's credentials and request id, marked as
     * forwarded, through the same timeout and circuit breaker as a forwarded query. Empty when the
     * owner did not answer or is rebalancing (worth asking again), otherwise its status and body.
     */
    public Optional<PeerAnswer> ask(final HostInfo owner, final String path, final byte[] body, final Caller caller) {
        final Forwarded forwarded = send(owner, "POST", path, body, caller);
        if (forwarded.response() == null) {
            return Optional.empty();
        }
        return Optional.of(new PeerAnswer(forwarded.response().getStatus(), (byte[]) forwarded.response().getEntity()));
    }

    /** What a peer answered to {@link #ask}. */
    public record PeerAnswer(int status, byte[] body) {
    }

    private Forwarded send(final HostInfo owner, final String method, final String pathAndQuery, final byte[] body,
                           final Caller caller) {
        final CircuitBreaker breaker = breakers.computeIfAbsent(owner,
                peer -> new CircuitBreaker(breakerFailures, breakerOpenFor, System::nanoTime));
        if (!breaker.tryAcquire()) {
            count("circuit_open");
            throw ApiException.unavailable("the instance owning this key (" + address(owner)
                    + ") is failing; not asked again for a while", breaker.secondsUntilTrial());
        }
        final URI target = URI.create(scheme + "://" + address(owner) + pathAndQuery);
        final HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header(FORWARDED, "soba");
        if (body != null) {
            request.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        final String authorization = caller.headers().getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        // counted here already: the owner need not charge the rate limit again
        signature.sign(method, pathAndQuery, authorization)
                .ifPresent(value -> request.header(ForwardSignature.HEADER, value));
        // one request id on both instances' logs (already validated by the request-id filter)
        final String requestId = caller.headers().getHeaderString(RequestId.HEADER);
        if (requestId != null) {
            request.header(RequestId.HEADER, requestId);
        }
        final HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (final IOException e) {
            breaker.onFailure();
            count("failed");
            LOG.debugf("forwarding to %s failed: %s", address(owner), e.toString());
            return new Forwarded(null, "the instance owning this key (" + address(owner) + ") did not answer: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted while asking the owning instance", RETRY_AFTER_SECONDS);
        }
        breaker.onSuccess();
        if (response.statusCode() == 503) {
            // alive, but rebalancing or restoring itself: ask again (the owner may change)
            count("unavailable");
            return new Forwarded(null, "the instance owning this key (" + address(owner) + ") is rebalancing");
        }
        count("answered");
        final Response.ResponseBuilder answer = Response.status(response.statusCode())
                .type(response.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse(MediaType.APPLICATION_JSON))
                .entity(response.body());
        for (final String header : new String[] {"Retry-After", ANSWERED_BY}) {
            response.headers().firstValue(header).ifPresent(value -> answer.header(header, value));
        }
        return new Forwarded(answer.build(), null);
    }

    /** The circuit of each peer asked so far, for the instances endpoint. */
    public Map<HostInfo, CircuitBreaker.State> circuits() {
        final Map<HostInfo, CircuitBreaker.State> states = new ConcurrentHashMap<>();
        breakers.forEach((peer, breaker) -> states.put(peer, breaker.state()));
        return states;
    }

    private void count(final String outcome) {
        counter(outcome).increment();
    }

    private Counter counter(final String outcome) {
        return Counter.builder("soba.query.forwards").description("interactive queries forwarded to the owning instance")
                .tag("outcome", outcome).register(registry);
    }

    /** The raw path and query of a request URI, as forwarded and as signed. */
    public static String pathAndQuery(final URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String address(final HostInfo host) {
        return host.host() + ":" + host.port();
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted while waiting for a rebalance", RETRY_AFTER_SECONDS);
        }
    }
}
