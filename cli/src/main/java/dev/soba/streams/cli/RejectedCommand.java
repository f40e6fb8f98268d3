package dev.soba.streams.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.topology.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code ./soba rejected}: the records the pipeline set aside, newest last, filtered; {@code --follow} keeps printing. */
public final class RejectedCommand {

    public static final String USAGE = """
            usage: soba rejected [--topic SOURCE_TOPIC] [--reason TEXT] [--since 10m|ISO-8601|EPOCH_MILLIS] [--limit 20]
                                 [--follow] [--bootstrap-servers HOST:PORT] [--topic-prefix PREFIX]
            Prints the newest --limit records of rejected_records (oldest of them first), one JSON object per line as
            they are on the topic: reason, field, violations, source topic/partition/offset, the original text (or
            base64) and rejected_at. --topic keeps those read from one input topic (e.g. blocks), --reason those whose
            reason, or a violation's reason or field, contains TEXT (any case), --since those rejected at or after a
            time (10m: ten minutes ago). --follow then prints each new match as it is rejected, until Ctrl-C. At most
            the newest 200,000 records are read per question; a note on stderr says when older ones were left.""";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private RejectedCommand() {
    }

    public static int run(final String[] argv, final PrintStream out) {
        final Args args = Args.parse(argv, Set.of("topic", "reason", "since", "limit", "bootstrap-servers", "topic-prefix"),
                Set.of("follow"));
        if (!args.positional().isEmpty()) {
            throw new Args.UsageException("rejected takes no positional arguments, got " + args.positional());
        }
        final long limit = args.longOption("limit", 20);
        if (limit < 0 || limit > 100_000) {
            throw new Args.UsageException("--limit must be between 0 and 100000");
        }
        final RejectedRecords.Filter filter = new RejectedRecords.Filter(args.option("topic"), args.option("reason"),
                args.option("since").map(text -> OptionalLong.of(since(text, Instant.now()))).orElse(OptionalLong.empty()));
        final CliConfig config = CliConfig.load();
        final String bootstrap = args.option("bootstrap-servers").orElseGet(() -> config.get("soba.kafka.bootstrap-servers"));
        final Topics topics = new Topics(args.option("topic-prefix").orElse(config.find("soba.topics.prefix").orElse("")));

        if (limit > 0) {
            final RejectedRecords.Page page = RejectedRecords.newest(bootstrap, topics.rejected(), filter, (int) limit, TIMEOUT);
            page.records().forEach(record -> print(out, record));
            if (!page.complete()) {
                System.err.printf("rejected: read the newest %,d records of %s; older ones were not looked at "
                        + "(narrow with --since)%n", page.scanned(), topics.rejected());
            }
        }
        if (!args.flag("follow")) {
            return 0;
        }
        final AtomicBoolean stop = new AtomicBoolean();
        final CountDownLatch stopped = new CountDownLatch(1);
        final Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "soba-rejected-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RejectedRecords.follow(bootstrap, topics.rejected(), filter, record -> print(out, record), stop::get, TIMEOUT);
        } finally {
            stopped.countDown();
        }
        return 0;
    }

    /** Follows until {@code stop}; for tests and embedding. */
    static void follow(final String bootstrap, final Topics topics, final RejectedRecords.Filter filter,
                       final PrintStream out, final AtomicBoolean stop) {
        RejectedRecords.follow(bootstrap, topics.rejected(), filter, record -> print(out, record), stop::get, TIMEOUT);
    }

    private static void print(final PrintStream out, final JsonNode record) {
        out.println(new String(Json.write(record), StandardCharsets.UTF_8));
        out.flush();
    }

    /** {@code 10m} (ago), ISO-8601 or epoch millis. */
    static long since(final String text, final Instant now) {
        final String trimmed = text.trim();
        if (trimmed.matches("\\d+(ms|s|m|h)")) {
            return now.minus(SimulateCommand.duration(trimmed)).toEpochMilli();
        }
        if (trimmed.matches("\\d{10,}")) {
            return Long.parseLong(trimmed);
        }
        try {
            return Instant.parse(trimmed).toEpochMilli();
        } catch (final DateTimeParseException e) {
            throw new Args.UsageException("--since is 10m (ago), ISO-8601 (2024-01-05T00:00:00Z) or epoch millis, got '"
                    + text + "'");
        }
    }
}
