package dev.soba.streams.processors.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.contracts.FunctionInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The compiled-contract corpus of {@code <soba.data>/contracts}: bytecode with the ABI as truth. */
record ContractCorpus(Map<String, byte[]> code, Map<String, List<FunctionInfo>> truth, Map<String, String> names) {

    static Path folder() {
        final String dir = System.getProperty("soba.data");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property soba.data is not set: run with -Dsoba.data=<folder of the public data>");
        }
        final Path path = Path.of(dir, "contracts");
        if (!Files.isRegularFile(path.resolve("contracts.json"))) {
            throw new IllegalStateException(path.toAbsolutePath() + " does not hold contracts.json");
        }
        return path;
    }

    static ContractCorpus load(final Path folder) throws IOException {
        final Map<String, byte[]> code = new LinkedHashMap<>();
        for (final String line : Files.readAllLines(folder.resolve("contracts.json"))) {
            if (line.isBlank()) {
                continue;
            }
            final JsonNode item = Json.mapper().readTree(line);
            code.put(item.get("address").asText(), HexFormat.of().parseHex(item.get("bytecode").asText().substring(2)));
        }
        final JsonNode truthJson = Json.mapper().readTree(folder.resolve("truth.json").toFile());
        final Map<String, List<FunctionInfo>> truth = new LinkedHashMap<>();
        final Map<String, String> names = new LinkedHashMap<>();
        truthJson.fields().forEachRemaining(e -> {
            final List<FunctionInfo> functions = new ArrayList<>();
            e.getValue().get("functions").forEach(f -> functions.add(new FunctionInfo(f.get("selector").asText(),
                    f.get("arguments").asText(), f.get("state_mutability").asText())));
            truth.put(e.getKey(), functions);
            names.put(e.getKey(), e.getValue().get("name").asText());
        });
        return new ContractCorpus(code, truth, names);
    }
}
