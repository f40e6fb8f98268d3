package dev.soba.streams.api.cli;

import dev.soba.streams.cli.Args;
import dev.soba.streams.cli.CliConfig;
import dev.soba.streams.cli.SimulationSupport;
import dev.soba.streams.embedded.BrokerLogLevels;
import dev.soba.streams.embedded.EmbeddedServers;
import dev.soba.streams.embedded.PortInUseException;
import dev.soba.streams.simulator.Scenario;
import dev.soba.streams.simulator.SyntheticBlock;
import dev.soba.streams.simulator.SyntheticChain;
import dev.soba.streams.simulator.SyntheticFeed;
import dev.soba.streams.topology.TopicCreator;
import dev.soba.streams.topology.Topics;
import io.quarkus.runtime.Quarkus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;

/**
 * {@code ./soba demo}: everything on one machine with nothing installed. Starts real servers
 * in-process (KRaft Kafka broker, PostgreSQL, Redis) with their data under one directory, creates
 * the topics and an API key, feeds the market simulator (a synthetic ethereum-etl chain with its
 * traces, MEV bots and phishing drains, exchange ticks and ground truth), and runs the application
 * on them. Ctrl-C stops it all; the next start continues from the same data.
 */
final class DemoCommand {

    static final String USAGE = """
            usage: soba demo [--data-dir DIR] [--http-port 8080] [--kafka-port 9092] [--kafka-controller-port 9093]
                             [--postgres-port 15432] [--redis-port 16379] [--seed N] [--no-feed]
            Data lives under --data-dir (default ./.soba-data, or SOBA_DATA_DIR) and survives restarts. The feed is the
            market simulator (see simulate), one block every 3 s; --no-feed starts without it. Every port is checked
            before anything starts; a taken one is named with the option that moves it. PostgreSQL and Redis left
            running on the data directory by a killed demo are stopped first, and they never outlive the demo, even
            killed with kill -9. The API key is stable for the data directory (kept in DIR/demo-api-key, mode 600).""";
    private static final Duration READY_PATIENCE = Duration.ofSeconds(180);

    private DemoCommand() {
    }

    static int run(final String[] argv) throws Exception {
        final Args args = Args.parse(argv, Set.of("data-dir", "http-port", "kafka-port", "kafka-controller-port",
                "postgres-port", "redis-port", "seed"), Set.of("no-feed"));
        final Path dataDir = Path.of(args.option("data-dir")
                .orElse(System.getenv().getOrDefault("SOBA_DATA_DIR", ".soba-data"))).toAbsolutePath();
        final EmbeddedServers.Ports defaults = EmbeddedServers.Ports.defaults();
        final EmbeddedServers.Ports ports = new EmbeddedServers.Ports(
                (int) args.longOption("kafka-port", defaults.kafka()),
                (int) args.longOption("kafka-controller-port", defaults.kafkaController()),
                (int) args.longOption("postgres-port", defaults.postgres()),
                (int) args.longOption("redis-port", defaults.redis()));
        final int httpPort = (int) args.longOption("http-port", 8080);
        final long started = System.nanoTime();

        // Leftovers of a killed run on this directory are the demo's own: stopped, so their ports are free again.
        EmbeddedServers.stopLeftovers(dataDir);
        requireFreePorts(ports, httpPort);
        BrokerLogLevels.quietUnlessConfigured();
        System.err.println("soba demo: starting embedded Kafka, PostgreSQL and Redis under " + dataDir);
        final EmbeddedServers servers;
        try {
            servers = EmbeddedServers.start(dataDir, ports);
        } catch (final PortInUseException e) {
            throw new IllegalStateException(e.getMessage() + " (or pass --" + optionFor(e.server()) + " PORT)", e);
        }
        final Resources resources = new Resources(servers);
        final CountDownLatch applicationStopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                applicationStopped.await(30, TimeUnit.SECONDS);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            resources.close();
        }, "soba-demo-shutdown"));

        System.setProperty("soba.kafka.bootstrap-servers", servers.bootstrapServers());
        System.setProperty("quarkus.datasource.reactive.url", servers.reactiveUrl());
        System.setProperty("quarkus.datasource.username", servers.postgres().username());
        System.setProperty("quarkus.datasource.password", servers.postgres().password());
        System.setProperty("quarkus.redis.hosts", servers.redisUrl());
        System.setProperty("kafka-streams.state.dir", dataDir.resolve("streams").toString());
        System.setProperty("quarkus.http.port", Integer.toString(httpPort));

        final CliConfig config = CliConfig.load();
        final Topics topics = new Topics(config.find("soba.topics.prefix").orElse(""));
        final int partitions = Integer.parseInt(config.get("soba.topics.partitions"));
        TopicCreator.createMissing(servers.bootstrapServers(), SimulationSupport.topicsToCreate(topics, partitions, (short) 1),
                Duration.ofSeconds(60));

        final DemoKey key;
        try (KeyStoreConnection connection = KeyStoreConnection.open(servers.reactiveUrl(),
                servers.postgres().username(), servers.postgres().password())) {
            key = DemoKey.obtain(connection.store(), dataDir);
        }
        System.err.println("soba demo: API key " + key.secret() + (key.reused() ? " (the same as before" : " (new")
                + ", kept in " + key.file() + ")");

        final Example example;
        if (args.flag("no-feed")) {
            example = new Example(0, null, null, null);
        } else {
            final Producer<byte[], byte[]> producer = SimulationSupport.producer(servers.bootstrapServers(),
                    SimulationSupport.DEFAULT_DELIVERY_TIMEOUT);
            final SyntheticChain chain = SyntheticFeed.wallClockChain(args.longOption("seed", 1L), Instant.now(),
                    SyntheticFeed.DEFAULT_PERIOD, Scenario.MARKET);
            SimulationSupport.registerPools(servers.bootstrapServers(), chain, topics);
            final SyntheticFeed feed = new SyntheticFeed(chain, producer, SimulationSupport.topicForType(topics),
                    topics.groundTruth(), SyntheticFeed.DEFAULT_PERIOD);
            resources.feed(feed, producer);
            final SyntheticBlock first = feed.publishNextBlock();
            feed.start();
            example = Example.of(first, chain.searcherContracts().isEmpty() ? null : chain.searcherContracts().get(0));
        }

        final Thread banner = new Thread(() -> announceWhenReady(httpPort, key, servers, dataDir, example, started),
                "soba-demo-banner");
        banner.setDaemon(true);
        banner.start();
        // Quarkus' default exit handler calls System.exit, which never returns inside a signal's
        // shutdown; recording the code lets this method return and the servers stop promptly.
        final AtomicInteger exitCode = new AtomicInteger();
        Quarkus.run(null, (code, failure) -> exitCode.set(code));
        applicationStopped.countDown();
        resources.close();
        return exitCode.get();
    }

    /**
     * Fails within a second, naming every taken port and the option that moves it, instead of letting a
     * server (or the HTTP listener, after the whole start-up) fail late.
     */
    static void requireFreePorts(final EmbeddedServers.Ports ports, final int httpPort) {
        final Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put("http-port", httpPort);
        wanted.put("kafka-port", ports.kafka());
        wanted.put("kafka-controller-port", ports.kafkaController());
        wanted.put("postgres-port", ports.postgres());
        wanted.put("redis-port", ports.redis());
        if (wanted.values().stream().distinct().count() != wanted.size()) {
            throw new Args.UsageException("the ports must all differ: " + wanted);
        }
        final List<String> taken = new ArrayList<>();
        wanted.forEach((option, port) -> {
            // The HTTP server listens on every interface; the embedded servers on 127.0.0.1.
            if (!EmbeddedServers.isPortFree(port, option.equals("http-port"))) {
                taken.add("port " + port + " (" + describe(option) + ") is in use: stop what holds it, or choose another with --"
                        + option + " PORT");
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException(String.join("; ", taken));
        }
    }

    private static String describe(final String option) {
        return switch (option) {
            case "http-port" -> "the HTTP API";
            case "kafka-port" -> "Kafka";
            case "kafka-controller-port" -> "Kafka's controller";
            case "postgres-port" -> "PostgreSQL";
            default -> "Redis";
        };
    }

    private static String optionFor(final String server) {
        final String lower = server.toLowerCase();
        if (lower.contains("postgres")) {
            return "postgres-port";
        }
        if (lower.contains("redis")) {
            return "redis-port";
        }
        return lower.contains("controller") ? "kafka-controller-port" : "kafka-port";
    }

    private static void announceWhenReady(final int httpPort, final DemoKey key, final EmbeddedServers servers,
                                          final Path dataDir, final Example example, final long started) {
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        final HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        final long deadline = System.nanoTime() + READY_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    System.out.println(banner(httpPort, key, servers, dataDir, example,
                            (System.nanoTime() - started) / 1e9));
                    return;
                }
            } catch (final IOException notYet) {
                // the HTTP server is not listening yet
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(500);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        System.err.println("soba demo: not ready after " + READY_PATIENCE.toSeconds() + " s; see the log above");
    }

    private static String banner(final int port, final DemoKey key, final EmbeddedServers servers,
                                 final Path dataDir, final Example example, final double seconds) {
        final String base = "http://localhost:" + port;
        final String auth = "-H 'Authorization: Bearer " + key.secret() + "'";
        final StringBuilder text = new StringBuilder()
                .append("\n  Soba DEX Streams demo is ready (").append(String.format("%.1f", seconds)).append(" s)\n")
                .append("  data       ").append(dataDir).append('\n')
                .append("  Kafka      ").append(servers.bootstrapServers())
                .append("   PostgreSQL ").append(servers.reactiveUrl())
                .append("   Redis ").append(servers.redisUrl()).append('\n')
                .append("  API key    ").append(key.secret())
                .append(key.reused() ? "  (the same as at the last start" : "  (new")
                .append("; kept for this data directory in ").append(key.file()).append(", mode 600;\n")
                .append("              ./soba keys revoke ").append(key.id())
                .append(" replaces it at the next start; more keys with ./soba keys create --name NAME)\n\n")
                .append("  Try:\n");
        if (example.transactionHash() != null) {
            text.append("    curl -s ").append(auth).append(' ').append(base).append("/api/v1/blocks/").append(example.blockNumber()).append('\n')
                    .append("    curl -s ").append(auth).append(' ').append(base).append("/api/v1/transactions/").append(example.transactionHash()).append('\n')
                    .append("    curl -s ").append(auth).append(" '").append(base).append("/api/v1/addresses/").append(example.address())
                    .append("/transactions?limit=5'\n");
        } else {
            text.append("    curl -s ").append(auth).append(' ').append(base).append("/api/v1/blocks/1\n");
        }
        text.append("    curl -s ").append(auth).append(" '").append(base)
                .append("/api/v1/data/aggregate-market-data?pair=WETH-USDC&interval=1m'\n");
        if (example.searcher() != null) {
            text.append("    curl -s ").append(auth).append(" '").append(base).append("/api/v1/mev?searcher=")
                    .append(example.searcher()).append("&limit=5'   (a simulated sandwich bot; answers after ~15 s)\n");
        }
        text.append("    curl -s ").append(base).append("/q/health/ready\n")
                .append("  Ctrl-C stops everything; data stays in ").append(dataDir).append('\n');
        return text.toString();
    }

    /** A block, a transaction, an address and a searcher from the feed, for runnable example commands. */
    private record Example(long blockNumber, String transactionHash, String address, String searcher) {
        static Example of(final SyntheticBlock block, final String searcher) {
            if (block.transactions().isEmpty()) {
                return new Example(block.number(), null, null, searcher);
            }
            final var tx = block.transactions().get(0);
            return new Example(block.number(), tx.get("hash").asText(), tx.get("from_address").asText(), searcher);
        }
    }

    /** Everything the demo started, closed once, in reverse order, from Ctrl-C or a normal exit. */
    private static final class Resources {
        private final EmbeddedServers servers;
        private final AtomicBoolean closed = new AtomicBoolean();
        private SyntheticFeed feed;
        private Producer<byte[], byte[]> producer;

        Resources(final EmbeddedServers servers) {
            this.servers = servers;
        }

        synchronized void feed(final SyntheticFeed syntheticFeed, final Producer<byte[], byte[]> feedProducer) {
            this.feed = syntheticFeed;
            this.producer = feedProducer;
        }

        /** Synchronized: a second caller (the shutdown hook) waits until the first has finished. */
        synchronized void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            if (feed != null) {
                feed.close();
                producer.close(Duration.ofSeconds(5));
            }
            servers.close();
        }
    }
}
