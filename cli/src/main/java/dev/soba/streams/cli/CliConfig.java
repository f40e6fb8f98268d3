package dev.soba.streams.cli;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Optional;

/**
 * The command-line tools read the same application.properties, environment variables and system
 * properties as the application, without starting it.
 */
public final class CliConfig {

    private final SmallRyeConfig config;

    private CliConfig(final SmallRyeConfig config) {
        this.config = config;
    }

    public static CliConfig load() {
        final URL properties = Thread.currentThread().getContextClassLoader().getResource("application.properties");
        final SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultSources().withProfile("prod");
        if (properties != null) {
            try {
                builder.withSources(new PropertiesConfigSource(properties, 250));
            } catch (final IOException e) {
                throw new UncheckedIOException("could not read application.properties", e);
            }
        }
        return new CliConfig(builder.build());
    }

    public String get(final String name) {
        return config.getValue(name, String.class);
    }

    public Optional<String> find(final String name) {
        return config.getOptionalValue(name, String.class);
    }
}
