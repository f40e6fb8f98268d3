package dev.soba.streams.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soba.streams.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends a synthetic block to Kafka as its producers would: each ethereum-etl item unkeyed to the topic
 * of its {@code type} (as {@code ethereumetl stream --output kafka} does), in export order; exchange
 * ticks to the topic of {@code market_tick}, keyed {@code exchange|symbol} as exchange feeders key
 * them; the ground truth, when a topic is given for it, keyed by block number.
 */
public final class BlockPublisher {

    /** The type name the ticks' topic is looked up by. */
    public static final String MARKET_TICK_TYPE = "market_tick";

    private final Producer<byte[], byte[]> producer;
    private final Function<String, String> topicForType;
    private final String groundTruthTopic;

    /**
     * @param topicForType     maps an item's {@code type} ({@code block}, {@code transaction}, {@code log},
     *                         {@code token_transfer}, {@code trace}, and {@value #MARKET_TICK_TYPE}) to its topic
     * @param groundTruthTopic where ground truth goes; null to send none
     */
    public BlockPublisher(final Producer<byte[], byte[]> producer, final Function<String, String> topicForType,
                          final String groundTruthTopic) {
        this.producer = producer;
        this.topicForType = topicForType;
        this.groundTruthTopic = groundTruthTopic;
    }

    /** Sends everything of the block; returns how many records were sent. */
    public int publish(final SyntheticBlock block, final Callback callback) {
        return publish(block, callback, () -> false);
    }

    /**
     * Sends the block's records until {@code abandon} says to stop (e.g. once a record failed: each
     * further send could block for the producer's {@code max.block.ms}); returns how many were sent.
     */
    public int publish(final SyntheticBlock block, final Callback callback, final BooleanSupplier abandon) {
        int sent = 0;
        for (final ObjectNode item : block.allItems()) {
            if (abandon.getAsBoolean()) {
                return sent;
            }
            producer.send(new ProducerRecord<>(topicForType.apply(item.get("type").asText()), null, Json.write(item)),
                    callback);
            sent++;
        }
        if (!block.ticks().isEmpty()) {
            final String ticks = topicForType.apply(MARKET_TICK_TYPE);
            for (final ObjectNode tick : block.ticks()) {
                if (abandon.getAsBoolean()) {
                    return sent;
                }
                producer.send(new ProducerRecord<>(ticks, ExchangeTicks.key(tick).getBytes(StandardCharsets.UTF_8),
                        Json.write(tick)), callback);
                sent++;
            }
        }
        if (groundTruthTopic != null) {
            final byte[] key = Long.toString(block.number()).getBytes(StandardCharsets.UTF_8);
            for (final GroundTruth truth : block.groundTruth()) {
                if (abandon.getAsBoolean()) {
                    return sent;
                }
                producer.send(new ProducerRecord<>(groundTruthTopic, key, Json.write(truth)), callback);
                sent++;
            }
        }
        return sent;
    }
}
