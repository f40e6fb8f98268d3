package dev.soba.streams.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.api.testing.RealServersResource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** What the real-data acceptance tests share: the data folder, and running a CLI command on the test broker. */
final class AcceptanceSupport {

    private AcceptanceSupport() {
    }

    /** The public data folder given by {@code -Dsoba.data}; a clear failure when it is not there. */
    static Path data() {
        final String folder = System.getProperty("soba.data");
        assertThat(folder).as("system property soba.data (the public data folder)").isNotBlank();
        final Path path = Path.of(folder);
        assertThat(path).as("soba.data folder").isDirectory();
        return path;
    }

    /** A launcher command, run as {@code ./soba} would, against the test broker. */
    @FunctionalInterface
    interface Command {
        int run(String[] args, PrintStream out) throws Exception;
    }

    static int onTestBroker(final Command command, final String... args) throws Exception {
        final String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--bootstrap-servers";
        all[args.length + 1] = RealServersResource.bootstrapServers();
        return command.run(all, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
