package dev.soba.streams.benchmarks;

import dev.soba.streams.cli.Args;
import dev.soba.streams.embedded.AppInstance;
import dev.soba.streams.embedded.BrokerLogLevels;
import dev.soba.streams.embedded.EmbeddedServers;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * {@code ./soba bench nlp}: language detection and translation on request, beside a trivial
 * endpoint in the same run. One instance of the application (its own jar) on embedded servers, then
 * closed-loop load from C client threads: (1) {@code GET /q/health/live}, (2) {@code POST
 * /api/v1/nlp/detect-language}, (3) {@code POST /api/v1/nlp/translate} with a text translated
 * before (a Redis cache hit), (4) the same with a new text each time (Apertium translates it).
 */
public final class NlpBench {

    public static final String USAGE = """
            usage: soba bench nlp [--concurrency C] [--duration SECONDS] [--warmup SECONDS] [--accuracy low|low-refined|high]
            Starts one instance of the application on embedded servers (translation needs apertium-apy and a pair:
            apt-get install -y apertium apertium-apy apertium-eng-spa), then C client threads (default 8) in closed
            loop for SECONDS (default 10, after a warm-up of 3) per workload: a trivial endpoint (/q/health/live),
            detect-language, translate of one repeated text (cache hits) and of a new text each time (Apertium).
            Prints requests/s and p50/p90/p99/max latency of each.""";
    private static final Duration READY = Duration.ofMinutes(4);
    private static final List<String> SENTENCES = List.of(
            "The file could not be opened because another program is using it.",
            "Die Datei konnte nicht geöffnet werden, weil ein anderes Programm sie verwendet.",
            "No se pudo abrir el archivo porque otro programa lo está usando.",
            "Le fichier n'a pas pu être ouvert car un autre programme l'utilise.",
            "Il file non può essere aperto perché un altro programma lo sta usando.",
            "Het bestand kon niet worden geopend omdat een ander programma het gebruikt.",
            "Файл не удалось открыть, потому что его использует другая программа.",
            "Plik nie mógł zostać otwarty, ponieważ inny program go używa.");

    private NlpBench() {
    }

    public static int run(final String[] argv, final PrintStream out) throws Exception {
        final Args args = Args.parse(argv, Set.of("concurrency", "duration", "warmup", "accuracy"), Set.of());
        final int concurrency = (int) args.longOption("concurrency", 8);
        final Duration duration = Duration.ofSeconds(args.longOption("duration", 10));
        final Duration warmup = Duration.ofSeconds(args.longOption("warmup", 3));
        final String accuracy = args.option("accuracy").orElse("low");
        if (concurrency < 1 || duration.isZero() || duration.isNegative() || warmup.isNegative()) {
            throw new Args.UsageException("--concurrency and --duration must be positive");
        }
        final Path jar = AppInstance.runningJar();
        BrokerLogLevels.quietUnlessConfigured();
        final Path dir = Files.createTempDirectory("soba-bench-nlp-");
        try (EmbeddedServers servers = EmbeddedServers.start(dir.resolve("servers"), EmbeddedServers.Ports.random())) {
            final String key = "bench-nlp-" + UUID.randomUUID() + UUID.randomUUID();
            final Map<String, String> properties = QueryBench.instanceProperties(servers,
                    "soba-bench-nlp-" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID().toString(), key,
                    dir.resolve("state"));
            properties.put("soba.nlp.detection-accuracy", accuracy);
            System.err.printf("bench: starting an instance of %s%n", jar);
            try (AppInstance app = AppInstance.start("nlp", jar, AppInstance.freePort(), properties, dir.resolve("app.log"))) {
                app.awaitReady(READY);
                final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                awaitNlp(http, app, key);
                final List<Row> rows = new ArrayList<>();
                rows.add(load(http, "trivial: GET /q/health/live", n -> get(app, "/q/health/live"), concurrency, warmup, duration));
                rows.add(load(http, "POST /api/v1/nlp/detect-language", n -> post(app, key, "/api/v1/nlp/detect-language",
                        "{\"text\": \"" + SENTENCES.get((int) (n % SENTENCES.size())) + "\"}"), concurrency, warmup, duration));
                rows.add(load(http, "POST /api/v1/nlp/translate (cached)", n -> post(app, key, "/api/v1/nlp/translate",
                        "{\"text\": \"The house is big and the garden is beautiful.\", \"source\": \"en\", \"target\": \"es\"}"),
                        concurrency, warmup, duration));
                final String run = Long.toString(System.nanoTime());
                rows.add(load(http, "POST /api/v1/nlp/translate (Apertium)", n -> post(app, key, "/api/v1/nlp/translate",
                        "{\"text\": \"The house number " + run + n + " is big and the garden is beautiful.\", "
                                + "\"source\": \"en\", \"target\": \"es\"}"), concurrency, warmup, duration));
                out.printf("Soba DEX Streams NLP benchmark — %s, JDK %s, %d cores; one instance (Lingua %s accuracy, "
                                + "apertium-apy), embedded servers and the load generator on the same machine%n",
                        Instant.now().toString().substring(0, 10), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                        accuracy);
                out.printf("%-40s %10s %10s %9s %9s %9s %9s %7s%n", "workload", "requests", "req/s",
                        "p50 ms", "p90 ms", "p99 ms", "max ms", "errors");
                for (final Row row : rows) {
                    out.printf("%-40s %,10d %,10.0f %9.2f %9.2f %9.2f %9.2f %,7d%n", row.name(), row.requests(), row.rate(),
                            row.p50(), row.p90(), row.p99(), row.max(), row.errors());
                }
                out.printf("(%d client threads in closed loop, %s per workload after %s warm-up; a request counts as an error "
                        + "unless it answers 200)%n", concurrency, duration, warmup);
                return rows.stream().anyMatch(row -> row.requests() == 0) ? 1 : 0;
            }
        } finally {
            BenchCommand.deleteQuietly(dir);
        }
    }

    private record Row(String name, long requests, double rate, double p50, double p90, double p99, double max, long errors) {
    }

    /** Waits until translation answers (models loaded, apertium-apy started), or says why it cannot. */
    private static void awaitNlp(final HttpClient http, final AppInstance app, final String key) throws Exception {
        final long deadline = System.nanoTime() + READY.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            final HttpResponse<String> answer = http.send(post(app, key, "/api/v1/nlp/translate",
                    "{\"text\": \"Good morning\", \"source\": \"en\", \"target\": \"es\"}"), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                return;
            }
            last = answer.body();
            if (answer.body().contains("is unavailable")) {
                System.err.println("bench: translation is unavailable, its rows will be errors: " + last);
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("translation did not answer within " + READY + ": " + last);
    }

    private static HttpRequest get(final AppInstance app, final String path) {
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpRequest post(final AppInstance app, final String key, final String path, final String body) {
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Closed-loop load: each thread sends its next request when the previous one answered. */
    private static Row load(final HttpClient http, final String name, final LongFunction<HttpRequest> requests,
                            final int threads, final Duration warmup, final Duration duration) throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(threads);
        final AtomicLong sequence = new AtomicLong();
        try {
            final long start = System.nanoTime();
            final long measureFrom = start + warmup.toNanos();
            final long end = measureFrom + duration.toNanos();
            final List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 12];
                    int n = 0;
                    long errors = 0;
                    while (true) {
                        final HttpRequest request = requests.apply(sequence.getAndIncrement());
                        final long sent = System.nanoTime();
                        if (sent >= end) {
                            break;
                        }
                        boolean ok;
                        try {
                            ok = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
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
