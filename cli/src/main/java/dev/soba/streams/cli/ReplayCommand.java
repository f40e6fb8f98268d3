package dev.soba.streams.cli;

import dev.soba.streams.topology.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code ./soba replay FILE...}: produces files to the broker as their producers would have:
 * ethereum-etl JSON lines (bytes unchanged, each line to the topic of its {@code type}), exchange
 * trade CSVs to {@code market_ticks} and one-minute candle CSVs to {@code market_candles}. The
 * pipeline validates everything; lines that cannot even be routed are reported with file and line.
 */
public final class ReplayCommand {

    public static final String USAGE = """
            usage: soba replay FILE... [--rate ITEMS_PER_SECOND] [--topic-prefix PREFIX] [--bootstrap-servers HOST:PORT]
                                       [--exchange NAME] [--symbol BASE-QUOTE] [--venue NAME] [--pair BASE-QUOTE]
                                       [--from FILE:LINE] [--delivery-timeout 120s]
            Produces files to Kafka: ethereum-etl JSON lines (one item per line, routed by its "type"), Parity block
            files of mev-inspect-py (traces plus receipts; the traces go to the traces topic as ethereum-etl items),
            trade CSVs (header with price, quantity, timestamp; --exchange/--symbol when the file has no such
            columns) and one-minute candle CSVs (timestamp,open,high,low,close,volume; --venue, and --pair unless
            the file name says it, e.g. bybit_linear_ETHUSDT_1m.csv). --rate 0 (default) sends as fast as the
            broker takes them. Files must be UTF-8: a bad byte is reported as FILE:LINE before anything is sent.
            The producer retries for --delivery-timeout (default 120s); if lines still cannot be written, replay stops
            and prints the command that resumes with --from FILE:LINE (the first line not known to be written; the
            files before FILE and the lines before LINE are skipped).""";
    private static final int REPORTED_SKIPS = 10;

    private ReplayCommand() {
    }

    public static int run(final String[] argv, final PrintStream out) throws Exception {
        final Args args = Args.parse(argv, Set.of("rate", "topic-prefix", "bootstrap-servers", "exchange", "symbol",
                "venue", "pair", "from", "delivery-timeout"), Set.of());
        if (args.positional().isEmpty()) {
            throw new Args.UsageException("replay needs at least one FILE");
        }
        final CliConfig config = CliConfig.load();
        final String bootstrap = args.option("bootstrap-servers").orElseGet(() -> config.get("soba.kafka.bootstrap-servers"));
        final Topics topics = new Topics(args.option("topic-prefix").orElse(config.find("soba.topics.prefix").orElse("")));
        final long rate = args.longOption("rate", 0);
        if (rate < 0) {
            throw new Args.UsageException("--rate must not be negative");
        }
        final Duration deliveryTimeout = args.option("delivery-timeout").map(SimulateCommand::duration)
                .orElse(SimulateCommand.DEFAULT_DELIVERY_TIMEOUT);
        if (deliveryTimeout.compareTo(Duration.ofSeconds(11)) < 0) {
            throw new Args.UsageException("--delivery-timeout must be at least 11s (the producer's request timeout plus linger)");
        }
        final Optional<Position> from = args.option("from").map(text -> Position.parse(text, args.positional()));
        final ReplaySource.CsvDefaults defaults = new ReplaySource.CsvDefaults(args.option("exchange"),
                args.option("symbol"), args.option("venue"), args.option("pair"));
        final List<ReplaySource> sources = new ArrayList<>();
        long total = 0;
        for (final String name : args.positional()) {
            final Path file = Path.of(name);
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                throw new Args.UsageException("cannot read file " + name);
            }
            final ReplaySource source = ReplaySource.of(file, topics, defaults);
            sources.add(source);
            total += source.size();
        }

        final Map<String, Long> perTopic = new TreeMap<>();
        final List<String> skipped = new ArrayList<>();
        final AtomicLong skips = new AtomicLong();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicReference<Exception> firstFailure = new AtomicReference<>();
        final AtomicReference<Position> firstFailed = new AtomicReference<>();
        final Progress progress = new Progress(System.err, "replay", total);
        final Pacer pacer = new Pacer(rate);
        try (Producer<byte[], byte[]> producer = SimulationSupport.producer(bootstrap, deliveryTimeout)) {
            for (int index = 0; index < sources.size() && failed.get() == 0; index++) {
                final int fileIndex = index;
                final ReplaySource source = sources.get(index);
                if (from.isPresent() && fileIndex < from.get().fileIndex()) {
                    continue;
                }
                final long firstLine = from.isPresent() && fileIndex == from.get().fileIndex() ? from.get().line() : 1;
                source.forEach(line -> {
                    // A failed line stops the replay: sending on would leave a gap.
                    if (failed.get() > 0 || line.number() < firstLine) {
                        return;
                    }
                    if (line.topic().isEmpty()) {
                        skips.incrementAndGet();
                        if (skipped.size() < REPORTED_SKIPS) {
                            skipped.add(source.file() + ":" + line.number() + " (" + line.problem() + ")");
                        }
                    } else {
                        final Position position = new Position(fileIndex, source.file().toString(), line.number());
                        producer.send(new ProducerRecord<>(line.topic().get(), null, line.timestamp(),
                                line.key() == null ? null : line.key().getBytes(StandardCharsets.UTF_8), line.value()),
                                (metadata, error) -> {
                            if (error != null) {
                                firstFailure.compareAndSet(null, error);
                                firstFailed.accumulateAndGet(position, Position::earliest);
                                failed.incrementAndGet();
                            }
                        });
                        perTopic.merge(line.topic().get(), 1L, Long::sum);
                        pacer.pace(sent.incrementAndGet());
                    }
                    progress.update(sent.get() + skips.get());
                });
            }
            producer.flush();
        }
        progress.finish(sent.get() + skips.get());
        perTopic.forEach((topic, count) -> out.printf("  %-28s %,d%n", topic, count));
        out.printf("replayed %,d items to %s%s%n", sent.get() - failed.get(), bootstrap,
                skips.get() > 0 ? String.format("; %,d lines skipped: %s%s", skips.get(),
                        String.join(", ", skipped), skips.get() > skipped.size() ? ", …" : "") : "");
        if (failed.get() > 0) {
            final Position resume = firstFailed.get();
            final List<String> command = new ArrayList<>(List.of("./soba", "replay"));
            command.addAll(args.positional());
            command.addAll(List.of("--from", resume.file() + ":" + resume.line(), "--bootstrap-servers", bootstrap));
            if (!topics.prefix().isEmpty()) {
                command.addAll(List.of("--topic-prefix", topics.prefix()));
            }
            defaults.exchange().ifPresent(v -> command.addAll(List.of("--exchange", v)));
            defaults.symbol().ifPresent(v -> command.addAll(List.of("--symbol", v)));
            defaults.venue().ifPresent(v -> command.addAll(List.of("--venue", v)));
            defaults.pair().ifPresent(v -> command.addAll(List.of("--pair", v)));
            System.err.printf("replay: stopped: %,d items could not be written within the delivery timeout (%d s): %s%n"
                            + "the lines before %s:%d are written; nothing later is sent. Resume with:%n  %s%n",
                    failed.get(), deliveryTimeout.toSeconds(), firstFailure.get().getMessage(), resume.file(),
                    resume.line(), String.join(" ", command));
            return 1;
        }
        return skips.get() > 0 ? 1 : 0;
    }

    /** A line of one of the files given, in the order they were given. */
    record Position(int fileIndex, String file, long line) {

        static Position earliest(final Position a, final Position b) {
            if (a == null) {
                return b;
            }
            return a.fileIndex() < b.fileIndex() || (a.fileIndex() == b.fileIndex() && a.line() <= b.line()) ? a : b;
        }

        /** {@code FILE:LINE}, FILE one of {@code files} as given. */
        static Position parse(final String text, final List<String> files) {
            final int colon = text.lastIndexOf(':');
            if (colon <= 0) {
                throw new Args.UsageException("--from must be FILE:LINE, got '" + text + "'");
            }
            final String file = text.substring(0, colon);
            final long line;
            try {
                line = Long.parseLong(text.substring(colon + 1));
            } catch (final NumberFormatException e) {
                throw new Args.UsageException("--from must be FILE:LINE with a line number, got '" + text + "'");
            }
            final int index = files.indexOf(file);
            if (index < 0 || line < 1) {
                throw new Args.UsageException("--from " + text + ": " + (index < 0
                        ? "FILE must be one of the files given, as given (" + String.join(", ", files) + ")"
                        : "LINE starts at 1"));
            }
            return new Position(index, file, line);
        }
    }

    /** Holds the send rate to {@code --rate} items per second (0: no limit). */
    private static final class Pacer {
        private final long nanosPerItem;
        private final long started = System.nanoTime();

        Pacer(final long rate) {
            this.nanosPerItem = rate == 0 ? 0 : 1_000_000_000L / rate;
        }

        void pace(final long sent) {
            if (nanosPerItem == 0) {
                return;
            }
            final long ahead = started + sent * nanosPerItem - System.nanoTime();
            if (ahead > 1_000_000) {
                try {
                    Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
