package dev.soba.streams.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every resource method declares its endpoint group, or belongs to a {@link Public} resource: the
 * group decides who may call it and how often, so a forgotten one is a build failure rather than
 * a silent default. Public resources are exactly those the key check lets through.
 */
class EndpointGroupCoverageTest {

    @Test
    void everyResourceMethodHasAnEndpointGroup() {
        final List<ResourceRoutes.Route> routes = ResourceRoutes.all();
        assertThat(routes).as("resource methods found").isNotEmpty();
        assertThat(routes.stream().filter(route -> !route.hasGroup() && !route.isPublic()).map(ResourceRoutes.Route::signature))
                .as("resource methods without @EndpointGroup").isEmpty();
        assertThat(routes.stream().filter(route -> route.hasGroup() && route.isPublic()).map(ResourceRoutes.Route::signature))
                .as("public resource methods must not also declare a group").isEmpty();
    }

    @Test
    void publicResourcesAreExactlyThePathsTheKeyCheckLetsThrough() {
        for (final ResourceRoutes.Route route : ResourceRoutes.all()) {
            assertThat(BearerAuthFilter.isPublic(route.path())).as(route.signature()).isEqualTo(route.isPublic());
        }
    }
}
