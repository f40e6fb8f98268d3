package dev.soba.streams.schemas.mev;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.Block;
import dev.soba.streams.schemas.EthItem;
import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.ItemParser;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.LogItem;
import dev.soba.streams.schemas.Trace;
import dev.soba.streams.schemas.Transaction;
import dev.soba.streams.schemas.Validated;
import dev.soba.streams.schemas.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Reads the block files of offline MEV inspection, telling the two formats apart by their content:
 * one JSON object with a {@code traces} array is an mev-inspect-py block file
 * ({@link ParityBlockReader}); otherwise every non-blank line must be an ethereum-etl item, validated
 * with the stream's own {@link ItemParser}, and the items are grouped by block (blocks in ascending
 * order). Anything else fails with the file and the reason.
 */
public final class BlockFiles {

    private BlockFiles() {
    }

    public static List<BlockFile> read(final Path file) {
        final byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (final IOException e) {
            throw new BlockFileException(file, "cannot read: " + describe(e), e);
        }
        return read(file, bytes);
    }

    /** The same, on a file's content already in memory ({@code file} names it in errors). */
    public static List<BlockFile> read(final Path file, final byte[] bytes) {
        final Optional<JsonNode> single = singleValue(bytes);
        if (single.isPresent() && single.get().isObject() && single.get().has("traces")
                && !single.get().has("type")) {
            return List.of(ParityBlockReader.read(file, single.get()));
        }
        return ethereumEtlLines(file, bytes);
    }

    /** The whole content as one JSON value, if it is one (JSON lines with two or more items are not). */
    private static Optional<JsonNode> singleValue(final byte[] bytes) {
        try {
            return Optional.ofNullable(Json.mapper().readTree(bytes));
        } catch (final IOException notOneValue) {
            return Optional.empty();
        }
    }

    private static List<BlockFile> ethereumEtlLines(final Path file, final byte[] bytes) {
        final String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        final Map<Long, Items> blocks = new TreeMap<>();
        int items = 0;
        for (int i = 0; i < lines.length; i++) {
            final String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.charAt(0) != '{') {
                throw new BlockFileException(file, "line " + (i + 1)
                        + ": neither an mev-inspect block file (one JSON object with \"traces\") nor ethereum-etl"
                        + " JSON lines (one item object per line)");
            }
            final Validated<Item> parsed = ItemParser.parse(line.getBytes(StandardCharsets.UTF_8), Optional.empty());
            if (parsed instanceof Validated.Invalid<Item> invalid) {
                final Violation first = invalid.first();
                throw new BlockFileException(file, "line " + (i + 1) + ": not a valid ethereum-etl item: "
                        + (first.field().isEmpty() ? "" : first.field() + " ") + first.reason()
                        + (invalid.violations().size() > 1 ? " (and " + (invalid.violations().size() - 1) + " more)" : ""));
            }
            final Item item = ((Validated.Valid<Item>) parsed).value();
            items++;
            if (item instanceof EthItem eth) {
                final OptionalLong block = eth.blockNumberIfKnown();
                if (block.isPresent()) {
                    blocks.computeIfAbsent(block.getAsLong(), n -> new Items()).add(eth);
                }
            }
        }
        if (items == 0) {
            throw new BlockFileException(file, "empty: no block and no ethereum-etl item");
        }
        final List<BlockFile> result = new ArrayList<>(blocks.size());
        blocks.forEach((number, found) -> result.add(new EthereumEtlBlock(number, found.block, found.transactions,
                found.logs, found.traces)));
        return result;
    }

    private static String describe(final IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof JsonProcessingException json) {
            return json.getOriginalMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Items of one block in file order; a repeated block item keeps the first. */
    private static final class Items {
        private Block block;
        private final List<Transaction> transactions = new ArrayList<>();
        private final List<LogItem> logs = new ArrayList<>();
        private final List<Trace> traces = new ArrayList<>();

        void add(final EthItem item) {
            if (item instanceof Block b && block == null) {
                block = b;
            } else if (item instanceof Transaction t) {
                transactions.add(t);
            } else if (item instanceof LogItem l) {
                logs.add(l);
            } else if (item instanceof Trace t) {
                traces.add(t);
            }
        }
    }
}
