package dev.soba.streams.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the application in its own JVM ({@code java -jar quarkus-run.jar serve}), the
 * way an operator runs several: same {@code application.id}, same back-ends, its own HTTP port and
 * state directory. Used by the multi-instance tests and the query benchmark; its output goes to a
 * log file that failures quote.
 */
public final class AppInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private AppInstance(final String name, final int port, final Process process, final Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code jar} with {@code properties} as system properties (any application property:
     * {@code soba.*}, {@code quarkus.*}, {@code kafka-streams.*}) on {@code port}, writing to {@code log}.
     */
    public static AppInstance start(final String name, final Path jar, final int port,
                                    final Map<String, String> properties, final Path log) {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms128m");
        command.add("-Xmx768m");
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("serve");
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            final Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            return new AppInstance(name, port, process, log);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot start instance " + name + " (" + jar + ")", e);
        }
    }

    /** The quarkus-run.jar this JVM was started from ({@code java -jar .../quarkus-run.jar}), if it was. */
    public static Path runningJar() {
        final Path classPath = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]);
        if (!classPath.getFileName().toString().equals("quarkus-run.jar")) {
            throw new IllegalStateException("not started with java -jar quarkus-run.jar (class path " + classPath
                    + "): cannot start further instances of this application");
        }
        return classPath.toAbsolutePath();
    }

    /** A TCP port free right now on the loopback interface. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /q/health/ready} answers 200 (Kafka Streams RUNNING, back-ends up). */
    public void awaitReady(final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        final HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("instance " + name + " exited with " + process.exitValue()
                        + " before it was ready; its log ends with:\n" + logTail(60));
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (final IOException notYet) {
                // not listening yet
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(250);
        }
        throw new IllegalStateException("instance " + name + " not ready after " + timeout + "; its log ends with:\n"
                + logTail(60));
    }

    /** Kills the JVM at once (SIGKILL): no shutdown, no leaving the consumer group. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** The last {@code lines} lines of the instance's output. */
    public String logTail(final int lines) {
        try {
            final List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (final IOException | UncheckedIOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops the instance gracefully (SIGTERM), killing it if it takes longer than 20 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(Duration.ofSeconds(20))) {
            kill();
        }
    }

    private boolean waitFor(final Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
