package dev.soba.streams.api.http;

import dev.soba.streams.api.keys.ApiKey;
import dev.soba.streams.api.keys.Group;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A key may only call the endpoint groups its scopes open (see {@link Group}): otherwise 403.
 * Runs after matching, so the group is the one the resource method declares.
 */
public class ScopeFilter {

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Response authorize(final ContainerRequestContext request, final ResourceInfo resource) {
        if (!(request.getProperty(BearerAuthFilter.API_KEY) instanceof ApiKey key)) {
            return null;
        }
        final Group group = EndpointGroups.of(resource, request.getMethod());
        if (group.allows(key.scopes())) {
            return null;
        }
        final String detail = "the key '" + key.name() + "' has the scopes " + String.join(",", new TreeSet<>(key.scopes()))
                + "; " + group.label() + " endpoints need one of " + String.join(",", new TreeSet<>(group.scopes()));
        return Response.status(403)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(403, "Forbidden", detail).at(request.getUriInfo().getPath(), null))
                .build();
    }
}
