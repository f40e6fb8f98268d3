package dev.soba.streams.ingest;

import dev.soba.streams.ingest.etl.EtlItem;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.topology.ProducerSettings;
import dev.soba.streams.topology.Topics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes a batch of blocks' items and the resume state naming them in one Kafka transaction, with an
 * idempotent producer: a reader with {@code read_committed} (Kafka Streams under exactly-once) sees a
 * block's items exactly once, or not at all if the ingester died before the commit — in which case the
 * state was not written either and the restarted ingester exports the same blocks again. The
 * transactional id is the state key's, so a restarted ingester fences a zombie one.
 *
 * <p>Items go without key to the topic of their type, as ethereum-etl writes them.
 */
public final class ItemWriter implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final Topics topics;
    private final String stateTopic;
    private final byte[] stateKey;

    public ItemWriter(final String bootstrapServers, final Topics topics, final String stateTopic, final String stateKey) {
        this.producer = new KafkaProducer<>(settings(bootstrapServers, "soba-ingest-" + topics.prefix() + stateKey),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.topics = topics;
        this.stateTopic = stateTopic;
        this.stateKey = stateKey.getBytes(StandardCharsets.UTF_8);
        // aborts whatever a previous ingester with this key left open, and fences it
        producer.initTransactions();
    }

    /** The project's idempotent producer settings, transactional, with patience for a busy broker. */
    static Map<String, Object> settings(final String bootstrapServers, final String transactionalId) {
        final Map<String, Object> settings = new HashMap<>(ProducerSettings.idempotent(bootstrapServers));
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        return settings;
    }

    /** Sends the items and the state, and commits; nothing is visible to committed readers before. */
    public void write(final List<EtlItem> items, final IngestState state) {
        try {
            producer.beginTransaction();
            for (final EtlItem item : items) {
                producer.send(new ProducerRecord<>(topics.input(item.type()), null, item.json()));
            }
            producer.send(new ProducerRecord<>(stateTopic, stateKey, Json.write(state)));
            producer.commitTransaction();
        } catch (final ProducerFencedException | OutOfOrderSequenceException | AuthorizationException fatal) {
            // another ingester runs with this key, or the producer cannot go on: stop, never write twice
            throw new IllegalStateException("cannot write (another ingester with this state key?): " + fatal.getMessage(),
                    fatal);
        } catch (final KafkaException e) {
            producer.abortTransaction();
            throw e;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
