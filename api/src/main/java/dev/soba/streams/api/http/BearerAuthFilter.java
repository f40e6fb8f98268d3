package dev.soba.streams.api.http;

import dev.soba.streams.api.keys.ApiKey;
import dev.soba.streams.api.keys.ApiKeys;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /api/**} request needs {@code Authorization: Bearer <key>} with an active key, except
 * the public health routes ({@link Public#PATH}, like the replaced system's health). Health and
 * metrics under {@code /q/} stay open for probes and scrapers.
 */
public class BearerAuthFilter {

    /** Request property holding the authenticated {@link ApiKey}. */
    public static final String API_KEY = "soba.api-key";
    private static final String BEARER = "Bearer ";
    private static final int KEY_STORE_RETRY_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(BearerAuthFilter.class);

    private final ApiKeys keys;

    public BearerAuthFilter(final ApiKeys keys) {
        this.keys = keys;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> authenticate(final ContainerRequestContext request) {
        final String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") && !path.equals("/api") || isPublic(path)) {
            return Uni.createFrom().nullItem();
        }
        final String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return Uni.createFrom().item(unauthorized(path, "missing Authorization header: send 'Authorization: Bearer <api-key>'"));
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || header.length() == BEARER.length()) {
            return Uni.createFrom().item(unauthorized(path, "the Authorization header must be 'Bearer <api-key>'"));
        }
        final String secret = header.substring(BEARER.length()).strip();
        return keys.authenticate(secret).map((Optional<ApiKey> key) -> {
            if (key.isEmpty()) {
                return unauthorized(path, "unknown or revoked API key");
            }
            request.setProperty(API_KEY, key.get());
            return null;
        }).onFailure().recoverWithItem(failure -> keyStoreUnavailable(path, failure));
    }

    /** The key store (PostgreSQL) did not answer: the key can be neither accepted nor refused yet. */
    private static Response keyStoreUnavailable(final String path, final Throwable failure) {
        LOG.warnf("API keys cannot be checked: %s", failure.toString());
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", Integer.toString(KEY_STORE_RETRY_SECONDS))
                .entity(Problem.of(503, "Service Unavailable",
                        "API keys cannot be checked right now (the key store does not answer); try again shortly").at(path, null))
                .build();
    }

    /** The paths under {@link Public#PATH}, which need no key. */
    public static boolean isPublic(final String path) {
        return path.equals(Public.PATH) || path.startsWith(Public.PATH + "/");
    }

    private static Response unauthorized(final String path, final String detail) {
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"soba\"")
                .entity(Problem.of(401, "Unauthorized", detail).at(path, null))
                .build();
    }
}
