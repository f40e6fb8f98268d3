package dev.soba.streams.api.pipeline;

import dev.soba.streams.topology.PipelineConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The application's own settings ({@code soba.*} in application.properties). */
@ConfigMapping(prefix = "soba")
public interface SobaConfig {

    Kafka kafka();

    TopicSettings topics();

    Pipeline pipeline();

    /** The host name other instances use to reach this one. */
    String advertisedHost();

    Query query();

    /**
     * Folder of the public data set ({@code -Dsoba.data=../shared/data}) read by the acceptance
     * checks; declared so that the setting is known, the application itself does not read it.
     */
    Optional<String> data();

    interface Kafka {
        String bootstrapServers();
    }

    interface TopicSettings {
        Optional<String> prefix();

        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }

    interface Pipeline {
        @WithDefault("PT24H")
        Duration dedupRetention();

        @WithDefault("128")
        int reorgDepth();

        @WithDefault("100")
        int addressHistoryLimit();
    }

    interface Query {
        @WithDefault("PT2S")
        Duration forwardTimeout();
    }

    default PipelineConfig pipelineConfig() {
        return new PipelineConfig(topics().prefix().orElse(""), pipeline().dedupRetention(),
                pipeline().reorgDepth(), pipeline().addressHistoryLimit());
    }
}
