package dev.soba.streams.api.pipeline;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes items accepted over HTTP to their input topics. Idempotent with acks=all: an item the
 * API reports as accepted is durably in the topic, exactly once, even if the producer retries.
 */
@ApplicationScoped
public class EventProducer {

    private final Producer<byte[], byte[]> producer;

    public EventProducer(final SobaConfig config) {
        this.producer = new KafkaProducer<>(settings(config.kafka().bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    public static Map<String, Object> settings(final String bootstrapServers) {
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

    public Future<RecordMetadata> send(final String topic, final byte[] value) {
        return producer.send(new ProducerRecord<>(topic, value));
    }

    void close(@Observes final ShutdownEvent stop) {
        producer.close();
    }
}
