package dev.soba.streams.cli;

import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.simulator.BlockPublisher;
import dev.soba.streams.simulator.GroundTruth;
import dev.soba.streams.simulator.Scenario;
import dev.soba.streams.simulator.SyntheticBlock;
import dev.soba.streams.simulator.SyntheticChain;
import dev.soba.streams.topology.TopicCreator;
import dev.soba.streams.topology.Topics;
import java.io.BufferedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;

/**
 * {@code ./soba simulate}: the market simulator to a Kafka broker, paced, with its ground truth on a
 * topic and optionally in a file. What is produced depends only on the seed, the start block, the
 * start time and the block time; the rate and the limits only decide how fast and how much.
 */
public final class SimulateCommand {

    public static final String USAGE = """
            usage: soba simulate [--rate ITEMS_PER_SECOND] [--duration 60s] [--blocks N] [--seed S] [--truth FILE]
                                 [--bootstrap-servers HOST:PORT] [--topic-prefix PREFIX] [--start-block N]
                                 [--start-time ISO-8601|now] [--block-time 12s] [--backfill]
                                 [--resume-at N] [--parent-hash HASH] [--delivery-timeout 120s]
            Runs the market simulator against a broker (default: the demo's, 127.0.0.1:9092): ethereum-etl blocks,
            transactions with receipts, logs, token transfers and traces of a DEX economy (Uniswap V2 and SushiSwap
            pools, retail traders, sandwich and arbitrage bots, phishing drains) to the input topics, exchange ticks
            that follow its prices to market_ticks, and one ground-truth record per injected sandwich, arbitrage and
            drain sweep to ground_truth (and, with --truth, to FILE, one JSON object per line). --rate counts every
            record sent (default 500 per second, 0 for as fast as the broker takes them), paced block by block; it
            stops after --duration (default 60s; 90s, 10m, 1h or PT1M) or --blocks, whichever comes first, or at
            Ctrl-C. The same --seed, --start-block, --start-time and --block-time give the same records.
            Where it starts: on an empty blocks topic at block 19000000, 2024-01-01T00:00:00Z; when the topic already
            holds a chain (e.g. the demo feed's), it continues that chain: the next height after the head, the head's
            hash as parent, timestamps after the head's. A --start-block at or below the head, or a --start-time not
            after it, is refused with the head named, unless --backfill says it is meant. Against a running demo,
            start it with --no-feed, or use another --topic-prefix, so its own chain does not interleave with this one.
            The producer retries for --delivery-timeout (default 120s, e.g. across a broker restart); if records
            still cannot be written it stops and prints the command that resumes at the first block not known to be
            written (--resume-at N regenerates the same chain and publishes from block N). --parent-hash sets what the
            first block links to (by default the head's hash when continuing, else the seed's own block before).""";
    static final long DEFAULT_START_BLOCK = 19_000_000L;
    static final Instant DEFAULT_START_TIME = Instant.parse("2024-01-01T00:00:00Z");
    static final Duration DEFAULT_DELIVERY_TIMEOUT = SimulationSupport.DEFAULT_DELIVERY_TIMEOUT;
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private SimulateCommand() {
    }

    public static int run(final String[] argv, final PrintStream out) throws Exception {
        final Args args = Args.parse(argv, Set.of("rate", "duration", "blocks", "seed", "truth", "bootstrap-servers",
                "bootstrap", "topic-prefix", "start-block", "start-time", "block-time", "resume-at", "parent-hash",
                "delivery-timeout"), Set.of("backfill"));
        if (!args.positional().isEmpty()) {
            throw new Args.UsageException("simulate takes no positional arguments, got " + args.positional());
        }
        final long rate = args.longOption("rate", 500);
        final long maxBlocks = args.longOption("blocks", Long.MAX_VALUE);
        final Duration duration = args.option("duration").map(SimulateCommand::duration)
                .orElse(args.option("blocks").isPresent() ? null : Duration.ofSeconds(60));
        final long seed = args.longOption("seed", 1);
        final Optional<Long> requestedStart = args.option("start-block").map(x -> args.longOption("start-block", 0));
        final Optional<Long> resumeAt = args.option("resume-at").map(x -> args.longOption("resume-at", 0));
        final Optional<Instant> requestedTime = args.option("start-time").map(SimulateCommand::instant);
        final Duration blockTime = args.option("block-time").map(SimulateCommand::duration).orElse(Duration.ofSeconds(12));
        final Duration deliveryTimeout = args.option("delivery-timeout").map(SimulateCommand::duration)
                .orElse(DEFAULT_DELIVERY_TIMEOUT);
        if (rate < 0 || maxBlocks < 1 || requestedStart.orElse(0L) < 0) {
            throw new Args.UsageException("--rate must not be negative, --blocks must be positive, --start-block not negative");
        }
        if (blockTime.getNano() != 0 || blockTime.getSeconds() < 1) {
            throw new Args.UsageException("--block-time must be whole seconds, at least 1s");
        }
        if (deliveryTimeout.compareTo(Duration.ofSeconds(11)) < 0) {
            throw new Args.UsageException("--delivery-timeout must be at least 11s (the producer's request timeout plus linger)");
        }
        final ChainStart.Request request = new ChainStart.Request(requestedStart, requestedTime,
                args.option("parent-hash"), blockTime, args.flag("backfill"), resumeAt);
        final CliConfig config = CliConfig.load();
        final String bootstrap = args.option("bootstrap-servers").or(() -> args.option("bootstrap"))
                .orElseGet(() -> config.get("soba.kafka.bootstrap-servers"));
        final Topics topics = new Topics(args.option("topic-prefix").orElse(config.find("soba.topics.prefix").orElse("")));
        final int partitions = Integer.parseInt(config.get("soba.topics.partitions"));
        final Path truthFile = args.option("truth").map(Path::of).orElse(null);

        TopicCreator.createMissing(bootstrap, SimulationSupport.topicsToCreate(topics, partitions, (short) 1),
                Duration.ofSeconds(30));
        final ChainStart start;
        try {
            start = ChainStart.decide(ChainHead.read(bootstrap, topics.input(ItemType.BLOCK), Duration.ofSeconds(30)),
                    request, DEFAULT_START_BLOCK, DEFAULT_START_TIME);
        } catch (final ChainStart.Refused refused) {
            System.err.println("simulate: refused: " + refused.getMessage());
            return 1;
        }
        final long startBlock = start.block();
        final Instant startTime = start.time();
        final long firstPublished = resumeAt.orElse(startBlock);
        start.note().ifPresent(note -> System.err.println("simulate: " + note));
        System.err.printf("simulate: seed %d from block %,d at %s, %ds blocks, to %s%s%s%n", seed, startBlock, startTime,
                blockTime.getSeconds(), bootstrap, topics.prefix().isEmpty() ? "" : " (topic prefix " + topics.prefix() + ")",
                resumeAt.isPresent() ? String.format(", resuming at block %,d", firstPublished) : "");
        final SyntheticChain chain = start.parentHash()
                .map(parent -> new SyntheticChain(seed, startBlock, startTime.getEpochSecond(), blockTime.getSeconds(),
                        Scenario.MARKET, parent))
                .orElseGet(() -> new SyntheticChain(seed, startBlock, startTime.getEpochSecond(), blockTime.getSeconds(),
                        Scenario.MARKET));
        // Resuming: the economy evolves block by block, so the blocks before are generated again, not sent.
        while (chain.nextBlockNumber() < firstPublished) {
            chain.nextBlock();
        }
        SimulationSupport.registerPools(bootstrap, chain, topics);

        final AtomicBoolean stop = new AtomicBoolean();
        final CountDownLatch stopped = new CountDownLatch(1);
        final Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                stopped.await(15, TimeUnit.SECONDS);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "soba-simulate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        final Map<String, Long> injected = new TreeMap<>();
        final DeliveryFailures failures = new DeliveryFailures();
        long records = 0;
        long blocks = 0;
        long ticks = 0;
        final long started = System.nanoTime();
        final long deadline = duration == null ? Long.MAX_VALUE : started + duration.toNanos();
        final Progress progress = duration != null && maxBlocks == Long.MAX_VALUE && rate > 0
                ? new Progress(System.err, "simulate records", rate * duration.toSeconds())
                : new Progress(System.err, "simulate blocks", maxBlocks == Long.MAX_VALUE ? 0 : maxBlocks);
        final boolean countBlocks = !(duration != null && maxBlocks == Long.MAX_VALUE && rate > 0);
        try (Producer<byte[], byte[]> producer = SimulationSupport.producer(bootstrap, deliveryTimeout);
             BufferedWriter truth = truthFile == null ? null : Files.newBufferedWriter(truthFile, StandardCharsets.UTF_8)) {
            final BlockPublisher publisher = new BlockPublisher(producer, SimulationSupport.topicForType(topics),
                    topics.groundTruth());
            // A failed record stops the run: carrying on would leave a gap in the chain.
            while (!stop.get() && !failures.any() && blocks < maxBlocks && System.nanoTime() < deadline) {
                final SyntheticBlock block = chain.nextBlock();
                records += publisher.publish(block, failures.callbackFor(block.number()), failures::any);
                blocks++;
                ticks += block.ticks().size();
                for (final GroundTruth event : block.groundTruth()) {
                    injected.merge(event.kind().wireName() + (event.reverted() ? " (reverted race)" : ""), 1L, Long::sum);
                    if (truth != null) {
                        truth.write(event.toJson());
                        truth.newLine();
                    }
                }
                progress.update(countBlocks ? blocks : records);
                pace(started, records, rate, deadline, stop);
            }
            producer.flush();
            progress.finish(countBlocks ? blocks : records);
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (final IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waits for this
            }
        }
        final double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("simulated blocks %,d to %,d (seed %d): %,d records in %.1f s (%,.0f/s), %,d of them exchange ticks%n",
                firstPublished, firstPublished + blocks - 1, seed, records, seconds, records / Math.max(seconds, 1e-3), ticks);
        out.printf("injected: %s%s%n", injected.isEmpty() ? "nothing yet" : injected.toString().replaceAll("[{}]", ""),
                truthFile == null ? "" : "; ground truth also in " + truthFile);
        if (failures.any()) {
            final long resume = failures.lowestBlock();
            final StringBuilder command = new StringBuilder("./soba simulate --seed ").append(seed)
                    .append(" --start-block ").append(startBlock).append(" --start-time ").append(startTime)
                    .append(" --block-time ").append(blockTime.getSeconds()).append('s')
                    .append(" --resume-at ").append(resume);
            start.parentHash().ifPresent(parent -> command.append(" --parent-hash ").append(parent));
            if (!topics.prefix().isEmpty()) {
                command.append(" --topic-prefix ").append(topics.prefix());
            }
            command.append(" --bootstrap-servers ").append(bootstrap);
            if (maxBlocks != Long.MAX_VALUE) {
                command.append(" --blocks ").append(maxBlocks - (resume - firstPublished));
            }
            System.err.printf("simulate: stopped: %,d records of block %,d and later could not be written within the "
                            + "delivery timeout (%d s): %s%nblocks before %,d are written; nothing later is sent. "
                            + "Resume with:%n  %s%n", failures.count(), resume, deliveryTimeout.toSeconds(),
                    failures.first().getMessage(), resume, command);
            return 1;
        }
        return 0;
    }

    /** The records the broker refused after all retries: how many, the first error, the lowest block they belong to. */
    private static final class DeliveryFailures {
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong lowestBlock = new AtomicLong(Long.MAX_VALUE);
        private final AtomicReference<Exception> first = new AtomicReference<>();

        Callback callbackFor(final long block) {
            return (metadata, error) -> {
                if (error != null) {
                    first.compareAndSet(null, error);
                    lowestBlock.accumulateAndGet(block, Math::min);
                    count.incrementAndGet();
                }
            };
        }

        boolean any() {
            return count.get() > 0;
        }

        long count() {
            return count.get();
        }

        long lowestBlock() {
            return lowestBlock.get();
        }

        Exception first() {
            return first.get();
        }
    }

    /** Sleeps until the records sent so far are due at {@code rate} per second (no later than the deadline). */
    private static void pace(final long started, final long records, final long rate, final long deadline,
                             final AtomicBoolean stop) throws InterruptedException {
        if (rate == 0) {
            return;
        }
        final long due = Math.min(started + (long) (records * 1e9 / rate), deadline);
        while (!stop.get()) {
            final long ahead = due - System.nanoTime();
            if (ahead <= 0) {
                return;
            }
            Thread.sleep(Math.min(ahead / 1_000_000 + 1, 200));
        }
    }

    /** {@code 90s}, {@code 500ms}, {@code 10m}, {@code 1h} or ISO-8601 ({@code PT1M30S}). */
    static Duration duration(final String text) {
        final Matcher m = SHORT_DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            final long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            final Duration parsed = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            if (parsed.isNegative() || parsed.isZero()) {
                throw new Args.UsageException("a duration must be positive, got '" + text + "'");
            }
            return parsed;
        } catch (final DateTimeParseException e) {
            throw new Args.UsageException("not a duration: '" + text + "' (use 90s, 10m, 1h or PT1M30S)");
        }
    }

    private static Instant instant(final String text) {
        if ("now".equalsIgnoreCase(text.trim())) {
            return Instant.ofEpochSecond(Instant.now().getEpochSecond());
        }
        try {
            return Instant.parse(text.trim());
        } catch (final DateTimeParseException e) {
            throw new Args.UsageException("--start-time must be ISO-8601 (2024-01-01T00:00:00Z) or now, got '" + text + "'");
        }
    }
}
