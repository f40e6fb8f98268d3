package dev.soba.streams.api.pipeline;

import dev.soba.streams.api.embedded.TopicCreator;
import dev.soba.streams.topology.SobaTopology;
import dev.soba.streams.topology.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.Topology;

/** Hands the pipeline's topology to Quarkus, which runs it; its topics are created first when missing. */
@ApplicationScoped
public class TopologyProducer {

    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);

    private final SobaConfig config;

    public TopologyProducer(final SobaConfig config) {
        this.config = config;
    }

    @Produces
    public Topology buildTopology() {
        TopicCreator.createMissing(config.kafka().bootstrapServers(), topicsToCreate(config), TOPIC_TIMEOUT);
        return SobaTopology.build(config.pipelineConfig());
    }

    /**
     * The input and output topics with the configured partitions and replication (existing ones
     * are left alone); the registries are compacted, as they hold the latest value per key.
     */
    public static List<NewTopic> topicsToCreate(final SobaConfig config) {
        return topicsToCreate(config.pipelineConfig().topics(), config.topics().partitions(), config.topics().replicationFactor());
    }

    public static List<NewTopic> topicsToCreate(final Topics topics, final int partitions, final short replicationFactor) {
        return topics.all().stream()
                .map(name -> {
                    final NewTopic topic = new NewTopic(name, partitions, replicationFactor);
                    return topics.compacted().contains(name)
                            ? topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                            : topic;
                })
                .toList();
    }
}
