package dev.soba.streams.api.http;

import dev.soba.streams.api.keys.Group;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/** Finds the {@link EndpointGroup} of the matched resource method, once per method. */
final class EndpointGroups {

    private static final Logger LOG = Logger.getLogger(EndpointGroups.class);
    private static final Map<Method, Group> GROUPS = new ConcurrentHashMap<>();

    private EndpointGroups() {
    }

    static Group of(final ResourceInfo resource, final String httpMethod) {
        final Method method = resource.getResourceMethod();
        return GROUPS.computeIfAbsent(method, ignored -> declared(method, resource.getResourceClass(), httpMethod));
    }

    private static Group declared(final Method method, final Class<?> resourceClass, final String httpMethod) {
        final EndpointGroup onMethod = method.getAnnotation(EndpointGroup.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        final EndpointGroup onClass = resourceClass.getAnnotation(EndpointGroup.class);
        if (onClass != null) {
            return onClass.value();
        }
        // A forgotten annotation must not open an endpoint to every scope nor break it: the least
        // surprising group by HTTP method, and a warning (EndpointGroupCoverageTest catches it first).
        final Group fallback = "GET".equals(httpMethod) || "HEAD".equals(httpMethod) ? Group.READ : Group.WRITE;
        LOG.warnf("%s.%s has no @EndpointGroup; treated as '%s'", resourceClass.getSimpleName(), method.getName(), fallback.label());
        return fallback;
    }
}
