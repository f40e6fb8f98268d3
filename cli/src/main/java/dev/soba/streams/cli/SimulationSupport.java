package dev.soba.streams.cli;

import dev.soba.streams.simulator.SyntheticChain;
import dev.soba.streams.simulator.SyntheticPools;
import dev.soba.streams.topology.ProducerSettings;
import dev.soba.streams.topology.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the demo, {@code simulate} and {@code bench accuracy} share to feed the market simulator to a broker. */
public final class SimulationSupport {

    /** How long this project's tools retry a record before they stop (a broker restart fits in it). */
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(120);

    private SimulationSupport() {
    }

    /** The application's topics plus the simulator's ground-truth topic. */
    public static List<NewTopic> topicsToCreate(final Topics topics, final int partitions, final short replicationFactor) {
        final List<NewTopic> all = new ArrayList<>(topics.newTopics(partitions, replicationFactor));
        all.add(new NewTopic(topics.groundTruth(), partitions, replicationFactor));
        return all;
    }

    /** The topic of an item's {@code type} (including {@code market_tick}); fails for anything else. */
    public static Function<String, String> topicForType(final Topics topics) {
        return type -> topics.forTypeName(type)
                .orElseThrow(() -> new IllegalArgumentException("no topic for item type " + type));
    }

    /** The simulated pools exist from genesis (no factory logs): imported, so their swaps resolve and make candles. */
    public static void registerPools(final String bootstrap, final SyntheticChain chain, final Topics topics) throws Exception {
        try (Producer<String, byte[]> registry = new KafkaProducer<>(ProducerSettings.idempotent(bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            SyntheticPools.register(chain, registry, topics.pools());
        }
    }

    public static Producer<byte[], byte[]> producer(final String bootstrap) {
        return new KafkaProducer<>(ProducerSettings.idempotent(bootstrap), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * An idempotent producer that keeps retrying a record for {@code deliveryTimeout} (e.g. across a broker
     * restart) before its callback reports it failed; a send waiting for a partition's leader waits as long.
     */
    public static Producer<byte[], byte[]> producer(final String bootstrap, final Duration deliveryTimeout) {
        final Map<String, Object> settings = new HashMap<>(ProducerSettings.idempotent(bootstrap));
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryTimeout.toMillis());
        return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
