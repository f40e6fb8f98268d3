package dev.soba.streams.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soba.streams.cli.Args;
import dev.soba.streams.embedded.AppInstance;
import dev.soba.streams.embedded.BrokerLogLevels;
import dev.soba.streams.embedded.EmbeddedServers;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.simulator.SyntheticBlock;
import dev.soba.streams.simulator.SyntheticChain;
import dev.soba.streams.topology.ProducerSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./soba bench queries}: interactive queries under concurrent load. Two instances of this
 * application (two JVMs, as an operator runs them) on embedded Kafka, PostgreSQL and Redis; blocks
 * preloaded; then closed-loop load from C client threads against instance A for (1) a trivial
 * endpoint of the same server, (2) blocks A owns (read from its local store) and (3) blocks the
 * other instance owns (forwarded server-side). Requests/s and latency percentiles of each.
 */
public final class QueryBench {

    public static final String USAGE = """
            usage: soba bench queries [--blocks N] [--concurrency C] [--duration SECONDS] [--warmup SECONDS] [--seed S]
            Starts embedded Kafka, PostgreSQL and Redis and two instances of this application (two JVMs,
            4 partitions), preloads N blocks (default 2000), then drives instance A with C client threads
            (default 16) for SECONDS (default 10, after a warm-up of 3) per workload: a trivial endpoint
            (/q/health/live), GET /api/v1/blocks/{n} for blocks A owns (local store), and for blocks the
            other instance owns (forwarded), and depth-2 transaction graphs of a busy address and its peers
            (each hop read on both instances). Prints requests/s and p50/p90/p99/max latency of each.""";
    private static final Duration READY = Duration.ofMinutes(3);
    private static final int PARTITIONS = 4;
    /** The header the API's query responder names the answering instance in. */
    private static final String ANSWERED_BY = "X-Soba-Answered-By";

    private QueryBench() {
    }

    public static int run(final Args args, final PrintStream out) throws Exception {
        final int blocks = (int) args.longOption("blocks", 2000);
        final int concurrency = (int) args.longOption("concurrency", 16);
        final Duration duration = Duration.ofSeconds(args.longOption("duration", 10));
        final Duration warmup = Duration.ofSeconds(args.longOption("warmup", 3));
        final long seed = args.longOption("seed", 11);
        if (blocks < 10 || concurrency < 1 || duration.isZero() || duration.isNegative() || warmup.isNegative()) {
            throw new Args.UsageException("--blocks must be at least 10, --concurrency and --duration positive");
        }
        final Path jar = AppInstance.runningJar();
        BrokerLogLevels.quietUnlessConfigured();
        final Path dir = Files.createTempDirectory("soba-bench-queries-");
        final List<AppInstance> instances = new ArrayList<>();
        try (EmbeddedServers servers = EmbeddedServers.start(dir.resolve("servers"), EmbeddedServers.Ports.random())) {
            // the instances create it at start (soba.api.bootstrap-key), as an operator's deployment would
            final String key = "bench-queries-" + UUID.randomUUID() + UUID.randomUUID();
            final String applicationId = "soba-bench-queries-" + UUID.randomUUID().toString().substring(0, 8);
            final String forwardSecret = UUID.randomUUID().toString();
            System.err.printf("bench: starting two instances of %s%n", jar);
            for (final String name : List.of("a", "b")) {
                instances.add(AppInstance.start(name, jar, AppInstance.freePort(),
                        instanceProperties(servers, applicationId, forwardSecret, key, dir.resolve(name + "-state")), dir.resolve(name + ".log")));
            }
            for (final AppInstance instance : instances) {
                instance.awaitReady(READY);
            }
            final AppInstance a = instances.get(0);
            final List<Long> numbers = preload(servers.bootstrapServers(), blocks, seed);
            final List<String> graphs = preloadGraph(servers.bootstrapServers());
            System.err.printf("bench: %,d blocks preloaded; waiting until instance a answers every one%n", blocks);
            final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            final List<String> local = new ArrayList<>();
            final List<String> forwarded = new ArrayList<>();
            final String self = "localhost:" + a.port();
            for (final long number : numbers) {
                final String path = "/api/v1/blocks/" + number;
                final String owner = awaitAnswer(http, a, path, key);
                (owner.equals(self) ? local : forwarded).add(path);
            }
            for (final String path : graphs) {
                awaitGraph(http, a, path, key);
            }
            System.err.printf("bench: %,d blocks owned by a, %,d by b; load: %d client threads, %s warm-up, %s per workload%n",
                    local.size(), forwarded.size(), concurrency, warmup, duration);
            final List<Row> rows = new ArrayList<>();
            rows.add(load(http, a, "trivial: GET /q/health/live", List.of("/q/health/live"), null, concurrency, warmup, duration));
            rows.add(load(http, a, "local key: GET /api/v1/blocks/{n}", local, key, concurrency, warmup, duration));
            rows.add(load(http, a, "forwarded key: GET /api/v1/blocks/{n}", forwarded, key, concurrency, warmup, duration));
            rows.add(load(http, a, "depth-2 graph, 100 nodes, both instances", graphs, key, concurrency, warmup, duration));

            out.printf("Soba DEX Streams interactive-query benchmark — %s, JDK %s, %d cores; 2 instances, embedded servers "
                            + "and the load generator on the same machine%n",
                    Instant.now().toString().substring(0, 10), Runtime.version(), Runtime.getRuntime().availableProcessors());
            out.printf("%-40s %10s %10s %9s %9s %9s %9s %7s%n", "workload (instance a)", "requests", "req/s",
                    "p50 ms", "p90 ms", "p99 ms", "max ms", "errors");
            for (final Row row : rows) {
                out.printf("%-40s %,10d %,10.0f %9.2f %9.2f %9.2f %9.2f %,7d%n", row.name(), row.requests(), row.rate(),
                        row.p50(), row.p90(), row.p99(), row.max(), row.errors());
            }
            out.printf("(%d client threads in closed loop, %s per workload after %s warm-up; a request counts as an error "
                    + "unless it answers 200; %,d blocks in %d partitions)%n", concurrency, duration, warmup, blocks, PARTITIONS);
            return rows.stream().anyMatch(row -> row.requests() == 0) ? 1 : 0;
        } finally {
            for (final AppInstance instance : instances) {
                instance.close();
            }
            BenchCommand.deleteQuietly(dir);
        }
    }

    private record Row(String name, long requests, double rate, double p50, double p90, double p99, double max, long errors) {
    }

    static Map<String, String> instanceProperties(final EmbeddedServers servers, final String applicationId,
                                                  final String forwardSecret, final String key, final Path stateDir) {
        final Map<String, String> properties = new HashMap<>();
        properties.put("soba.kafka.bootstrap-servers", servers.bootstrapServers());
        properties.put("quarkus.datasource.reactive.url", servers.reactiveUrl());
        properties.put("quarkus.datasource.username", servers.postgres().username());
        properties.put("quarkus.datasource.password", servers.postgres().password());
        properties.put("quarkus.redis.hosts", servers.redisUrl());
        properties.put("soba.topics.partitions", Integer.toString(PARTITIONS));
        properties.put("soba.advertised-host", "localhost");
        properties.put("soba.query.forward-secret", forwardSecret);
        properties.put("soba.api.bootstrap-key", key);
        properties.put("soba.api.bootstrap-key-rate-limit", "read=1000000000/1s,admin=1000000/1s");
        properties.put("quarkus.kafka-streams.application-id", applicationId);
        properties.put("kafka-streams.state.dir", stateDir.toString());
        properties.put("quarkus.log.level", "WARN");
        return properties;
    }

    /** Blocks of the demo's synthetic chain (headers only: the queries read the blocks store). */
    private static List<Long> preload(final String bootstrap, final int count, final long seed) {
        final SyntheticChain chain = new SyntheticChain(seed, 20_000_000L, Instant.parse("2024-06-01T00:00:00Z").getEpochSecond());
        final List<Long> numbers = new ArrayList<>(count);
        try (Producer<byte[], byte[]> producer = new KafkaProducer<>(ProducerSettings.idempotent(bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                final SyntheticBlock block = chain.nextBlock();
                final ObjectNode header = block.block();
                producer.send(new ProducerRecord<>("blocks", Json.write(header)));
                numbers.add(block.number());
            }
            producer.flush();
        }
        return numbers;
    }

    /** Peers of the busy address in the graph workload; each has {@link #GRAPH_FANOUT} counterparties of its own. */
    private static final int GRAPH_PEERS = 150;
    private static final int GRAPH_FANOUT = 8;
    private static final int GRAPH_ROOTS = 16;

    /**
     * A busy address (a hub with {@value #GRAPH_PEERS} counterparties, each with {@value #GRAPH_FANOUT}
     * of its own) as ethereum-etl transactions; the graph paths asked: the hub and some of its peers,
     * depth 2, the default node limit of 100.
     */
    private static List<String> preloadGraph(final String bootstrap) {
        final String hub = graphAddress(0, 0);
        final List<String> paths = new ArrayList<>();
        paths.add("/api/v1/blockchain/transaction-graph?depth=2&address=" + hub);
        long block = 30_000_000L;
        int index = 0;
        int sequence = 0;
        try (Producer<byte[], byte[]> producer = new KafkaProducer<>(ProducerSettings.idempotent(bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int peer = 1; peer <= GRAPH_PEERS; peer++) {
                final String address = graphAddress(peer, 0);
                if (paths.size() < GRAPH_ROOTS) {
                    paths.add("/api/v1/blockchain/transaction-graph?depth=2&address=" + address);
                }
                for (int other = 0; other <= GRAPH_FANOUT; other++) {
                    final String from = other == 0 ? hub : address;
                    final String to = other == 0 ? address : graphAddress(peer, other);
                    producer.send(new ProducerRecord<>("transactions", graphTransaction(++sequence, block, index, from, to)));
                    if (++index == 50) {
                        block++;
                        index = 0;
                    }
                }
            }
            producer.flush();
        }
        return paths;
    }

    private static String graphAddress(final int peer, final int other) {
        return String.format("0x%08x%032x", 0x9a9a0000 + peer, other);
    }

    private static byte[] graphTransaction(final int sequence, final long block, final int index, final String from,
                                           final String to) {
        final String hash = String.format("0x%064x", 0x9a9a00000000L + sequence);
        final String blockHash = String.format("0x%064x", 0x9b9b00000000L + block);
        return """
                {"type": "transaction", "hash": "%s", "nonce": %d, "transaction_index": %d, "from_address": "%s",
                 "to_address": "%s", "value": 1000000000000000, "gas": 21000, "gas_price": 20000000000, "input": "0x",
                 "block_timestamp": 1717200000, "block_number": %d, "block_hash": "%s", "receipt_status": 1}
                """.formatted(hash, sequence, index, from, to, block, blockHash).getBytes(StandardCharsets.UTF_8);
    }

    /** Asks until the graph is complete (the pipeline is still catching up). */
    private static void awaitGraph(final HttpClient http, final AppInstance instance, final String path, final String key)
            throws InterruptedException {
        final long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                final HttpResponse<String> response = http.send(request(instance, path, key), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"truncated\":true")) {
                    return;
                }
            } catch (final IOException retry) {
                // not answering yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(path + " not complete on instance " + instance.name() + " within " + READY
                + "; its log ends with:\n" + instance.logTail(40));
    }

    /** Asks until the block is answered (the pipeline is still catching up); returns who read it. */
    private static String awaitAnswer(final HttpClient http, final AppInstance instance, final String path,
                                      final String key) throws InterruptedException {
        final long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                final HttpResponse<Void> response = http.send(request(instance, path, key), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return response.headers().firstValue(ANSWERED_BY)
                            .orElseThrow(() -> new IllegalStateException("no " + ANSWERED_BY + " header on " + path));
                }
            } catch (final IOException retry) {
                // not answering yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(path + " not answered by instance " + instance.name() + " within " + READY
                + "; its log ends with:\n" + instance.logTail(40));
    }

    private static HttpRequest request(final AppInstance instance, final String path, final String key) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.baseUrl() + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request.build();
    }

    /** Closed-loop load: each thread sends its next request when the previous one answered. */
    private static Row load(final HttpClient http, final AppInstance instance, final String name, final List<String> paths,
                            final String key, final int threads, final Duration warmup, final Duration duration)
            throws Exception {
        if (paths.isEmpty()) {
            return new Row(name + " (no such keys)", 0, 0, 0, 0, 0, 0, 0);
        }
        final List<HttpRequest> requests = paths.stream().map(path -> request(instance, path, key)).toList();
        final ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            final long start = System.nanoTime();
            final long measureFrom = start + warmup.toNanos();
            final long end = measureFrom + duration.toNanos();
            final List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final SplittableRandom random = new SplittableRandom(t);
                results.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 14];
                    int n = 0;
                    long errors = 0;
                    while (true) {
                        final long sent = System.nanoTime();
                        if (sent >= end) {
                            break;
                        }
                        boolean ok;
                        try {
                            ok = http.send(requests.get(random.nextInt(requests.size())),
                                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                        } catch (final IOException e) {
                            ok = false;
                        }
                        final long done = System.nanoTime();
                        if (sent >= measureFrom && done <= end) {
                            if (n == latencies.length) {
                                latencies = Arrays.copyOf(latencies, n * 2);
                            }
                            latencies[n++] = done - sent;
                            if (!ok) {
                                errors++;
                            }
                        }
                    }
                    final long[] result = Arrays.copyOf(latencies, n + 1);
                    result[n] = errors;
                    return result;
                }));
            }
            final List<Long> all = new ArrayList<>();
            long errors = 0;
            for (final Future<long[]> result : results) {
                final long[] values = result.get();
                for (int i = 0; i < values.length - 1; i++) {
                    all.add(values[i]);
                }
                errors += values[values.length - 1];
            }
            final long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return new Row(name, 0, 0, 0, 0, 0, 0, errors);
            }
            return new Row(name, sorted.length, sorted.length / (duration.toNanos() / 1e9),
                    millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99), sorted[sorted.length - 1] / 1e6, errors);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double millis(final long[] sorted, final double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
