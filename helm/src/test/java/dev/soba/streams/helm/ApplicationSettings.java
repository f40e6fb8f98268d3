package dev.soba.streams.helm;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the application reads, from its own {@code application.properties}: the environment
 * variables named in its placeholders ({@code ${SOBA_STATE_DIR:...}}) and the variables Quarkus
 * maps onto its properties ({@code soba.log.json} ← {@code SOBA_LOG_JSON}). The chart is checked
 * against this file, so a renamed variable fails the chart's tests instead of a deployment.
 */
final class ApplicationSettings {

    static final Path FILE = Path.of("..", "api", "src", "main", "resources", "application.properties");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::|})");

    private final Properties properties;
    private final Map<String, String> variableOfProperty = new HashMap<>();
    private final Set<String> variables = new HashSet<>();

    private ApplicationSettings(final Properties properties) {
        this.properties = properties;
        for (final String name : properties.stringPropertyNames()) {
            final Matcher placeholder = PLACEHOLDER.matcher(properties.getProperty(name));
            if (placeholder.find()) {
                variableOfProperty.put(name, placeholder.group(1));
                variables.add(placeholder.group(1));
                while (placeholder.find()) {
                    variables.add(placeholder.group(1));
                }
            }
            variables.add(name.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
    }

    static ApplicationSettings read() {
        try (Reader in = Files.newBufferedReader(FILE)) {
            final Properties properties = new Properties();
            properties.load(in);
            return new ApplicationSettings(properties);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + FILE.toAbsolutePath(), e);
        }
    }

    /** The environment variable a property takes its value from, e.g. kafka-streams.state.dir → SOBA_STATE_DIR. */
    Optional<String> variableOf(final String property) {
        return Optional.ofNullable(variableOfProperty.get(property));
    }

    boolean reads(final String variable) {
        return variables.contains(variable);
    }

    Optional<String> value(final String property) {
        return Optional.ofNullable(properties.getProperty(property));
    }
}
