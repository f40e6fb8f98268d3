package dev.soba.streams.cli;

import dev.soba.streams.ingest.ChainIngester;
import dev.soba.streams.ingest.IngestSettings;
import dev.soba.streams.ingest.StartBlock;
import dev.soba.streams.ingest.TraceSource;
import dev.soba.streams.ingest.rpc.RpcException;
import dev.soba.streams.topology.Topics;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./soba ingest --rpc URL}: live chain ingestion from a node's JSON-RPC into the input topics, in
 * ethereum-etl's stream format, following re-organisations and resuming where it stopped (see
 * {@code ingest/README.md}). Runs until Ctrl-C, or until {@code --end-block} is ingested.
 */
public final class IngestCommand {

    public static final String USAGE = """
            usage: soba ingest --rpc URL [--from-block N|latest] [--end-block N] [--confirmations K]
                               [--traces parity|geth|none] [--batch N] [--rate R] [--state-key KEY]
                               [--bootstrap-servers HOST:PORT] [--topic-prefix PREFIX]
            Follows a node's chain by hash and writes blocks, transactions, logs, token transfers, traces,
            contracts and tokens to the input topics exactly as ethereum-etl's stream does. A re-organisation
            re-emits the new canonical blocks (the pipeline retracts the old ones); a restart resumes after the
            last committed block (state on <prefix>ingest_state, written in the same Kafka transaction as the
            items). --from-block (default latest) applies to a first start only; --confirmations K stays K
            blocks behind the head; --traces parity (trace_block, default), geth (debug_traceBlockByHash with
            callTracer) or none; --batch blocks per transaction (10); --rate RPC requests per second (0: no
            limit). Runs until Ctrl-C, or until --end-block is ingested.""";

    private static final long PROGRESS_SECONDS = 5;

    private IngestCommand() {
    }

    public static int run(final String[] argv, final PrintStream out) throws Exception {
        final Args args = Args.parse(argv, Set.of("rpc", "from-block", "end-block", "confirmations", "traces", "batch",
                "rate", "state-key", "topic-prefix", "bootstrap-servers"), Set.of());
        if (!args.positional().isEmpty()) {
            throw new Args.UsageException("ingest takes no positional arguments, got " + args.positional());
        }
        final String rpc = args.option("rpc").orElseThrow(() -> new Args.UsageException("ingest needs --rpc URL"));
        final CliConfig config = CliConfig.load();
        final String bootstrap = args.option("bootstrap-servers").orElseGet(() -> config.get("soba.kafka.bootstrap-servers"));
        final Topics topics = new Topics(args.option("topic-prefix").orElse(config.find("soba.topics.prefix").orElse("")));
        final IngestSettings settings = settings(args, rpc, bootstrap, topics);
        final ChainIngester ingester;
        try {
            ingester = ChainIngester.open(settings);
        } catch (final RpcException | IllegalStateException e) {
            System.err.println("soba ingest: " + e.getMessage());
            return 1;
        }
        final Thread hook = new Thread(ingester::stop, "ingest-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        final ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
            final Thread thread = new Thread(r, "ingest-progress");
            thread.setDaemon(true);
            return thread;
        });
        progress.scheduleAtFixedRate(() -> System.err.println(ingester.metrics().progressLine()),
                PROGRESS_SECONDS, PROGRESS_SECONDS, TimeUnit.SECONDS);
        out.printf("ingesting chain %d from %s into %s (state '%s' on %s), next block %,d%n", ingester.chainId(), rpc,
                bootstrap, ingester.stateKey(), settings.stateTopic(), ingester.next());
        try {
            ingester.run();
            out.println(ingester.metrics().progressLine());
            return 0;
        } catch (final RpcException e) {
            System.err.println("soba ingest: " + e.getMessage() + (e.kind() == RpcException.Kind.UNSUPPORTED
                    && e.method().startsWith("trace_") ? " (the node has no Parity traces: try --traces geth or none)"
                    : e.kind() == RpcException.Kind.UNSUPPORTED && e.method().startsWith("debug_")
                    ? " (the node has no geth tracer: try --traces parity or none)" : ""));
            out.println(ingester.metrics().progressLine());
            return 1;
        } finally {
            progress.shutdownNow();
            ingester.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (final IllegalStateException shuttingDown) {
                // the hook is running: nothing to remove
            }
        }
    }

    static IngestSettings settings(final Args args, final String rpc, final String bootstrap, final Topics topics) {
        try {
            IngestSettings settings = IngestSettings.defaults(rpc, bootstrap, topics)
                    .withConfirmations(Math.toIntExact(args.longOption("confirmations", 0)))
                    .withBatch(Math.toIntExact(args.longOption("batch", IngestSettings.DEFAULT_BATCH)))
                    .withRate(args.longOption("rate", 0));
            if (args.option("from-block").isPresent()) {
                settings = settings.withStartBlock(StartBlock.parse(args.option("from-block").get()));
            }
            if (args.option("end-block").isPresent()) {
                settings = settings.withEndBlock(args.longOption("end-block", 0));
            }
            if (args.option("traces").isPresent()) {
                settings = settings.withTraces(TraceSource.parse(args.option("traces").get()));
            }
            if (args.option("state-key").isPresent()) {
                settings = settings.withStateKey(args.option("state-key").get());
            }
            return settings;
        } catch (final IllegalArgumentException | ArithmeticException e) {
            throw new Args.UsageException(e.getMessage());
        }
    }
}
