package dev.soba.streams.api.http;

import dev.soba.streams.api.rest.ChainResource;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every JAX-RS resource method the application has, found in its compiled classes (all packages,
 * not only {@code rest/}), with its HTTP method and full path template: what the coverage and
 * catalogue tests hold the code to.
 */
final class ResourceRoutes {

    /** One route: {@code GET /api/v1/blocks/{number}} and the Java method that serves it. */
    record Route(String httpMethod, String path, Class<?> resource, Method method) {

        String signature() {
            return httpMethod + " " + path;
        }

        boolean isPublic() {
            return resource.isAnnotationPresent(Public.class);
        }

        boolean hasGroup() {
            return method.isAnnotationPresent(EndpointGroup.class) || resource.isAnnotationPresent(EndpointGroup.class);
        }
    }

    private static final String ROOT_PACKAGE = "dev/soba/streams/api";

    private ResourceRoutes() {
    }

    static List<Route> all() {
        final java.nio.file.Path classes;
        try {
            classes = java.nio.file.Path.of(ChainResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (final URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        final List<Route> routes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(classes.resolve(ROOT_PACKAGE))) {
            for (final java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                final String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.')
                        .replaceAll("\\.class$", "");
                final Class<?> type = Class.forName(name, false, ResourceRoutes.class.getClassLoader());
                final Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (final Method method : type.getDeclaredMethods()) {
                    for (final Annotation annotation : method.getAnnotations()) {
                        final HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                        if (http != null) {
                            final Path sub = method.getAnnotation(Path.class);
                            routes.add(new Route(http.value(), join(root.value(), sub == null ? "" : sub.value()), type, method));
                        }
                    }
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        routes.sort(Comparator.comparing(Route::path).thenComparing(Route::httpMethod));
        return routes;
    }

    private static String join(final String root, final String sub) {
        final String joined = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
