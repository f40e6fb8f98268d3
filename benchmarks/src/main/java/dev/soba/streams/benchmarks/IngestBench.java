package dev.soba.streams.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.cli.Args;
import dev.soba.streams.embedded.BrokerLogLevels;
import dev.soba.streams.embedded.EmbeddedKafka;
import dev.soba.streams.embedded.EmbeddedServers;
import dev.soba.streams.ingest.ChainIngester;
import dev.soba.streams.ingest.IngestSettings;
import dev.soba.streams.ingest.StartBlock;
import dev.soba.streams.ingest.devchain.Anvil;
import dev.soba.streams.ingest.devchain.UniswapV2;
import dev.soba.streams.ingest.rpc.Backoff;
import dev.soba.streams.ingest.rpc.EthNode;
import dev.soba.streams.ingest.rpc.JsonRpcClient;
import dev.soba.streams.topology.Topics;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ./soba bench ingest}: a local anvil chain of Uniswap V2 trading (the npm packages, see
 * {@code ingest/README.md}), then (a) the baseline: the very JSON-RPC requests the ingester makes per block
 * (full block, its receipts, its Parity traces), answered and parsed, nothing more; (b) the ingester on
 * the same blocks into an embedded broker: ethereum-etl mapping, token transfers, contracts, Kafka
 * transactions with the resume state. Blocks per second of both, and their ratio.
 */
public final class IngestBench {

    public static final String USAGE = """
            usage: soba bench ingest [--blocks N] [--swaps-per-block M] [--batch B] [--node-tools DIR]
            Starts anvil (npm @foundry-rs/anvil under DIR, default $SOBA_NODE_TOOLS or ../node-tools), deploys
            Uniswap V2 (npm @uniswap/v2-core and v2-periphery), mines N blocks (default 200) of M router swaps
            each (default 10), then measures (a) fetching each block's JSON-RPC answers (block, receipts,
            trace_block) and (b) ./soba ingest of the same blocks into an embedded broker (--batch blocks per
            Kafka transaction, default 10): blocks and items per second, and (b)/(a).""";

    private IngestBench() {
    }

    public static int run(final String[] argv, final PrintStream out) throws Exception {
        final Args args = Args.parse(argv, Set.of("blocks", "swaps-per-block", "batch", "node-tools"), Set.of());
        final long blocks = args.longOption("blocks", 200);
        final long swapsPerBlock = args.longOption("swaps-per-block", 10);
        final int batch = Math.toIntExact(args.longOption("batch", IngestSettings.DEFAULT_BATCH));
        if (blocks < 1 || swapsPerBlock < 1 || batch < 1) {
            throw new Args.UsageException("--blocks, --swaps-per-block and --batch must be positive");
        }
        final Path tools = Path.of(args.option("node-tools").orElse(Optional.ofNullable(System.getenv("SOBA_NODE_TOOLS"))
                .orElse("../node-tools")));
        final Path anvil = Anvil.binaryUnder(tools).orElseThrow(() -> new Args.UsageException("no anvil under " + tools
                + ": npm install --prefix " + tools + " @foundry-rs/anvil@1.7.1 @uniswap/v2-core@1.0.1"
                + " @uniswap/v2-periphery@1.1.0-beta.0 (or give --node-tools DIR)"));
        BrokerLogLevels.quietUnlessConfigured();
        final Path dir = Files.createTempDirectory("soba-bench-ingest-");
        final EmbeddedServers.Ports ports = EmbeddedServers.Ports.random();
        try (Anvil node = Anvil.start(anvil);
             EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), ports.kafka(), ports.kafkaController())) {
            System.err.printf("bench ingest: deploying Uniswap V2 and mining %,d blocks of %,d swaps%n", blocks, swapsPerBlock);
            final UniswapV2 uniswap = UniswapV2.deploy(node, tools);
            final long first = node.blockNumber() + 1;
            mine(node, uniswap, blocks, swapsPerBlock);
            final long last = node.blockNumber();

            // (a) the node's answers alone, once to warm up (JIT, connections), then measured
            fetchAll(node, first, last);
            final long rpcStart = System.nanoTime();
            final long transactions = fetchAll(node, first, last);
            final double rpcSeconds = (System.nanoTime() - rpcStart) / 1e9;

            // (b) the ingester, into Kafka; start-up (topics, transactional producer, state) timed apart
            final IngestSettings settings = IngestSettings.defaults(node.url(), kafka.bootstrapServers(), new Topics("bench_"))
                    .withStartBlock(new StartBlock.At(first)).withEndBlock(last).withBatch(batch);
            final long openStart = System.nanoTime();
            final long items;
            final long requests;
            final double ingestSeconds;
            final double openSeconds;
            try (ChainIngester ingester = ChainIngester.open(settings)) {
                openSeconds = (System.nanoTime() - openStart) / 1e9;
                final long ingestStart = System.nanoTime();
                ingester.run();
                ingestSeconds = (System.nanoTime() - ingestStart) / 1e9;
                items = ingester.metrics().getItems();
                requests = ingester.metrics().getRpcRequests();
            }

            final long count = last - first + 1;
            out.printf("Soba DEX Streams ingest benchmark — %s, JDK %s, %d cores, anvil and a KRaft broker on this machine%n",
                    Instant.now().toString().substring(0, 10), Runtime.version(), Runtime.getRuntime().availableProcessors());
            out.printf("%,d blocks, %,d transactions (%,d router swaps per block)%n", count, transactions, swapsPerBlock);
            out.printf("%-58s %10s %10s %8s%n", "measure", "blocks/s", "items/s", "vs (a)");
            out.printf("%-58s %,10.1f %10s %8s%n", "(a) JSON-RPC answers only (block, receipts, traces)", count / rpcSeconds,
                    "", "1.00");
            out.printf("%-58s %,10.1f %,10.0f %8.2f%n", "(b) ./soba ingest into Kafka (transactions of " + batch + " blocks)",
                    count / ingestSeconds, items / ingestSeconds, (count / ingestSeconds) / (count / rpcSeconds));
            out.printf("(b) wrote %,d items with %,d JSON-RPC requests (%.2f per block) in %.1f s, after %.1f s of start-up"
                    + " (topics, transactional producer, resume state)%n", items, requests, (double) requests / count,
                    ingestSeconds, openSeconds);
            return 0;
        } finally {
            BenchCommand.deleteQuietly(dir);
        }
    }

    /** Every block's answers, as the ingester asks for them; returns the number of transactions. */
    private static long fetchAll(final Anvil node, final long first, final long last) {
        long transactions = 0;
        try (JsonRpcClient rpc = new JsonRpcClient(node.url(), 0, Backoff.DEFAULT, 3, Duration.ofSeconds(30))) {
            final EthNode eth = new EthNode(rpc);
            for (long n = first; n <= last; n++) {
                final JsonNode block = eth.block(n).orElseThrow();
                transactions += eth.receipts(block).size();
                eth.parityTraces(n);
            }
        }
        return transactions;
    }

    private static void mine(final Anvil node, final UniswapV2 uniswap, final long blocks, final long swapsPerBlock) {
        node.automine(false);
        try {
            for (long b = 0; b < blocks; b++) {
                final List<String> sent = new ArrayList<>();
                for (long s = 0; s < swapsPerBlock; s++) {
                    final String trader = node.account(1 + (int) (s % 3));
                    final BigInteger amount = UniswapV2.E18.multiply(BigInteger.valueOf(1 + (b + s) % 50));
                    sent.add((b + s) % 2 == 0
                            ? uniswap.swap(trader, amount, uniswap.tokenA(), uniswap.tokenB())
                            : uniswap.swap(trader, amount, uniswap.tokenB(), uniswap.tokenA()));
                }
                node.mine();
                sent.forEach(node::awaitReceipt);
            }
        } finally {
            node.automine(true);
        }
    }
}
