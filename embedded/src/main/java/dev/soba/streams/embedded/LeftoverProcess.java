package dev.soba.streams.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server process an earlier run left running on a data directory (its JVM was killed before it
 * could stop it), found through the pid file in that directory. The data directory belongs to the
 * demo, so the server is the demo's own: it is stopped, then started afresh.
 */
final class LeftoverProcess {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private LeftoverProcess() {
    }

    /** The live process whose pid is the first line of {@code pidFile} and whose command contains {@code program}. */
    static Optional<ProcessHandle> find(final Path pidFile, final String program) {
        if (!Files.isReadable(pidFile)) {
            return Optional.empty();
        }
        final long pid;
        try (Stream<String> lines = Files.lines(pidFile)) {
            pid = Long.parseLong(lines.findFirst().orElse("").trim());
        } catch (final IOException | NumberFormatException | java.io.UncheckedIOException e) {
            return Optional.empty(); // unreadable: the server itself will judge the file
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.contains(program)).orElse(true));
    }

    /** Stops the leftover {@code program} of {@code pidFile}, if there is one: SIGTERM, then SIGKILL after 30 s. */
    static void stop(final Path pidFile, final String program, final String server) {
        find(pidFile, program).ifPresent(process -> {
            System.err.printf("soba: stopping the %s an earlier run left running (pid %d, %s)%n", server, process.pid(),
                    pidFile.getParent());
            process.destroy();
            if (!waitFor(process)) {
                process.destroyForcibly();
                if (!waitFor(process)) {
                    throw new IllegalStateException("the " + server + " an earlier run left running (pid " + process.pid()
                            + ") does not stop: kill -9 " + process.pid() + " and start again");
                }
            }
        });
    }

    /** The pid in {@code pidFile}, if the file names a live process. */
    static Optional<Long> pid(final Path pidFile, final String program) {
        return find(pidFile, program).map(ProcessHandle::pid);
    }

    private static boolean waitFor(final ProcessHandle process) {
        try {
            process.onExit().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (final java.util.concurrent.TimeoutException e) {
            return false;
        } catch (final java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
