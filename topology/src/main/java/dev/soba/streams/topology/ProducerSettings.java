package dev.soba.streams.topology;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How this project's own producers write to the input topics (the API, replay, the simulator, the
 * benchmarks): idempotent with acks=all, so a record reported as written is durably in the topic,
 * exactly once, even when the producer retries.
 */
public final class ProducerSettings {

    private ProducerSettings() {
    }

    public static Map<String, Object> idempotent(final String bootstrapServers) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    }
}
