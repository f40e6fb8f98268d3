package dev.soba.streams.ingest.etl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soba.streams.schemas.ItemType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ethereum-etl's streaming conventions ({@code eth_streamer_adapter.py}, {@code eth_item_id_calculator.py},
 * {@code eth_item_timestamp_calculator.py}): every item gets {@code item_id} and {@code item_timestamp}
 * as its last fields, and a batch of blocks is sent type by type — blocks by number, transactions by
 * block and index, logs and token transfers by block and log index, traces by block and trace index,
 * then contracts and tokens by block.
 */
public final class StreamItems {

    private static final DateTimeFormatter RFC_3339_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private StreamItems() {
    }

    /** Adds {@code item_id} and {@code item_timestamp}, as ethereum-etl computes them. */
    public static EtlItem stamp(final ItemType type, final ObjectNode item) {
        item.put("item_id", itemId(type, item));
        final JsonNode timestamp = type == ItemType.BLOCK ? item.get("timestamp") : item.get("block_timestamp");
        if (timestamp == null || timestamp.isNull()) {
            item.putNull("item_timestamp");
        } else {
            item.put("item_timestamp", RFC_3339_SECONDS.format(Instant.ofEpochSecond(timestamp.asLong())));
        }
        return new EtlItem(type, item);
    }

    static String itemId(final ItemType type, final JsonNode item) {
        return switch (type) {
            case BLOCK, TRANSACTION -> type.typeName() + "_" + item.path("hash").asText();
            case LOG, TOKEN_TRANSFER -> type.typeName() + "_" + item.path("transaction_hash").asText() + "_"
                    + item.path("log_index").asText();
            case TRACE -> "trace_" + item.path("trace_id").asText();
            case CONTRACT, TOKEN -> type.typeName() + "_" + item.path("block_number").asText() + "_"
                    + item.path("address").asText();
            case MARKET_TICK -> throw new IllegalArgumentException("not an ethereum-etl item: " + type);
        };
    }

    /** The items of several blocks in the order ethereum-etl sends a batch. */
    public static List<EtlItem> batchOrder(final List<ExportedBlock> blocks) {
        final List<EtlItem> all = new ArrayList<>();
        blocks.forEach(block -> all.addAll(block.items()));
        return all.stream().sorted(Comparator.comparingInt((EtlItem item) -> item.type().ordinal())
                .thenComparingLong(item -> blockNumberOf(item))
                .thenComparingLong(item -> positionOf(item))).toList();
    }

    private static long blockNumberOf(final EtlItem item) {
        final JsonNode body = item.body();
        return item.type() == ItemType.BLOCK ? body.path("number").asLong() : body.path("block_number").asLong();
    }

    private static long positionOf(final EtlItem item) {
        final JsonNode body = item.body();
        return switch (item.type()) {
            case TRANSACTION -> body.path("transaction_index").asLong();
            case LOG, TOKEN_TRANSFER -> body.path("log_index").asLong();
            case TRACE -> body.path("trace_index").asLong();
            default -> 0L;
        };
    }
}
