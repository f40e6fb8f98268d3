package dev.soba.streams.api.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Lets tests outside this package run the package-private commands the way the launcher does. */
public final class CliAccess {

    private CliAccess() {
    }

    public static int poolsImport(final Path csv, final String bootstrapServers) throws Exception {
        return PoolsCommand.run(new String[] {"import", csv.toString(), "--bootstrap-servers", bootstrapServers},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
