package dev.soba.streams.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Stops the server processes this JVM started when this JVM dies, even by {@code kill -9}, where no
 * shutdown hook runs. A small shell process waits on a pipe whose only writer is this JVM; the
 * kernel closes it when the JVM ends, however it ends, and the shell then signals the servers.
 * Closed normally (the JVM stops its servers itself), the watch is ended first, so it never signals
 * a pid the system may have reused.
 */
public final class ParentDeathWatch implements AutoCloseable {

    /** A process to signal and how: {@code INT} (PostgreSQL's fast shutdown), {@code TERM} (Redis). */
    public record Target(long pid, String signal, String name) {
        public Target {
            if (!signal.matches("[A-Z]+")) {
                throw new IllegalArgumentException("signal name expected, got " + signal);
            }
        }
    }

    private final Process watcher;
    private final OutputStream pipe;

    private ParentDeathWatch(final Process watcher) {
        this.watcher = watcher;
        this.pipe = watcher.getOutputStream();
    }

    public static ParentDeathWatch start(final List<Target> targets) {
        final String kills = targets.stream()
                .map(t -> "kill -" + t.signal() + " " + t.pid() + " 2>/dev/null")
                .collect(Collectors.joining("; "));
        // `read` returns at end of file: when the JVM holding the pipe's other end is gone.
        final String script = "trap '' INT TERM HUP; while read -r _; do :; done; " + (kills.isEmpty() ? ":" : kills);
        try {
            final Process watcher = new ProcessBuilder("sh", "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new ParentDeathWatch(watcher);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot start the watch that stops the embedded servers with this JVM", e);
        }
    }

    public long pid() {
        return watcher.pid();
    }

    /** Ends the watch without signalling anything (the servers are being stopped normally). */
    @Override
    public void close() {
        watcher.destroyForcibly();
        try {
            pipe.close();
        } catch (final IOException ignored) {
            // the watcher is gone already
        }
    }
}
