package dev.soba.streams.topology;

import dev.soba.streams.schemas.ItemType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that knows topic names. Input topics carry ethereum-etl's names ({@code blocks},
 * {@code transactions}, …) behind an optional per-chain prefix (e.g. {@code eth_}); the topics this
 * project writes carry the same prefix.
 */
public record Topics(String prefix) {

    public static final String REJECTED = "rejected_records";
    public static final String REORGS = "reorgs";

    public Topics {
        prefix = prefix == null ? "" : prefix;
    }

    public String input(final ItemType type) {
        return prefix + type.defaultTopic();
    }

    public List<String> inputs() {
        return Arrays.stream(ItemType.values()).map(this::input).toList();
    }

    /** Invalid records with their reason, original bytes and source topic/partition/offset; keyed by source topic. */
    public String rejected() {
        return prefix + REJECTED;
    }

    /** Re-organisations: height, old hash, new hash; keyed by block number. */
    public String reorgs() {
        return prefix + REORGS;
    }

    public List<String> outputs() {
        return List.of(rejected(), reorgs());
    }

    /** Every topic the application reads or writes (not its internal ones), for creation at start-up. */
    public List<String> all() {
        final List<String> all = new ArrayList<>(inputs());
        all.addAll(outputs());
        return all;
    }

    /** The topic an item of the given ethereum-etl {@code type} value belongs to. */
    public Optional<String> forTypeName(final String typeName) {
        return ItemType.fromTypeName(typeName).map(this::input);
    }

    /** Topic name to item type, for tools that read topics back. */
    public Map<String, ItemType> inputTypes() {
        final Map<String, ItemType> byTopic = new LinkedHashMap<>();
        for (final ItemType type : ItemType.values()) {
            byTopic.put(input(type), type);
        }
        return byTopic;
    }
}
