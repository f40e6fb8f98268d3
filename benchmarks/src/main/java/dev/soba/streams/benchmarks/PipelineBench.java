package dev.soba.streams.benchmarks;

import dev.soba.streams.cli.Args;
import dev.soba.streams.cli.Progress;
import dev.soba.streams.embedded.BrokerLogLevels;
import dev.soba.streams.embedded.EmbeddedKafka;
import dev.soba.streams.embedded.EmbeddedServers;
import dev.soba.streams.processors.ingest.PipelineCounters;
import dev.soba.streams.processors.mev.MevStreamConfig;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.topology.MarketConfig;
import dev.soba.streams.topology.PipelineConfig;
import dev.soba.streams.topology.ProducerSettings;
import dev.soba.streams.topology.SobaTopology;
import dev.soba.streams.topology.TopicCreator;
import dev.soba.streams.topology.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * {@code ./soba bench pipeline}: the whole pipeline against the broker's own pace, in one run on one
 * in-process KRaft broker. (a) a plain consumer reads the preloaded input topics; (b) the full topology
 * (every processor, exactly-once, the application's own Kafka Streams settings) processes the same items
 * until its committed offsets reach the end offsets of every topic it reads; (c) a fresh instance of the
 * topology is offered half of (b)'s rate by a paced producer and the latency from send to the decoded swap
 * on the {@code swaps} topic (read committed, as a consumer of an exactly-once pipeline sees it) is recorded.
 */
public final class PipelineBench {

    public static final String USAGE = """
            usage: soba bench pipeline [--events N] [--latency-seconds S] [--seed S] [--no-warmup]
            Preloads N items of the market simulator (blocks, transactions, Uniswap-V2 logs, token transfers,
            traces, MEV bots' bundles, exchange ticks; default 300000) into an embedded broker and reports, on a
            JVM warmed by one discarded pass of the full topology: (a) the raw read rate of a plain consumer,
            (p) a bare exactly-once Kafka Streams pass-through (bytes in, bytes out, the application's own
            Streams settings, one thread) — the framework's own ceiling on this broker — (b1) the rate at which
            validation + swap decoding + candles and (b) the full topology (indexes and MEV too) process them to
            the end offsets, exactly-once, with the ratios to (p) and (a), and (c) end-to-end latency percentiles
            (send -> swap on the swaps topic) at a mainnet-like 300 items/s and at half of (b)'s rate, S seconds
            each (default 20). Ends with one line for scripts:
            summary: raw=N passthrough=N market=N full=N p99_ms_mainnet=N p99_ms_half=N
            -Dkafka-streams.NAME=VALUE overrides a Kafka Streams setting, as for the application.""";
    /** About the rate of Ethereum mainnet's items: a block of ~150 transactions with their logs, transfers and traces every 12 s. */
    static final double MAINNET_ITEMS_PER_SECOND = 300;
    private static final Duration PATIENCE = Duration.ofMinutes(15);
    private static final Duration LATENCY_WARMUP = Duration.ofSeconds(3);
    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final int RAW_READ_ROUNDS = 3;
    private static final int PARTITIONS = 3;
    // java.util.logging keeps loggers weakly: without this reference a level could be forgotten.
    private static final List<Logger> QUIETED = new ArrayList<>();

    private PipelineBench() {
    }

    public static int run(final String[] argv, final PrintStream out) throws Exception {
        final Args args = Args.parse(argv, Set.of("events", "latency-seconds", "seed"), Set.of("no-warmup"));
        if (!args.positional().isEmpty()) {
            throw new Args.UsageException("bench pipeline takes no positional arguments");
        }
        final long events = args.longOption("events", 300_000);
        final long latencySeconds = args.longOption("latency-seconds", 20);
        final long seed = args.longOption("seed", 7);
        final boolean warmup = !args.flag("no-warmup");
        if (events < 1 || latencySeconds < 1) {
            throw new Args.UsageException("--events and --latency-seconds must be positive");
        }
        quietLogs();
        final Path dir = Files.createTempDirectory("soba-bench-pipeline-");
        final EmbeddedServers.Ports ports = EmbeddedServers.Ports.random();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), ports.kafka(), ports.kafkaController());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            final String bootstrap = kafka.bootstrapServers();
            final Topics topics = new Topics("pipe_");
            TopicCreator.createMissing(bootstrap, topics.newTopics(PARTITIONS, (short) 1),
                    Duration.ofSeconds(60));
            System.err.printf("bench: preloading %,d items into %s%n", events, bootstrap);
            final long preloadStart = System.nanoTime();
            final Map<ItemType, Long> mix = preload(bootstrap, topics, events, seed);
            System.err.printf("bench: preloaded in %.1f s: %s%n", (System.nanoTime() - preloadStart) / 1e9, mix);

            if (warmup) {
                System.err.println("bench: warm-up pass (full topology, discarded)");
                throughput(bootstrap, admin, dir, topics, events, SobaTopology.Scope.FULL);
            }
            final double raw = BenchCommand.rawReadRate(bootstrap, topics.inputs(), events, RAW_READ_ROUNDS);
            System.err.printf("bench: (a) raw read %,.0f items/s%n", raw);
            final Throughput passthrough = passthrough(bootstrap, admin, dir, topics, events);
            System.err.printf("bench: (p) pass-through %,.0f items/s%n", passthrough.rate());
            final Throughput market = throughput(bootstrap, admin, dir, topics, events, SobaTopology.Scope.MARKET);
            System.err.printf("bench: (b1) market path %,.0f items/s%n", market.rate());
            final Throughput throughput = throughput(bootstrap, admin, dir, topics, events, SobaTopology.Scope.FULL);
            System.err.printf("bench: (b) pipeline %,.0f items/s%n", throughput.rate());
            final double offered = Math.max(1, throughput.rate() / 2);
            final Latency mainnet = latency(bootstrap, dir, new Topics("latm_"), seed + 2, MAINNET_ITEMS_PER_SECOND,
                    Duration.ofSeconds(latencySeconds));
            final Latency latency = latency(bootstrap, dir, new Topics("lat_"), seed + 1, offered,
                    Duration.ofSeconds(latencySeconds));

            out.printf("Soba DEX Streams pipeline benchmark — %s, JDK %s, %d cores, embedded KRaft broker in the same JVM%s%n",
                    Instant.now().toString().substring(0, 10), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                    warmup ? ", after a discarded warm-up pass" : ", cold JVM (--no-warmup)");
            out.printf("items: %,d (%s)%n", events, describe(mix));
            out.printf("Kafka Streams settings (application.properties): %s%n", new TreeMap<>(applicationStreamsSettings()));
            out.printf("%-58s %12s %10s %12s %7s %7s%n", "measure", "items", "seconds", "items/s", "vs (p)", "vs (a)");
            out.printf("%-58s %,12d %10.1f %,12.0f %7.2f %7.2f%n", "(a) raw read, plain consumer, all input topics (best of 3)",
                    events, events / raw, raw, raw / passthrough.rate(), 1.0);
            row(out, "(p) bare pass-through, bytes -> bytes, exactly-once", events, passthrough, passthrough.rate(), raw);
            row(out, "(b1) validation + swap decoding + candles, exactly-once", events, market, passthrough.rate(), raw);
            row(out, "(b) full topology (indexes, MEV), exactly-once", events, throughput, passthrough.rate(), raw);
            printLatency(out, "(c1) latency at a mainnet-like load", mainnet, latencySeconds);
            printLatency(out, "(c2) latency at half of (b)", latency, latencySeconds);
            out.printf("ratio (b1)/(p) = %.2f, ratio (b)/(p) = %.2f; ratio (b1)/(a) = %.2f, ratio (b)/(a) = %.2f%n",
                    market.rate() / passthrough.rate(), throughput.rate() / passthrough.rate(), market.rate() / raw,
                    throughput.rate() / raw);
            out.printf(Locale.ROOT, "summary: raw=%.0f passthrough=%.0f market=%.0f full=%.0f p99_ms_mainnet=%d p99_ms_half=%d%n",
                    raw, passthrough.rate(), market.rate(), throughput.rate(), mainnet.percentile(99), latency.percentile(99));
            return 0;
        } finally {
            BenchCommand.deleteQuietly(dir);
        }
    }

    private static void printLatency(final PrintStream out, final String label, final Latency latency,
                                     final long seconds) {
        out.printf("%s, send -> swap on the swaps topic (read committed), offered %,.0f items/s for %d s:%n",
                label, latency.offered(), seconds);
        out.printf("    sent %,d items at %,.0f/s; %,d swaps measured after a %d s warm-up; p50 %d ms, p95 %d ms,"
                        + " p99 %d ms, max %d ms%n", latency.sent(), latency.sentRate(), latency.samples().length,
                LATENCY_WARMUP.toSeconds(), latency.percentile(50), latency.percentile(95), latency.percentile(99),
                latency.percentile(100));
    }

    private static void row(final PrintStream out, final String label, final long events, final Throughput run,
                            final double passthrough, final double raw) {
        out.printf("%-58s %,12d %10.1f %,12.0f %7.2f %7.2f%n", label, events, run.seconds(), run.rate(),
                run.rate() / passthrough, run.rate() / raw);
        out.printf("    CPU: %.1f s for the whole process (broker included), %.1f s on the stream thread"
                        + " (%,.0f items per stream-thread CPU second)%n", run.processCpuSeconds(),
                run.streamThreadCpuSeconds(), events / run.streamThreadCpuSeconds());
        if (run.swaps() + run.trades() + run.rejected() + run.duplicates() > 0) {
            out.printf("    outputs: %,d swaps decoded, %,d trades aggregated, %,d rejected, %,d duplicates%n",
                    run.swaps(), run.trades(), run.rejected(), run.duplicates());
        }
    }

    private record Throughput(double seconds, double rate, double processCpuSeconds, double streamThreadCpuSeconds,
                              long swaps, long trades, long rejected, long duplicates) {
    }

    private record Latency(double offered, long sent, double sentRate, long[] samples) {
        long percentile(final int p) {
            if (samples.length == 0) {
                return -1;
            }
            final int index = (int) Math.ceil(p / 100.0 * samples.length) - 1;
            return samples[Math.max(0, Math.min(samples.length - 1, index))];
        }
    }

    /** Client logging off unless configured: formatting TRACE lines nobody reads would be measured too. */
    private static void quietLogs() {
        BrokerLogLevels.quietUnlessConfigured();
        final Logger kafka = Logger.getLogger("org.apache.kafka");
        if (kafka.getLevel() == null) {
            kafka.setLevel(Level.WARNING);
            QUIETED.add(kafka);
        }
    }

    private static Map<ItemType, Long> preload(final String bootstrap, final Topics topics, final long count,
                                               final long seed) throws InterruptedException, ExecutionException {
        final BenchWorkload workload = new BenchWorkload(seed);
        final Map<ItemType, Long> mix = new EnumMap<>(ItemType.class);
        try (Producer<byte[], byte[]> producer = new KafkaProducer<>(ProducerSettings.idempotent(bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer());
             Producer<String, byte[]> registry = new KafkaProducer<>(ProducerSettings.idempotent(bootstrap),
                     new StringSerializer(), new ByteArraySerializer())) {
            workload.registerPools(registry, topics);
            final Iterator<BenchWorkload.BenchItem> items = workload.items();
            for (long i = 0; i < count; i++) {
                final BenchWorkload.BenchItem item = items.next();
                producer.send(new ProducerRecord<>(topics.input(item.type()), item.key(), item.value()));
                mix.merge(item.type(), 1L, Long::sum);
            }
            producer.flush();
        }
        return mix;
    }

    private static String describe(final Map<ItemType, Long> mix) {
        final List<String> parts = new ArrayList<>();
        mix.forEach((type, n) -> parts.add(String.format("%,d %s", n, type.defaultTopic())));
        return String.join(", ", parts);
    }

    /**
     * The application's own Kafka Streams settings: {@code kafka-streams.*} of application.properties, with
     * {@code -Dkafka-streams.*} system properties taking precedence as they do in the application.
     */
    static Properties applicationStreamsSettings() {
        final Properties file = new Properties();
        try (InputStream in = PipelineBench.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties is not on the class path");
            }
            file.load(in);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        final Properties settings = new Properties();
        for (final String name : file.stringPropertyNames()) {
            final String value = file.getProperty(name);
            if (name.startsWith("kafka-streams.") && !value.contains("${")) {
                settings.put(name.substring("kafka-streams.".length()), value);
            }
        }
        // -Dkafka-streams.NAME=VALUE overrides, as it does for the application
        for (final String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("kafka-streams.")) {
                settings.put(name.substring("kafka-streams.".length()), System.getProperty(name));
            }
        }
        return settings;
    }

    private static KafkaStreams streams(final String bootstrap, final Path dir, final Topics topics, final String appId,
                                        final SobaTopology.Scope scope) {
        final Properties props = applicationStreamsSettings();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state-" + appId).toString());
        final PipelineConfig config = new PipelineConfig(topics.prefix(), PipelineConfig.DEFAULT_DEDUP_RETENTION,
                PipelineConfig.DEFAULT_REORG_DEPTH, PipelineConfig.DEFAULT_ADDRESS_HISTORY_LIMIT,
                MarketConfig.defaults(), MevStreamConfig.defaults());
        return new KafkaStreams(SobaTopology.build(config, scope), props);
    }

    private static long startAndAwaitRunning(final KafkaStreams streams) throws InterruptedException {
        final long[] runningAt = {0};
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING && runningAt[0] == 0) {
                runningAt[0] = System.nanoTime();
            }
        });
        streams.start();
        final long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (runningAt[0] == 0) {
            if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
                throw new IllegalStateException("the topology did not reach RUNNING: " + streams.state());
            }
            Thread.sleep(10);
        }
        return runningAt[0];
    }

    private static Throughput throughput(final String bootstrap, final Admin admin, final Path dir, final Topics topics,
                                         final long events, final SobaTopology.Scope scope) throws Exception {
        final String appId = "bench-" + scope.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID();
        try (KafkaStreams streams = streams(bootstrap, dir, topics, appId, scope)) {
            return measure(streams, admin, appId, topics, events, scope.name().toLowerCase(Locale.ROOT), true);
        }
    }

    /** Starts the application and measures it from RUNNING until its committed offsets stay at the end of what it reads. */
    private static Throughput measure(final KafkaStreams streams, final Admin admin, final String appId,
                                      final Topics topics, final long events, final String name,
                                      final boolean readsItsOwnTopics) throws Exception {
        final long runningAt = startAndAwaitRunning(streams);
        final long processCpuAtStart = processCpuNanos();
        final Progress progress = new Progress(System.err, "bench " + name + " (input offsets committed)", events);
        final long deadline = System.nanoTime() + PATIENCE.toNanos();
        // the first time every topic looked read to its end, with the committed offsets of that moment
        long endReachedAt = 0;
        double processCpuAtEnd = 0;
        Map<TopicPartition, Long> committedAtEnd = Map.of();
        while (true) {
            final Lag lag = lag(admin, appId, topics, readsItsOwnTopics);
            progress.update(lag.inputsCommitted());
            if (!lag.done() || !lag.committed().equals(committedAtEnd)) {
                endReachedAt = 0;
            }
            if (lag.done() && endReachedAt == 0) {
                endReachedAt = System.nanoTime();
                processCpuAtEnd = (processCpuNanos() - processCpuAtStart) / 1e9;
                committedAtEnd = lag.committed();
            }
            // a record still in flight would be committed within a few commit intervals: wait for quiet
            if (endReachedAt != 0 && System.nanoTime() - endReachedAt > QUIET.toNanos()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pipeline did not reach the end offsets within " + PATIENCE
                        + ": " + lag);
            }
            if (streams.state() == KafkaStreams.State.ERROR) {
                throw new IllegalStateException("the topology failed");
            }
            Thread.sleep(200);
        }
        final long finished = endReachedAt;
        final double processCpu = processCpuAtEnd;
        // includes the quiet second, when the thread is idle
        final double streamThreadCpu = threadCpuNanos(appId + "-") / 1e9;
        progress.finish(events);
        final double seconds = (finished - runningAt) / 1e9;
        return new Throughput(seconds, events / seconds, processCpu, streamThreadCpu, (long) BenchCommand.total(streams, PipelineCounters.SWAPS_DECODED),
                (long) BenchCommand.total(streams, PipelineCounters.TRADES_AGGREGATED), (long) BenchCommand.total(streams, PipelineCounters.REJECTED),
                (long) BenchCommand.total(streams, PipelineCounters.DUPLICATES));
    }

    /**
     * The framework's own ceiling: a bare Kafka Streams application with the application's settings (so
     * exactly-once) and one stream thread that copies every input record, as bytes, to one output topic.
     */
    private static Throughput passthrough(final String bootstrap, final Admin admin, final Path dir, final Topics topics,
                                          final long events) throws Exception {
        final String output = topics.prefix() + "passthrough";
        TopicCreator.createMissing(bootstrap, List.of(new org.apache.kafka.clients.admin.NewTopic(output, PARTITIONS, (short) 1)),
                Duration.ofSeconds(60));
        final StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.inputs(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        final String appId = "bench-passthrough-" + UUID.randomUUID();
        final Properties props = applicationStreamsSettings();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state-" + appId).toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            return measure(streams, admin, appId, topics, events, "pass-through", false);
        }
    }

    /**
     * How far the application's committed offsets are from the end of every topic it reads. The input topics
     * (written without transactions) must be read to their end; the topics the application writes itself in
     * transactions end with a commit marker its consumer never has to pass, so one offset short is the end.
     */
    private record Lag(long inputsCommitted, long inputsBehind, long internalBehind, boolean done,
                       Map<TopicPartition, Long> committed) {
    }

    private static Lag lag(final Admin admin, final String appId, final Topics topics, final boolean readsItsOwnTopics)
            throws Exception {
        final Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(appId)
                .partitionsToOffsetAndMetadata().get();
        final Set<String> inputs = new HashSet<>(topics.inputs());
        final Set<String> read = new HashSet<>(inputs);
        if (readsItsOwnTopics) {
            read.add(topics.swaps());
            read.add(topics.marketCandles());
        }
        for (final String topic : admin.listTopics().names().get()) {
            if (topic.startsWith(appId) && topic.endsWith("-repartition")) {
                read.add(topic);
            }
        }
        final Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (final String topic : read) {
            for (int p = 0; p < PARTITIONS; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        final var ends = admin.listOffsets(request).all().get();
        long inputsCommitted = 0;
        long inputsBehind = 0;
        long internalBehind = 0;
        boolean done = true;
        for (final var end : ends.entrySet()) {
            final OffsetAndMetadata at = committed.get(end.getKey());
            final long position = at == null ? 0 : at.offset();
            final long behind = end.getValue().offset() - position;
            if (inputs.contains(end.getKey().topic())) {
                inputsCommitted += position;
                inputsBehind += behind;
                done &= behind == 0;
            } else {
                internalBehind += Math.max(0, behind - 1);
                done &= behind <= 1;
            }
        }
        final Map<TopicPartition, Long> positions = new HashMap<>();
        committed.forEach((partition, offset) -> positions.put(partition, offset == null ? -1 : offset.offset()));
        return new Lag(inputsCommitted, inputsBehind, internalBehind, done, positions);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the live threads whose names start with the prefix (Kafka Streams names them after the application id). */
    private static long threadCpuNanos(final String namePrefix) {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (final ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(namePrefix) && info.getThreadName().contains("StreamThread")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /**
     * A fresh topology on fresh topics, offered {@code rate} items per second for {@code duration} by a paced
     * producer (each record stamped with its send time); a read-committed consumer of the swaps topic records
     * now minus the record's timestamp, which the pipeline carries from the input log to its swap.
     */
    private static Latency latency(final String bootstrap, final Path dir, final Topics topics, final long seed,
                                   final double rate, final Duration duration) throws Exception {
        TopicCreator.createMissing(bootstrap, topics.newTopics(PARTITIONS, (short) 1),
                Duration.ofSeconds(60));
        final BenchWorkload workload = new BenchWorkload(seed);
        final List<Long> samples = new ArrayList<>();
        final AtomicBoolean stop = new AtomicBoolean();
        // send times from which swaps count: none until sending starts, then after the warm-up
        final AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
        try (Producer<byte[], byte[]> producer = new KafkaProducer<>(ProducerSettings.idempotent(bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer());
             Producer<String, byte[]> registry = new KafkaProducer<>(ProducerSettings.idempotent(bootstrap),
                     new StringSerializer(), new ByteArraySerializer());
             KafkaStreams streams = streams(bootstrap, dir, topics, "bench-latency-" + UUID.randomUUID(),
                     SobaTopology.Scope.FULL)) {
            workload.registerPools(registry, topics);
            startAndAwaitRunning(streams);
            final Thread consumer = new Thread(() -> readLatencies(bootstrap, topics.swaps(), stop, measureFrom, samples),
                    "bench-latency-consumer");
            consumer.start();
            System.err.printf("bench: (c) offering %,.0f items/s for %d s%n", rate, duration.toSeconds());
            final Iterator<BenchWorkload.BenchItem> items = workload.items();
            final long start = System.nanoTime();
            measureFrom.set(System.currentTimeMillis() + LATENCY_WARMUP.toMillis());
            final long end = start + duration.toNanos();
            long sent = 0;
            while (true) {
                final long due = start + (long) (sent * 1e9 / rate);
                if (due >= end) {
                    break;
                }
                final long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                final BenchWorkload.BenchItem item = items.next();
                producer.send(new ProducerRecord<>(topics.input(item.type()), item.key(), item.value()));
                sent++;
            }
            final double sentRate = sent / ((System.nanoTime() - start) / 1e9);
            producer.flush();
            // the last items' swaps: wait until as many arrived as the pipeline decoded, or give up after 10 s
            final long drainDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            long lastCount = -1;
            while (System.nanoTime() < drainDeadline) {
                Thread.sleep(500);
                final long count;
                synchronized (samples) {
                    count = samples.size();
                }
                if (count == lastCount) {
                    break;
                }
                lastCount = count;
            }
            stop.set(true);
            consumer.join(5_000);
            final long[] sorted;
            synchronized (samples) {
                sorted = samples.stream().mapToLong(Long::longValue).toArray();
            }
            Arrays.sort(sorted);
            return new Latency(rate, sent, sentRate, sorted);
        }
    }

    private static void readLatencies(final String bootstrap, final String topic, final AtomicBoolean stop,
                                      final AtomicLong measureFrom, final List<Long> samples) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-latency-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!stop.get()) {
                final var records = consumer.poll(Duration.ofMillis(50));
                final long now = System.currentTimeMillis();
                final long from = measureFrom.get();
                synchronized (samples) {
                    for (final ConsumerRecord<byte[], byte[]> record : records) {
                        if (record.timestamp() >= from) {
                            samples.add(now - record.timestamp());
                        }
                    }
                }
            }
        }
    }
}
