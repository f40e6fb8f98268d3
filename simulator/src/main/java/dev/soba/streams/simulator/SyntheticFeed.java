package dev.soba.streams.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces a {@link SyntheticChain} to Kafka, one block per period, as ethereum-etl's
 * {@code stream --output kafka} would: one JSON item per message, no key, each type to its topic
 * (and, for the market simulator, its exchange ticks and ground truth: see {@link BlockPublisher}).
 *
 * <p>Time: a chain made by {@link #wallClockChain} is aligned to the wall clock, block
 * {@code n} being the slot {@code GENESIS + n * period}. Its timestamps therefore advance by the
 * period (3 s by default), not mainnet's 12 s: event-time windows over synthetic swaps then line
 * up with real-time market ticks, no block carries a future timestamp, and a restart continues
 * at the current slot instead of reusing heights. A restart within the same slot regenerates
 * that height with the same hash and item ids (see {@link SyntheticChain}); heights skipped while
 * stopped are simply absent, as after a node outage.
 *
 * <p>The caller owns the producer: {@link #close()} stops the schedule and flushes, it does not
 * close the producer.
 */
public final class SyntheticFeed implements AutoCloseable {

    /** Slot 0 of wall-clock-aligned chains. */
    public static final Instant GENESIS = Instant.parse("2024-01-01T00:00:00Z");
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticFeed.class);

    private final SyntheticChain chain;
    private final Producer<byte[], byte[]> producer;
    private final BlockPublisher publisher;
    private final Duration period;
    /** Guards start/close; publishing has its own lock so close never waits behind a blocked send. */
    private final Object lifecycle = new Object();
    private final Object publishing = new Object();
    private ScheduledExecutorService scheduler;
    private volatile boolean closed;
    /** The first block a record of which could not be written; the feed sends nothing after it. */
    private final AtomicLong failedBlock = new AtomicLong(-1);

    /**
     * @param topicForType maps an item's {@code type} ({@code block}, {@code transaction}, {@code log},
     *                     {@code token_transfer}) to its topic, prefix included
     */
    public SyntheticFeed(final SyntheticChain chain, final Producer<byte[], byte[]> producer,
                         final Function<String, String> topicForType, final Duration period) {
        this(chain, producer, topicForType, null, period);
    }

    /** @param groundTruthTopic where the simulator's ground truth goes; null to send none */
    public SyntheticFeed(final SyntheticChain chain, final Producer<byte[], byte[]> producer,
                         final Function<String, String> topicForType, final String groundTruthTopic,
                         final Duration period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        this.chain = chain;
        this.producer = producer;
        this.publisher = new BlockPublisher(producer, topicForType, groundTruthTopic);
        this.period = period;
    }

    /** A feed of the wall-clock-aligned chain for {@code seed}, one block every {@link #DEFAULT_PERIOD}. */
    public static SyntheticFeed wallClock(final long seed, final Producer<byte[], byte[]> producer,
                                          final Function<String, String> topicForType) {
        return new SyntheticFeed(wallClockChain(seed, Instant.now(), DEFAULT_PERIOD), producer, topicForType,
                DEFAULT_PERIOD);
    }

    /**
     * The chain whose next block is the wall-clock slot containing {@code now}:
     * number {@code (now - GENESIS) / period}, timestamp {@code GENESIS + number * period}.
     */
    public static SyntheticChain wallClockChain(final long seed, final Instant now, final Duration period) {
        return wallClockChain(seed, now, period, Scenario.PLAIN);
    }

    /** The wall-clock chain of a scenario (see {@link #wallClockChain(long, Instant, Duration)}). */
    public static SyntheticChain wallClockChain(final long seed, final Instant now, final Duration period,
                                                final Scenario scenario) {
        final long secondsPerBlock = period.getSeconds();
        if (secondsPerBlock < 1 || period.getNano() != 0) {
            throw new IllegalArgumentException("block timestamps are whole seconds; period must be too: " + period);
        }
        final long genesis = GENESIS.getEpochSecond();
        if (now.getEpochSecond() < genesis) {
            throw new IllegalArgumentException("now is before the synthetic genesis " + GENESIS);
        }
        final long number = (now.getEpochSecond() - genesis) / secondsPerBlock;
        return new SyntheticChain(seed, number, genesis + number * secondsPerBlock, secondsPerBlock, scenario);
    }

    /** Publishes a block now and one every period after, on a daemon thread. */
    public void start() {
        synchronized (lifecycle) {
            if (closed || scheduler != null) {
                throw new IllegalStateException(closed ? "feed is closed" : "feed already started");
            }
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                final Thread thread = new Thread(runnable, "soba-synthetic-feed");
                thread.setDaemon(true);
                return thread;
            });
            LOG.info("synthetic chain feed starting at block {}, one block every {}", chain.nextBlockNumber(), period);
            scheduler.scheduleAtFixedRate(this::publishQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Generates the next block and sends its items; usable without {@link #start()} for bursts and tests.
     * Once a record could not be written (the producer gave up retrying), the feed stops rather than
     * leave a gap: this throws and the schedule ends (see {@link #stoppedAt()}).
     */
    public SyntheticBlock publishNextBlock() {
        synchronized (publishing) {
            if (closed) {
                throw new IllegalStateException("feed is closed");
            }
            if (failedBlock.get() >= 0) {
                throw new IllegalStateException("feed stopped at block " + failedBlock.get());
            }
            final SyntheticBlock block = chain.nextBlock();
            publisher.publish(block, (metadata, error) -> {
                if (error != null && failedBlock.compareAndSet(-1, block.number())) {
                    LOG.error("synthetic feed stopped: block {} could not be written ({}); the blocks before it are "
                            + "written and nothing after it is sent. Restart to resume: the feed continues at the "
                            + "wall-clock slot then, the heights in between stay absent as after a node outage",
                            block.number(), error.toString());
                }
            }, () -> failedBlock.get() >= 0);
            return block;
        }
    }

    /** The block at which the feed stopped because a record could not be written; empty while it runs. */
    public OptionalLong stoppedAt() {
        final long block = failedBlock.get();
        return block < 0 ? OptionalLong.empty() : OptionalLong.of(block);
    }

    /** Stops the schedule, waits for a block in progress, and flushes what was sent. Idempotent. */
    @Override
    public void close() {
        final ScheduledExecutorService running;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            running = scheduler;
        }
        if (running != null) {
            running.shutdown();
            try {
                if (!running.awaitTermination(period.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                    running.shutdownNow();
                }
            } catch (final InterruptedException e) {
                running.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        producer.flush();
    }

    /** A failed tick must not cancel the schedule, which is what an escaping exception does; a failed delivery ends it. */
    private void publishQuietly() {
        if (failedBlock.get() >= 0) {
            synchronized (lifecycle) {
                scheduler.shutdown();
            }
            return;
        }
        try {
            final SyntheticBlock block = publishNextBlock();
            LOG.debug("synthetic block {} with {} transactions sent", block.number(), block.transactions().size());
        } catch (final RuntimeException e) {
            LOG.warn("synthetic block not sent, continuing with the next one", e);
        }
    }
}
