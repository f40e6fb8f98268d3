package dev.soba.streams.benchmarks;

import dev.soba.streams.benchmarks.SimulatedInspection;
import dev.soba.streams.cli.Args;
import dev.soba.streams.cli.Progress;
import dev.soba.streams.cli.SimulationSupport;
import dev.soba.streams.embedded.BrokerLogLevels;
import dev.soba.streams.embedded.EmbeddedKafka;
import dev.soba.streams.embedded.EmbeddedServers;
import dev.soba.streams.processors.graph.Counterparties;
import dev.soba.streams.processors.mev.MevOutput;
import dev.soba.streams.processors.mev.MevStreamConfig;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.simulator.BlockPublisher;
import dev.soba.streams.simulator.GroundTruth;
import dev.soba.streams.simulator.MevScore;
import dev.soba.streams.simulator.Scenario;
import dev.soba.streams.simulator.SyntheticBlock;
import dev.soba.streams.simulator.SyntheticChain;
import dev.soba.streams.topology.MarketConfig;
import dev.soba.streams.topology.PipelineConfig;
import dev.soba.streams.topology.SobaTopology;
import dev.soba.streams.topology.StoreNames;
import dev.soba.streams.topology.TopicCreator;
import dev.soba.streams.topology.Topics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code ./soba bench accuracy}: the market simulator through the whole pipeline, its MEV findings
 * scored against the simulator's ground truth. An in-process KRaft broker in a temporary directory,
 * the full topology with exactly-once and the production MEV settings. By default the blocks are fed
 * as a live chain feeds them, only faster: each block is sent once the pipeline has consumed every
 * input record of the blocks before it (a chain gives it 12 s; here it takes what it needs). With {@code --backlog} every block
 * is produced before the pipeline starts, as when it catches up after downtime or replays history.
 * The run ends when the alerts settle: everything consumed, and no alert for longer than the MEV
 * timeout. The alerts are applied as a consumer would (new and corrections add, retractions remove),
 * and the blocks' current findings are scored by {@link MevScore}. The same blocks also go through the
 * MEV inspector directly, so a loss in the stream shows apart from a miss of the detector.
 */
public final class AccuracyBench {

    public static final String USAGE = """
            usage: soba bench accuracy [--blocks N] [--seed S] [--backlog] [--keep-blocks N] [--truth FILE]
            Runs N blocks (default 100) of the market simulator through the full topology on an embedded broker
            (exactly-once, production MEV settings) and scores its MEV findings against the simulator's ground truth:
            per kind true and false positives, false negatives, precision, recall and every mismatch; beside it the
            MEV inspector on the same blocks without the broker. Blocks are fed like a live chain, each once the
            pipeline has consumed the ones before; --backlog produces them all first, as a catch-up or replay does.
            --keep-blocks sets soba.mev.keep-blocks (default 64). Fraud alerts are not built yet: the injected
            phishing drains are counted, not scored as alerts; their wallet clusters are scored (drain with its
            cash-out sink, no victim, nothing else) beside a naive baseline (a wallet and all its counterparties).
            --truth FILE keeps the ground truth (one JSON object per line).""";
    static final long START_BLOCK = 19_000_000L;
    static final Instant START_TIME = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration PATIENCE = Duration.ofMinutes(30);
    private static final long LAG_CHECK_NANOS = 200_000_000L;
    private static final int MISMATCHES_SHOWN = 40;

    private AccuracyBench() {
    }

    public static int run(final String[] argv, final PrintStream out) throws Exception {
        final Args args = Args.parse(argv, Set.of("blocks", "seed", "truth", "keep-blocks"), Set.of("backlog"));
        if (!args.positional().isEmpty()) {
            throw new Args.UsageException("bench accuracy takes no positional arguments, got " + args.positional());
        }
        final long blocks = args.longOption("blocks", 100);
        final long seed = args.longOption("seed", 7);
        final long keepBlocks = args.longOption("keep-blocks", MevStreamConfig.DEFAULT_KEEP_BLOCKS);
        if (blocks < 1 || keepBlocks < 1 || keepBlocks > Integer.MAX_VALUE) {
            throw new Args.UsageException("--blocks and --keep-blocks must be positive");
        }
        final MevStreamConfig mev = new MevStreamConfig(MevStreamConfig.defaults().timing(), (int) keepBlocks);
        BrokerLogLevels.quietUnlessConfigured();
        final Path dir = Files.createTempDirectory("soba-accuracy-");
        try {
            final Report report = measure(blocks, seed, dir, System.err, mev, args.flag("backlog"));
            print(report, out);
            if (args.option("truth").isPresent()) {
                try (BufferedWriter writer = Files.newBufferedWriter(Path.of(args.option("truth").get()),
                        StandardCharsets.UTF_8)) {
                    for (final GroundTruth event : report.truth()) {
                        writer.write(event.toJson());
                        writer.newLine();
                    }
                }
            }
            return report.settled() ? 0 : 1;
        } finally {
            BenchCommand.deleteQuietly(dir);
        }
    }

    /** What one run measured. */
    record Report(long seed, long firstBlock, long blocks, long transactions, long records, long ticks,
                  List<GroundTruth> truth, MevScore pipeline, MevScore direct, Set<String> foundDirectly,
                  MevStreamConfig mev, boolean backlog, long newAlerts, long corrections, long retractions,
                  double pipelineSeconds, boolean settled, ClusterScore clusters) {
    }

    /**
     * @param mev     the MEV settings (production's, or a shorter timeout in tests: the wait to settle is the timeout plus 3 s)
     * @param backlog produce every block before the pipeline starts, instead of feeding them as it consumes
     */
    static Report measure(final long blockCount, final long seed, final Path dir, final PrintStream log,
                          final MevStreamConfig mev, final boolean backlog) throws Exception {
        final EmbeddedServers.Ports ports = EmbeddedServers.Ports.random();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), ports.kafka(), ports.kafkaController())) {
            final String bootstrap = kafka.bootstrapServers();
            final Topics topics = new Topics("accuracy_");
            TopicCreator.createMissing(bootstrap, SimulationSupport.topicsToCreate(topics, 3, (short) 1),
                    Duration.ofSeconds(60));
            final SyntheticChain chain = new SyntheticChain(seed, START_BLOCK, START_TIME.getEpochSecond(),
                    SyntheticChain.MAINNET_SECONDS_PER_BLOCK, Scenario.MARKET);
            SimulationSupport.registerPools(bootstrap, chain, topics);
            final List<SyntheticBlock> blocks = new ArrayList<>();
            final Progress simulating = new Progress(log, "accuracy: simulating blocks", blockCount);
            for (long i = 0; i < blockCount; i++) {
                blocks.add(chain.nextBlock());
                simulating.update(i + 1);
            }
            simulating.finish(blockCount);
            final List<GroundTruth> generated = new ArrayList<>();
            blocks.forEach(b -> generated.addAll(b.groundTruth()));

            final List<MevFinding> direct = new ArrayList<>();
            blocks.forEach(block -> direct.addAll(SimulatedInspection.fromTraces(block).findings()));
            final Set<String> foundDirectly = direct.stream().map(f -> f.kind().wireName() + "|" + f.transactionHashes())
                    .collect(Collectors.toSet());

            final PipelineRun run;
            try (Producer<byte[], byte[]> producer = SimulationSupport.producer(bootstrap)) {
                final Feed feed = new Feed(new BlockPublisher(producer, SimulationSupport.topicForType(topics),
                        topics.groundTruth()), producer, blocks);
                if (backlog) {
                    while (feed.hasNext()) {
                        feed.sendNext();
                    }
                }
                run = runPipeline(bootstrap, dir, topics, feed, mev, log, generated);
            }
            final List<GroundTruth> truth = readGroundTruth(bootstrap, topics.groundTruth());
            if (truth.size() != generated.size()) {
                throw new IllegalStateException("the ground_truth topic holds " + truth.size() + " records, the simulator"
                        + " generated " + generated.size());
            }
            return new Report(seed, START_BLOCK, blockCount,
                    blocks.stream().mapToLong(b -> b.transactions().size()).sum(), run.records(),
                    blocks.stream().mapToLong(b -> b.ticks().size()).sum(), truth,
                    MevScore.score(truth, run.findings()), MevScore.score(truth, direct), foundDirectly, mev, backlog,
                    run.newAlerts(), run.corrections(), run.retractions(), run.seconds(), run.settled(), run.clusters());
        }
    }

    /** The simulated blocks, sent one at a time. */
    private static final class Feed {
        private final BlockPublisher publisher;
        private final Producer<byte[], byte[]> producer;
        private final List<SyntheticBlock> blocks;
        private int next;
        private long records;

        Feed(final BlockPublisher publisher, final Producer<byte[], byte[]> producer, final List<SyntheticBlock> blocks) {
            this.publisher = publisher;
            this.producer = producer;
            this.blocks = blocks;
        }

        boolean hasNext() {
            return next < blocks.size();
        }

        void sendNext() {
            records += publisher.publish(blocks.get(next++), (metadata, error) -> {
                if (error != null) {
                    throw new IllegalStateException("could not produce the simulated blocks", error);
                }
            });
            producer.flush();
        }

        long records() {
            return records;
        }

        long expectedRecords() {
            long total = 0;
            for (final SyntheticBlock block : blocks) {
                total += block.allItems().size() + block.ticks().size() + block.groundTruth().size();
            }
            return total;
        }
    }

    private record PipelineRun(List<MevFinding> findings, long records, long newAlerts, long corrections,
                               long retractions, double seconds, boolean settled, ClusterScore clusters) {
    }

    /**
     * Runs the topology, feeding the blocks not sent yet as it consumes, until every block is sent, every
     * input and repartition record consumed, and then no alert came for the MEV timeout plus 3 s (a block
     * is analysed at the latest that long after its last item).
     */
    private static PipelineRun runPipeline(final String bootstrap, final Path dir, final Topics topics, final Feed feed,
                                           final MevStreamConfig mev, final PrintStream log,
                                           final List<GroundTruth> truth) throws Exception {
        final String applicationId = "accuracy-" + UUID.randomUUID();
        final Properties props = BenchCommand.streamsSettings(applicationId, bootstrap, dir.resolve("state"));
        final PipelineConfig config = new PipelineConfig(topics.prefix(), PipelineConfig.DEFAULT_DEDUP_RETENTION,
                PipelineConfig.DEFAULT_REORG_DEPTH, PipelineConfig.DEFAULT_ADDRESS_HISTORY_LIMIT,
                MarketConfig.defaults(), mev);
        final Duration quiet = mev.timing().timeout().plusSeconds(3);
        final Map<Long, List<MevFinding>> current = new TreeMap<>();
        final AtomicLong newAlerts = new AtomicLong();
        final AtomicLong corrections = new AtomicLong();
        final AtomicLong retractions = new AtomicLong();
        try (KafkaStreams streams = new KafkaStreams(SobaTopology.build(config), props);
             KafkaConsumer<byte[], byte[]> alerts = committedReader(bootstrap);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            final List<TopicPartition> alertPartitions = partitions(alerts, topics.mevAlerts());
            alerts.assign(alertPartitions);
            alerts.seekToBeginning(alertPartitions);
            final long started = System.nanoTime();
            streams.start();
            final long deadline = started + PATIENCE.toNanos();
            final Progress progress = new Progress(log, "accuracy: pipeline records", feed.expectedRecords());
            long lastAlert = System.nanoTime();
            long caughtUpSince = 0;
            long nextLagCheck = 0;
            boolean settled = false;
            while (System.nanoTime() < deadline) {
                for (final ConsumerRecord<byte[], byte[]> record : alerts.poll(Duration.ofMillis(feed.hasNext() ? 20 : 250))) {
                    apply(record, current, newAlerts, corrections, retractions);
                    lastAlert = System.nanoTime();
                }
                final long now = System.nanoTime();
                if (now < nextLagCheck) {
                    continue;
                }
                nextLagCheck = now + LAG_CHECK_NANOS;
                if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                    throw new IllegalStateException("the pipeline stopped: " + streams.state());
                }
                final Lag lag = lag(admin, applicationId, topics);
                progress.update(Math.max(0, feed.records() - lag.inputs()));
                if (feed.hasNext()) {
                    if (streams.state() == KafkaStreams.State.RUNNING && lag.inputs() == 0) {
                        feed.sendNext();
                        nextLagCheck = 0;
                    }
                    continue;
                }
                if (streams.state() == KafkaStreams.State.RUNNING && lag.total() <= lag.partitions()) {
                    caughtUpSince = caughtUpSince == 0 ? now : caughtUpSince;
                    if (now - Math.max(caughtUpSince, lastAlert) >= quiet.toNanos()) {
                        settled = true;
                        break;
                    }
                } else {
                    caughtUpSince = 0;
                }
            }
            progress.finish(feed.records());
            final double seconds = (System.nanoTime() - started) / 1e9;
            final List<MevFinding> findings = new ArrayList<>();
            current.values().forEach(findings::addAll);
            // the wallet clusters of every drain, read from the settled pipeline's counterparty store
            final ReadOnlyKeyValueStore<String, Counterparties> counterparties = streams.store(StoreQueryParameters
                    .fromNameAndType(StoreNames.COUNTERPARTIES, QueryableStoreTypes.<String, Counterparties>keyValueStore()));
            final ClusterScore clusters = ClusterScore.score(truth, batch -> {
                final Map<String, Counterparties> found = new HashMap<>();
                batch.forEach(address -> {
                    final Counterparties state = counterparties.get(address);
                    if (state != null) {
                        found.put(address, state);
                    }
                });
                return found;
            });
            return new PipelineRun(findings, feed.records(), newAlerts.get(), corrections.get(), retractions.get(),
                    seconds, settled, clusters);
        }
    }

    /** One alert applied as a consumer keeping each block's current findings would. */
    private static void apply(final ConsumerRecord<byte[], byte[]> record, final Map<Long, List<MevFinding>> current,
                              final AtomicLong newAlerts, final AtomicLong corrections, final AtomicLong retractions)
            throws IOException {
        final MevFinding finding = Json.mapper().readValue(record.value(), MevFinding.class);
        final Header header = record.headers().lastHeader(MevOutput.STATUS_HEADER);
        final String status = header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
        final List<MevFinding> block = current.computeIfAbsent(finding.blockNumber(), n -> new ArrayList<>());
        if (MevOutput.Status.RETRACTION.wireName().equals(status)) {
            retractions.incrementAndGet();
            block.remove(finding);
        } else {
            (MevOutput.Status.CORRECTION.wireName().equals(status) ? corrections : newAlerts).incrementAndGet();
            block.add(finding);
        }
    }

    /** How far the application's consumer group is behind, over the input and repartition topics. */
    private record Lag(long inputs, long total, int partitions) {
    }

    private static Lag lag(final Admin admin, final String applicationId, final Topics topics) throws Exception {
        final Set<String> inputs = new HashSet<>(topics.inputs());
        inputs.add(topics.marketCandles());
        final Set<String> sources = new HashSet<>(inputs);
        admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(applicationId) && name.endsWith("-repartition"))
                .forEach(sources::add);
        final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(sources).allTopicNames().get().forEach((name, description) -> description.partitions()
                .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        final Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get();
        long inputLag = 0;
        long total = 0;
        for (final var end : admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .entrySet()) {
            final OffsetAndMetadata position = committed.get(end.getKey());
            final long behind = Math.max(0, end.getValue().offset() - (position == null ? 0 : position.offset()));
            total += behind;
            if (inputs.contains(end.getKey().topic())) {
                inputLag += behind;
            }
        }
        return new Lag(inputLag, total, latest.size());
    }

    private static KafkaConsumer<byte[], byte[]> committedReader(final String bootstrap) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "accuracy-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(final KafkaConsumer<?, ?> consumer, final String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /** The ground truth as the topic holds it, in block order. */
    private static List<GroundTruth> readGroundTruth(final String bootstrap, final String topic) {
        final List<GroundTruth> truth = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = committedReader(bootstrap)) {
            final List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> truth.add(GroundTruth.parse(r.value())));
            }
        }
        truth.sort(Comparator.comparingLong(GroundTruth::blockNumber));
        return truth;
    }

    static void print(final Report r, final PrintStream out) {
        final Map<String, Long> injected = new TreeMap<>();
        r.truth().forEach(t -> injected.merge(t.kind().wireName(), 1L, Long::sum));
        final long races = r.truth().stream().filter(GroundTruth::reverted).count();
        final long drainWallets = r.truth().stream().filter(t -> t.kind() == GroundTruth.Kind.PHISHING_DRAIN)
                .map(GroundTruth::walletAddress).distinct().count();
        out.printf("Soba DEX Streams MEV accuracy on simulated traffic — %s, JDK %s, %d cores, embedded KRaft broker in"
                + " the same JVM%n", Instant.now().toString().substring(0, 10), Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        out.printf("simulated: blocks %,d-%,d (seed %d), %,d transactions, %,d records (%,d exchange ticks); injected %,d"
                        + " sandwiches, %,d arbitrages (%,d of them reverted races), %,d phishing-drain sweeps by %,d wallets%n",
                r.firstBlock(), r.firstBlock() + r.blocks() - 1, r.seed(), r.transactions(), r.records(), r.ticks(),
                injected.getOrDefault("sandwich", 0L), injected.getOrDefault("arbitrage", 0L), races,
                injected.getOrDefault("phishing_drain", 0L), drainWallets);
        out.printf("pipeline: full topology, exactly-once, MEV quiet %s / timeout %s / keep %d blocks; %s; %s after %.1f s;"
                        + " mev_alerts: %,d new, %,d corrections, %,d retractions%n",
                seconds(r.mev().timing().quiet()), seconds(r.mev().timing().timeout()), r.mev().keepBlocks(),
                r.backlog() ? "backlog: every block produced before the pipeline started"
                        : "live-like feed: each block sent once the pipeline had consumed the ones before",
                r.settled() ? "settled" : "NOT settled (gave up)", r.pipelineSeconds(), r.newAlerts(), r.corrections(),
                r.retractions());
        out.printf("%n%-14s %9s %9s %7s %5s %5s %10s %8s %7s%n", "MEV kind", "injected", "reported", "TP", "FP", "FN",
                "precision", "recall", "exact");
        for (final String kind : MevScore.KINDS) {
            row(out, kind, r.pipeline().counts(kind));
        }
        row(out, "all MEV", r.pipeline().total());
        out.printf("(exact: true positives whose searcher, pool(s), victims, profit token, profit and error all agree"
                + " with the ground truth)%n");
        out.printf("MEV inspector on the same blocks without the broker: %s%n", summary(r.direct()));
        out.printf("fraud alerts: not built yet — nothing to score; the ground truth holds %,d phishing-drain sweeps by %,d"
                + " wallets for when they are%n", injected.getOrDefault("phishing_drain", 0L), drainWallets);
        printClusters(r.clusters(), out);
        final List<MevScore.Mismatch> mismatches = r.pipeline().mismatches();
        if (mismatches.isEmpty()) {
            out.println("mismatches: none");
            return;
        }
        out.printf("mismatches (%,d):%n", mismatches.size());
        mismatches.stream().limit(MISMATCHES_SHOWN).forEach(m -> out.printf("  %-10s %-10s block %,d %s searcher %s%s%s%n",
                m.type(), m.kind(), m.blockNumber(), m.transactionHashes(), m.searcherAddress(),
                m.detail().isEmpty() ? "" : " — " + m.detail(),
                MevScore.Mismatch.MISSED.equals(m.type())
                        ? (r.foundDirectly().contains(m.kind() + "|" + m.transactionHashes())
                        ? " (the inspector finds it without the broker)" : " (the inspector misses it too)") : ""));
        if (mismatches.size() > MISMATCHES_SHOWN) {
            out.printf("  … and %,d more%n", mismatches.size() - MISMATCHES_SHOWN);
        }
    }

    private static void printClusters(final ClusterScore score, final PrintStream out) {
        out.printf("%n%-36s %7s %10s %15s %14s %6s%n", "wallet clusters of the drains", "drains", "with sink",
                "victims merged", "others merged", "exact");
        for (final Map.Entry<String, ClusterScore.Counts> row : Map.of(
                "heuristics (analyze-wallet-cluster)", score.heuristics(),
                "baseline: wallet + counterparties", score.baseline()).entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.reverseOrder())).toList()) {
            final ClusterScore.Counts c = row.getValue();
            out.printf("%-36s %,7d %,10d %,15d %,14d %,6d%n", row.getKey(), c.drains(), c.withSink(), c.victimsMerged(),
                    c.othersMerged(), c.exact());
        }
        out.printf("(exact: the drain's cluster is the drain and its cash-out sink, no victim, nothing else)%n");
        score.mismatches().stream().limit(MISMATCHES_SHOWN).forEach(m -> out.printf("  cluster mismatch %s%n", m));
    }

    private static void row(final PrintStream out, final String kind, final MevScore.Counts c) {
        out.printf("%-14s %,9d %,9d %,7d %,5d %,5d %10s %8s %,7d%n", kind, c.injected(), c.reported(), c.truePositives(),
                c.falsePositives(), c.falseNegatives(), ratio(c.precision()), ratio(c.recall()), c.exact());
    }

    private static String summary(final MevScore score) {
        final StringBuilder text = new StringBuilder();
        for (final String kind : List.of("sandwich", "arbitrage")) {
            final MevScore.Counts c = score.counts(kind);
            text.append(kind).append(" precision ").append(ratio(c.precision())).append(" recall ")
                    .append(ratio(c.recall())).append("; ");
        }
        final MevScore.Counts all = score.total();
        return text.append("all MEV precision ").append(ratio(all.precision())).append(" recall ")
                .append(ratio(all.recall())).append(", ").append(all.falsePositives()).append(" FP, ")
                .append(all.falseNegatives()).append(" FN").toString();
    }

    private static String seconds(final Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1e3).replace(".0 s", " s");
    }

    private static String ratio(final double value) {
        return Double.isNaN(value) ? "-" : String.format("%.4f", value);
    }
}
