package dev.soba.streams.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.HttpMethod;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every resource method declares its endpoint group: the group decides who may call it and how
 * often, so a forgotten one is a build failure rather than a silent default.
 */
class EndpointGroupCoverageTest {

    private static final String RESOURCES = "dev/soba/streams/api/rest";

    @Test
    void everyResourceMethodHasAnEndpointGroup() throws IOException, URISyntaxException, ClassNotFoundException {
        final URL folder = getClass().getClassLoader().getResource(RESOURCES);
        assertThat(folder).as("compiled resources").isNotNull();
        final List<String> missing = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            for (final Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                final String name = RESOURCES.replace('/', '.') + "." + file.getFileName().toString().replace(".class", "");
                final Class<?> resource = Class.forName(name, false, getClass().getClassLoader());
                for (final Method method : resource.getDeclaredMethods()) {
                    if (Arrays.stream(method.getAnnotations()).noneMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class))) {
                        continue;
                    }
                    checked++;
                    if (!method.isAnnotationPresent(EndpointGroup.class) && !resource.isAnnotationPresent(EndpointGroup.class)) {
                        missing.add(resource.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        assertThat(checked).as("resource methods found").isPositive();
        assertThat(missing).as("resource methods without @EndpointGroup").isEmpty();
    }
}
