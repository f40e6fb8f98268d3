package dev.soba.streams.cli;

import dev.soba.streams.models.fraud.FraudModel;
import dev.soba.streams.processors.fraud.FraudTopicKeys;
import dev.soba.streams.topology.ProducerSettings;
import dev.soba.streams.topology.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./soba fraud activate DIR}: checks the model directory here (files, feature version) and writes it,
 * packed, to the compacted {@code fraud_model} topic; every instance reads it (a global store) and swaps its
 * model within seconds, without a restart or a shared filesystem. Instances refuse a package they cannot use
 * and keep their running model.
 */
final class FraudActivation {

    /** Kafka's default message limit is about 1 MB. */
    static final int MAX_PACKAGE_BYTES = 1_000_000;

    private FraudActivation() {
    }

    static int run(final Args args, final PrintStream out) throws Exception {
        if (args.positional().size() != 1) {
            throw new Args.UsageException("fraud activate takes one model directory");
        }
        final Path dir = Path.of(args.positional().get(0));
        final FraudModel model;
        try {
            model = FraudModel.load(dir);
        } catch (final FraudModel.InvalidModelException e) {
            System.err.println("soba fraud activate: refused (" + e.field() + "): " + e.getMessage() + "; nothing published");
            return 1;
        }
        final byte[] packed = model.pack();
        if (packed.length > MAX_PACKAGE_BYTES) {
            System.err.printf("soba fraud activate: the packed model is %,d bytes, over the %,d-byte message limit; train fewer or shallower trees%n",
                    packed.length, MAX_PACKAGE_BYTES);
            return 1;
        }
        final CliConfig config = CliConfig.load();
        final String bootstrap = args.option("bootstrap-servers").orElseGet(() -> config.get("soba.kafka.bootstrap-servers"));
        final Topics topics = new Topics(args.option("topic-prefix").orElse(config.find("soba.topics.prefix").orElse("")));
        try (Producer<String, byte[]> producer = new KafkaProducer<>(ProducerSettings.idempotent(bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.fraudModel(), FraudTopicKeys.MODEL_KEY, packed)).get();
        }
        out.printf("activated %s %s (features %s, %,d bytes packed) on %s%n", model.card().name(), model.card().version(),
                model.card().featureVersion(), packed.length, topics.fraudModel());
        return 0;
    }
}
