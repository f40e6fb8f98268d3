package dev.soba.streams.processors.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.contracts.FunctionInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * evmole (npm, run by node) on a file of ethereum-etl contract items: the reference the analysis
 * is compared with, for accuracy (acceptance test) and speed ({@code ./soba contracts bench --evmole}).
 */
public final class Evmole {

    /** evmole's answer for one contract and the time it took inside node. */
    public record Answer(List<FunctionInfo> functions, long micros) {
    }

    private Evmole() {
    }

    /** Runs evmole over the file; {@code nodeModules} is the folder holding {@code evmole/}. */
    public static Map<String, Answer> run(final Path nodeModules, final Path contractItems)
            throws IOException, InterruptedException {
        if (!Files.isDirectory(nodeModules.resolve("evmole"))) {
            throw new IOException(nodeModules + "/evmole is missing: npm install evmole@0.8.4 there");
        }
        final Path script = Files.createTempFile("evmole-oracle", ".cjs");
        try {
            try (InputStream in = Evmole.class.getResourceAsStream("/contracts/evmole-oracle.cjs")) {
                Files.write(script, in.readAllBytes());
            }
            final ProcessBuilder pb = new ProcessBuilder("node", script.toString(), contractItems.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().put("NODE_PATH", nodeModules.toString());
            final Process node = pb.start();
            final String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(120, TimeUnit.SECONDS) || node.exitValue() != 0) {
                throw new IOException("node with evmole failed on " + contractItems);
            }
            final Map<String, Answer> result = new LinkedHashMap<>();
            for (final String line : out.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                final JsonNode n = Json.mapper().readTree(line);
                final List<FunctionInfo> functions = new ArrayList<>();
                n.get("functions").forEach(f -> functions.add(new FunctionInfo(f.get("selector").asText(),
                        f.get("arguments").asText(), f.get("state_mutability").asText())));
                result.put(n.get("address").asText(), new Answer(functions, n.get("micros").asLong()));
            }
            return result;
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
