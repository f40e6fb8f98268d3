package dev.soba.streams.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soba.streams.cli.Args;
import dev.soba.streams.cli.Progress;
import dev.soba.streams.embedded.BrokerLogLevels;
import dev.soba.streams.embedded.EmbeddedKafka;
import dev.soba.streams.embedded.EmbeddedServers;
import dev.soba.streams.processors.ingest.PipelineCounters;
import dev.soba.streams.processors.mev.MevStreamConfig;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.simulator.SyntheticBlock;
import dev.soba.streams.simulator.SyntheticChain;
import dev.soba.streams.simulator.SyntheticPools;
import dev.soba.streams.topology.LogAndContinueProcessingHandler;
import dev.soba.streams.topology.MarketConfig;
import dev.soba.streams.topology.PipelineConfig;
import dev.soba.streams.topology.ProducerSettings;
import dev.soba.streams.topology.SobaTopology;
import dev.soba.streams.topology.TopicCreator;
import dev.soba.streams.topology.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * {@code ./soba bench market}: how fast the pipeline decodes swaps and aggregates exchange ticks,
 * next to how fast a plain consumer reads the same records from the same broker in the same run
 * (the machine is shared and noisy; only the ratio travels). An in-process KRaft broker in a
 * temporary directory; the full topology with exactly-once, as in production.
 */
public final class BenchCommand {

    public static final String USAGE = """
            usage: soba bench market [--logs N] [--ticks N] [--seed S]
            Preloads N synthetic ethereum-etl logs (Uniswap-V2 swaps with their Sync and Transfer logs) and
            N exchange ticks into an embedded broker, then reports, for each: the raw read rate of a plain
            consumer, the rate at which the full topology (exactly-once) processes them, and the ratio.""";
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private BenchCommand() {
    }

    public static int run(final String[] argv, final PrintStream out) throws Exception {
        final String which = argv.length == 0 ? "" : argv[0];
        if (which.equals("queries")) {
            return QueryBench.run(Args.parse(argv, Set.of("blocks", "concurrency", "duration", "warmup", "seed"), Set.of()), out);
        }
        if (which.equals("pipeline")) {
            return PipelineBench.run(Arrays.copyOfRange(argv, 1, argv.length), out);
        }
        if (which.equals("accuracy")) {
            return AccuracyBench.run(Arrays.copyOfRange(argv, 1, argv.length), out);
        }
        if (which.equals("nlp")) {
            return NlpBench.run(Arrays.copyOfRange(argv, 1, argv.length), out);
        }
        if (which.equals("ingest")) {
            return IngestBench.run(Arrays.copyOfRange(argv, 1, argv.length), out);
        }
        final Args args = Args.parse(argv, Set.of("logs", "ticks", "seed"), Set.of());
        if (args.positional().size() != 1 || !"market".equals(args.positional().get(0))) {
            throw new Args.UsageException("bench takes: market, pipeline, queries, accuracy, ingest or nlp");
        }
        final long logCount = args.longOption("logs", 100_000);
        final long tickCount = args.longOption("ticks", 100_000);
        final long seed = args.longOption("seed", 7);
        if (logCount < 1 || tickCount < 1) {
            throw new Args.UsageException("--logs and --ticks must be positive");
        }
        BrokerLogLevels.quietUnlessConfigured();
        final Path dir = Files.createTempDirectory("soba-bench-");
        final EmbeddedServers.Ports ports = EmbeddedServers.Ports.random();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), ports.kafka(), ports.kafkaController())) {
            final String bootstrap = kafka.bootstrapServers();
            final Topics swapTopics = new Topics("swapbench_");
            final Topics tickTopics = new Topics("tickbench_");
            for (final Topics topics : List.of(swapTopics, tickTopics)) {
                TopicCreator.createMissing(bootstrap, topics.newTopics(3, (short) 1), Duration.ofSeconds(60));
            }
            System.err.printf("bench: preloading %,d logs and %,d ticks into %s%n", logCount, tickCount, bootstrap);
            final long swapLogs = preloadLogs(bootstrap, swapTopics, logCount, seed);
            preloadTicks(bootstrap, tickTopics, tickCount, seed);

            final Result swaps = measure(bootstrap, dir, swapTopics, swapTopics.input(ItemType.LOG),
                    logCount, PipelineCounters.SWAPS_DECODED, swapLogs);
            final Result ticks = measure(bootstrap, dir, tickTopics, tickTopics.input(ItemType.MARKET_TICK),
                    tickCount, PipelineCounters.TRADES_AGGREGATED, tickCount);

            out.printf("Soba DEX Streams market benchmark — %s, JDK %s, %d cores, embedded KRaft broker in the same JVM%n",
                    Instant.now().toString().substring(0, 10), Runtime.version(), Runtime.getRuntime().availableProcessors());
            out.printf("%-22s %12s %16s %18s %18s %7s%n", "workload", "records", "raw read /s", "pipeline records/s",
                    "output /s", "ratio");
            out.printf("%-22s %,12d %,16.0f %,18.0f %,18.0f %7.2f%n", "logs -> swaps decoded", logCount, swaps.rawRate(),
                    swaps.pipelineRate(), swaps.outputRate(), swaps.pipelineRate() / swaps.rawRate());
            out.printf("%-22s %,12d %,16.0f %,18.0f %,18.0f %7.2f%n", "ticks -> candles", tickCount, ticks.rawRate(),
                    ticks.pipelineRate(), ticks.outputRate(), ticks.pipelineRate() / ticks.rawRate());
            out.printf("(%,d of the logs are Swap logs; output /s counts swaps decoded and ticks aggregated; pipeline time"
                    + " runs from RUNNING to the last record counted, exactly-once, 4 candle intervals)%n", swapLogs);
            return 0;
        } finally {
            deleteQuietly(dir);
        }
    }

    private record Result(double rawRate, double pipelineRate, double outputRate) {
    }

    /** Swaps, Syncs and Transfers of a synthetic chain, with its pools in the registry. */
    private static long preloadLogs(final String bootstrap, final Topics topics, final long count, final long seed)
            throws Exception {
        final SyntheticChain chain = new SyntheticChain(seed, 19_000_000L, Instant.parse("2024-01-01T00:00:00Z").getEpochSecond());
        long sent = 0;
        long swaps = 0;
        try (Producer<byte[], byte[]> producer = new KafkaProducer<>(ProducerSettings.idempotent(bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer());
             Producer<String, byte[]> registry = new KafkaProducer<>(ProducerSettings.idempotent(bootstrap),
                     new StringSerializer(), new ByteArraySerializer())) {
            SyntheticPools.register(chain, registry, topics.pools());
            while (sent < count) {
                final SyntheticBlock block = chain.nextBlock();
                for (final ObjectNode log : block.logs()) {
                    if (sent == count) {
                        break;
                    }
                    if (log.get("topics").get(0).asText().startsWith("0xd78ad95f")) {
                        swaps++;
                    }
                    producer.send(new ProducerRecord<>(topics.input(ItemType.LOG), Json.write(log)));
                    sent++;
                }
            }
            producer.flush();
        }
        return swaps;
    }

    /** ETH-USDT trades on three exchanges, a random walk, 20 per second of event time. */
    private static void preloadTicks(final String bootstrap, final Topics topics, final long count, final long seed) {
        final Random random = new Random(seed);
        final String[] exchanges = {"binance", "bybit", "okx"};
        final long start = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
        BigDecimal price = new BigDecimal("2300.00");
        try (Producer<String, byte[]> producer = new KafkaProducer<>(ProducerSettings.idempotent(bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < count; i++) {
                price = price.add(BigDecimal.valueOf(random.nextGaussian() * 0.5).setScale(2, RoundingMode.HALF_EVEN))
                        .max(new BigDecimal("1.00"));
                final String exchange = exchanges[(int) (i % exchanges.length)];
                final String tick = "{\"exchange\":\"" + exchange + "\",\"symbol\":\"ETH-USDT\",\"price\":\"" + price.toPlainString()
                        + "\",\"quantity\":\"" + BigDecimal.valueOf(random.nextInt(5000) + 1, 3).toPlainString()
                        + "\",\"side\":\"" + (random.nextBoolean() ? "buy" : "sell") + "\",\"trade_id\":\"" + i
                        + "\",\"timestamp\":" + (start + i * 50) + "}";
                producer.send(new ProducerRecord<>(topics.input(ItemType.MARKET_TICK),
                        exchange + "|ETH-USDT", tick.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private static Result measure(final String bootstrap, final Path dir, final Topics topics, final String input,
                                  final long records, final String counter, final long expectedOutputs) throws Exception {
        final double raw = rawReadRate(bootstrap, List.of(input), records, 1);
        final Properties props = streamsSettings("bench-" + UUID.randomUUID(), bootstrap,
                dir.resolve("state-" + UUID.randomUUID()));
        final PipelineConfig config = new PipelineConfig(topics.prefix(), PipelineConfig.DEFAULT_DEDUP_RETENTION,
                PipelineConfig.DEFAULT_REORG_DEPTH, PipelineConfig.DEFAULT_ADDRESS_HISTORY_LIMIT,
                MarketConfig.defaults(), MevStreamConfig.defaults());
        try (KafkaStreams streams = new KafkaStreams(SobaTopology.build(config), props)) {
            final long[] runningAt = {0};
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING && runningAt[0] == 0) {
                    runningAt[0] = System.nanoTime();
                }
            });
            streams.start();
            final Progress progress = new Progress(System.err, "bench " + counter, expectedOutputs);
            final long deadline = System.nanoTime() + PATIENCE.toNanos();
            long done = 0;
            while (done < expectedOutputs && System.nanoTime() < deadline) {
                Thread.sleep(100);
                done = (long) total(streams, counter);
                progress.update(done);
            }
            final long finished = System.nanoTime();
            progress.finish(done);
            if (done < expectedOutputs) {
                throw new IllegalStateException("the pipeline did not finish within " + PATIENCE + ": " + done + " of "
                        + expectedOutputs + " " + counter);
            }
            final double seconds = (finished - runningAt[0]) / 1e9;
            return new Result(raw, records / seconds, expectedOutputs / seconds);
        }
    }

    /** The sum over every task of a pipeline counter ({@code name-total}). */
    static double total(final KafkaStreams streams, final String counter) {
        return streams.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(counter + "-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    /**
     * A plain consumer reading every partition of {@code topicNames} from the beginning to the end: the
     * broker's own pace here. The best of {@code rounds} reads, as one read of a second or less is at the
     * mercy of whatever else runs.
     */
    static double rawReadRate(final String bootstrap, final List<String> topicNames, final long records, final int rounds) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // after seekToBeginning, a fetch parked on the broker for the default 500 ms would make
                // every round after the first wait it out: the "best of" would always be the first, cold read
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = new ArrayList<>();
            for (final String topic : topicNames) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            double best = 0;
            for (int round = 0; round < rounds; round++) {
                consumer.seekToBeginning(partitions);
                final long started = System.nanoTime();
                long read = 0;
                while (read < records) {
                    read += consumer.poll(Duration.ofMillis(200)).count();
                }
                best = Math.max(best, read / ((System.nanoTime() - started) / 1e9));
            }
            return best;
        }
    }

    /**
     * The Kafka Streams settings of a benchmark's own application: exactly-once, a 10 MiB record
     * cache, poison records logged and skipped, inputs read from the beginning.
     */
    static Properties streamsSettings(final String applicationId, final String bootstrap, final Path stateDir) {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 10 * 1024 * 1024L);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingHandler.class);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return props;
    }

    static void deleteQuietly(final Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (final IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
