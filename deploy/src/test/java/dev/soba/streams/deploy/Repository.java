package dev.soba.streams.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** The files these tests check, from the repository root (the parent of this module). */
final class Repository {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    static final Path PROMETHEUS = ROOT.resolve("deploy/prometheus");
    static final Path DASHBOARD = ROOT.resolve("deploy/grafana/soba-dex-streams.json");
    static final Path README = ROOT.resolve("README.md");
    static final Path APPLICATION_PROPERTIES = ROOT.resolve("api/src/main/resources/application.properties");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::|})");

    private Repository() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(final Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            return (Map<String, Object>) new Yaml().load(in);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(final Path file) {
        try {
            return Files.readString(file);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The environment variables the application reads: those its application.properties names in
     * placeholders, and those Quarkus maps onto its properties (soba.log.json ← SOBA_LOG_JSON).
     */
    static Set<String> variablesTheApplicationReads() {
        final Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            properties.load(in);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        final Set<String> variables = new HashSet<>();
        for (final String name : properties.stringPropertyNames()) {
            final Matcher placeholder = PLACEHOLDER.matcher(properties.getProperty(name));
            while (placeholder.find()) {
                variables.add(placeholder.group(1));
            }
            variables.add(name.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return variables;
    }
}
