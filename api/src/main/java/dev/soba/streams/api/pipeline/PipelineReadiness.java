package dev.soba.streams.api.pipeline;

import io.quarkus.kafka.streams.runtime.KafkaStreamsProducer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the pipeline is RUNNING: during start-up, a rebalance or state restoration the
 * stores cannot answer every key, so a load balancer should not send queries here yet. (Liveness,
 * from the Kafka Streams extension, stays UP while rebalancing.)
 */
@Readiness
@ApplicationScoped
public class PipelineReadiness implements HealthCheck {

    private final KafkaStreamsProducer streams;

    public PipelineReadiness(final KafkaStreamsProducer streams) {
        this.streams = streams;
    }

    @Override
    public HealthCheckResponse call() {
        final KafkaStreams kafkaStreams = streams.getKafkaStreams();
        final KafkaStreams.State state = kafkaStreams == null ? KafkaStreams.State.CREATED : kafkaStreams.state();
        return HealthCheckResponse.named("Soba pipeline")
                .status(state == KafkaStreams.State.RUNNING)
                .withData("state", state.name())
                .build();
    }
}
