package dev.soba.streams.api.pipeline;

import dev.soba.streams.topology.ProducerSettings;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
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
        this.producer = new KafkaProducer<>(ProducerSettings.idempotent(config.kafka().bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer());
    }


    public Future<RecordMetadata> send(final String topic, final byte[] value) {
        return producer.send(new ProducerRecord<>(topic, value));
    }

    void close(@Observes final ShutdownEvent stop) {
        producer.close();
    }
}
