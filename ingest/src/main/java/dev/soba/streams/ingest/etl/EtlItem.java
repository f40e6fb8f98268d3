package dev.soba.streams.ingest.etl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.Json;
import java.util.Objects;

/**
 * One ethereum-etl stream item, ready to send: its type (which picks the topic) and its JSON body, with
 * ethereum-etl's field order, nulls and bare-integer quantities.
 */
public record EtlItem(ItemType type, ObjectNode body) {

    public EtlItem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
    }

    /** {@code item_id}, as ethereum-etl's {@code EthItemIdCalculator} gives it. */
    public String itemId() {
        return body.path("item_id").asText();
    }

    /** The message value: the body as UTF-8 JSON (trees keep numbers as numbers through the one mapper). */
    public byte[] json() {
        return Json.write(body);
    }
}
