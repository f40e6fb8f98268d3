package dev.soba.streams.api.pipeline;

import dev.soba.streams.processors.fraud.FraudModels;
import dev.soba.streams.topology.SobaTopology;
import dev.soba.streams.topology.TopicCreator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.Topology;

/** Hands the pipeline's topology to Quarkus, which runs it; its topics are created first when missing. */
@ApplicationScoped
public class TopologyProducer {

    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);

    private final SobaConfig config;
    private final FraudModels fraudModels;

    public TopologyProducer(final SobaConfig config, final FraudModels fraudModels) {
        this.config = config;
        this.fraudModels = fraudModels;
    }

    @Produces
    public Topology buildTopology() {
        TopicCreator.createMissing(config.kafka().bootstrapServers(), topicsToCreate(config), TOPIC_TIMEOUT);
        return SobaTopology.build(config.pipelineConfig(), SobaTopology.Scope.FULL, fraudModels);
    }

    /** The input and output topics with the configured partitions and replication. */
    public static List<NewTopic> topicsToCreate(final SobaConfig config) {
        return config.pipelineConfig().topics().newTopics(config.topics().partitions(), config.topics().replicationFactor());
    }
}
