package dev.soba.streams.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A command-line tool of the machine (promtool, docker-compose), found on the PATH, run with a timeout. */
record Tool(Path executable) {

    /** What one run printed and how it ended. */
    record Run(int exitCode, String output) {
    }

    static Optional<Tool> find(final String name) {
        final String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (final String directory : path.split(":")) {
            final Path candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(new Tool(candidate));
            }
        }
        return Optional.empty();
    }

    /** Runs in {@code directory}; stdout and stderr together. */
    Run run(final Path directory, final String... arguments) {
        final List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        try {
            final Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            final byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within 60 s");
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (final IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }
}
