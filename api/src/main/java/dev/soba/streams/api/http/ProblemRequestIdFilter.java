package dev.soba.streams.api.http;

import dev.soba.streams.api.tracing.RequestId;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every problem+json answer names the request it belongs to ({@code request_id}), whoever built
 * it: the exception mappers, the auth, scope and rate-limit filters, or code added later.
 */
public class ProblemRequestIdFilter {

    @ServerResponseFilter
    public void addRequestId(final ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && problem.requestId() == null) {
            RequestId.current().ifPresent(id -> response.setEntity(problem.at(problem.instance(), id)));
        }
    }
}
