package dev.soba.streams.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.api.pipeline.EventProducer;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.topology.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./soba replay FILE...}: produces ethereum-etl JSON-lines files to the broker, each line
 * to the topic of its {@code type}, exactly as ethereum-etl's stream would have (bytes unchanged).
 * The pipeline validates them; lines that cannot even be routed (not JSON, no known type) are
 * reported with file and line number.
 */
final class ReplayCommand {

    static final String USAGE = """
            usage: soba replay FILE... [--rate ITEMS_PER_SECOND] [--topic-prefix PREFIX] [--bootstrap-servers HOST:PORT]
            Produces ethereum-etl JSON-lines files (one item per line, routed by its "type") to Kafka.
            --rate 0 (default) sends as fast as the broker takes them.""";
    private static final int REPORTED_SKIPS = 10;

    private ReplayCommand() {
    }

    static int run(final String[] argv, final PrintStream out) throws IOException, InterruptedException {
        final Args args = Args.parse(argv, Set.of("rate", "topic-prefix", "bootstrap-servers"), Set.of());
        if (args.positional().isEmpty()) {
            throw new Args.UsageException("replay needs at least one FILE");
        }
        final List<Path> files = new ArrayList<>();
        for (final String name : args.positional()) {
            final Path file = Path.of(name);
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                throw new Args.UsageException("cannot read file " + name);
            }
            files.add(file);
        }
        final CliConfig config = CliConfig.load();
        final String bootstrap = args.option("bootstrap-servers").orElse(config.get("soba.kafka.bootstrap-servers"));
        final Topics topics = new Topics(args.option("topic-prefix").orElse(config.find("soba.topics.prefix").orElse("")));
        final long rate = args.longOption("rate", 0);
        if (rate < 0) {
            throw new Args.UsageException("--rate must not be negative");
        }
        long total = 0;
        for (final Path file : files) {
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                total += lines.filter(line -> !line.isBlank()).count();
            }
        }
        final Map<String, Long> perTopic = new TreeMap<>();
        final List<String> skipped = new ArrayList<>();
        final AtomicLong failed = new AtomicLong();
        final AtomicReference<Exception> firstFailure = new AtomicReference<>();
        final Progress progress = new Progress(System.err, "replay", total);
        final long nanosPerItem = rate == 0 ? 0 : 1_000_000_000L / rate;
        final long started = System.nanoTime();
        long sent = 0;
        long skips = 0;
        try (Producer<byte[], byte[]> producer = new KafkaProducer<>(
                EventProducer.settings(bootstrap), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (final Path file : files) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    String line;
                    long lineNumber = 0;
                    while ((line = reader.readLine()) != null) {
                        lineNumber++;
                        if (line.isBlank()) {
                            continue;
                        }
                        final Optional<String> topic = route(line, topics);
                        if (topic.isEmpty()) {
                            skips++;
                            if (skipped.size() < REPORTED_SKIPS) {
                                skipped.add(file + ":" + lineNumber);
                            }
                            continue;
                        }
                        producer.send(new ProducerRecord<>(topic.get(), line.getBytes(StandardCharsets.UTF_8)),
                                (metadata, error) -> {
                                    if (error != null) {
                                        failed.incrementAndGet();
                                        firstFailure.compareAndSet(null, error);
                                    }
                                });
                        perTopic.merge(topic.get(), 1L, Long::sum);
                        sent++;
                        progress.update(sent + skips);
                        if (nanosPerItem > 0) {
                            pace(started, sent, nanosPerItem);
                        }
                    }
                }
            }
            producer.flush();
        }
        progress.finish(sent + skips);
        perTopic.forEach((topic, count) -> out.printf("  %-28s %,d%n", topic, count));
        out.printf("replayed %,d items to %s%s%n", sent - failed.get(), bootstrap,
                skips > 0 ? String.format("; %,d lines skipped (not JSON or no known \"type\"): %s%s", skips,
                        String.join(", ", skipped), skips > skipped.size() ? ", …" : "") : "");
        if (failed.get() > 0) {
            System.err.printf("%,d items could not be written: %s%n", failed.get(), firstFailure.get().getMessage());
            return 1;
        }
        return skips > 0 ? 1 : 0;
    }

    private static Optional<String> route(final String line, final Topics topics) {
        try {
            final JsonNode type = Json.mapper().readTree(line).get("type");
            return type == null || !type.isTextual() ? Optional.empty() : topics.forTypeName(type.asText());
        } catch (final IOException notJson) {
            return Optional.empty();
        }
    }

    private static void pace(final long started, final long sent, final long nanosPerItem) throws InterruptedException {
        final long ahead = started + sent * nanosPerItem - System.nanoTime();
        if (ahead > 1_000_000) {
            Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
        }
    }
}
