package dev.soba.streams.processors.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.Json;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Apertium through apertium-apy, its HTTP server, started here as one child process that keeps a
 * pipeline per pair running (no process per request). Pairs are the installed {@code .mode} files
 * as apertium-apy lists them ({@code /listPairs}).
 */
public final class ApertiumApy implements TranslationBackend {

    /** What to install on Debian/Ubuntu for this back-end (and the pairs it is tested with). */
    public static final String INSTALL = "apt-get install -y apertium apertium-apy apertium-eng-spa apertium-eng-cat";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final List<LanguagePair> pairs;

    private ApertiumApy(final Process process, final URI base, final HttpClient http, final Duration timeout,
                        final List<LanguagePair> pairs) {
        this.process = process;
        this.base = base;
        this.http = http;
        this.timeout = timeout;
        this.pairs = List.copyOf(pairs);
    }

    /** Why Apertium cannot be started here (not installed, no pairs), or empty when it can. */
    public static Optional<String> missing(final String command, final Path modesDir) {
        if (onPath(command).isEmpty()) {
            return Optional.of("apertium-apy is not installed ('" + command + "' is not on the PATH): " + INSTALL);
        }
        if (modeFiles(modesDir).isEmpty()) {
            return Optional.of("no Apertium language pair is installed (no .mode file in " + modesDir + "): " + INSTALL);
        }
        return Optional.empty();
    }

    /**
     * Starts apertium-apy on a free local port over the pairs in {@code modesDir} and waits until it
     * lists them. {@code timeout} bounds every translation (and is apertium-apy's own).
     */
    public static ApertiumApy start(final String command, final Path modesDir, final Duration timeout) throws IOException {
        final Optional<String> missing = missing(command, modesDir);
        if (missing.isPresent()) {
            throw new IOException(missing.get());
        }
        final int port = freePort();
        final Path log = Files.createTempFile("soba-apertium-apy-", ".log");
        final long seconds = Math.max(1, timeout.toSeconds());
        final Process process = new ProcessBuilder(command, "-p", Integer.toString(port), "-t", Long.toString(seconds),
                modesDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final URI base = URI.create("http://127.0.0.1:" + port + "/");
        final long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("apertium-apy exited with " + process.exitValue() + " at start; its output: "
                        + tail(log));
            }
            try {
                final HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("listPairs"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    final ApertiumApy apy = new ApertiumApy(process, base, http, timeout, parsePairs(answer.body()));
                    Runtime.getRuntime().addShutdownHook(new Thread(apy::close, "apertium-apy-stop"));
                    return apy;
                }
            } catch (final IOException notYet) {
                last = notYet;
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroy();
                throw new IOException("interrupted while apertium-apy started", e);
            }
            sleep(Duration.ofMillis(250));
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        throw new IOException("apertium-apy did not answer within " + START_TIMEOUT + " (last: "
                + (last == null ? "none" : last.getMessage()) + "); its output: " + tail(log));
    }

    static List<LanguagePair> parsePairs(final String listPairs) {
        final List<LanguagePair> pairs = new ArrayList<>();
        for (final JsonNode pair : Json.tree(listPairs.getBytes(StandardCharsets.UTF_8)).path("responseData")) {
            pairs.add(new LanguagePair(pair.path("sourceLanguage").asText(), pair.path("targetLanguage").asText()));
        }
        pairs.sort(java.util.Comparator.comparing(LanguagePair::label));
        return pairs;
    }

    @Override
    public String name() {
        return "apertium";
    }

    @Override
    public List<LanguagePair> pairs() {
        return pairs;
    }

    @Override
    public String translate(final LanguagePair pair, final String text) throws TranslationException {
        final String form = "langpair=" + encode(pair.source() + "|" + pair.target()) + "&markUnknown=no&q=" + encode(text);
        final HttpRequest request = HttpRequest.newBuilder(base.resolve("translate"))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        try {
            final HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            final JsonNode body = Json.tree(answer.body().getBytes(StandardCharsets.UTF_8));
            final JsonNode translated = body.path("responseData").path("translatedText");
            if (answer.statusCode() != 200 || !translated.isTextual()) {
                throw new TranslationException(TranslationException.Kind.FAILED, "apertium-apy answered "
                        + answer.statusCode() + ": " + body.path("explanation").asText(body.toString()), null);
            }
            return translated.asText();
        } catch (final HttpTimeoutException e) {
            throw new TranslationException(TranslationException.Kind.TIMEOUT,
                    "apertium-apy did not translate within " + timeout, e);
        } catch (final IOException | RuntimeException e) {
            throw new TranslationException(TranslationException.Kind.FAILED, "apertium-apy failed: " + e.getMessage(), e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslationException(TranslationException.Kind.FAILED, "interrupted", e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private static String encode(final String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Optional<Path> onPath(final String command) {
        if (command.contains(File.separator)) {
            return Files.isExecutable(Path.of(command)) ? Optional.of(Path.of(command)) : Optional.empty();
        }
        final String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, command)).filter(Files::isExecutable).findFirst();
    }

    private static List<Path> modeFiles(final Path modesDir) {
        if (!Files.isDirectory(modesDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(modesDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".mode")).toList();
        } catch (final IOException e) {
            return List.of();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(final Path log) {
        try {
            final String all = Files.readString(log);
            return all.length() > 2000 ? all.substring(all.length() - 2000) : all;
        } catch (final IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(final Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
