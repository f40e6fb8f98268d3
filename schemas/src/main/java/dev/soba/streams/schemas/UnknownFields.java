package dev.soba.streams.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable, order-keeping copies of unknown-field maps for the records' compact constructors. */
final class UnknownFields {

    private UnknownFields() {
    }

    static Map<String, JsonNode> copyOf(final Map<String, JsonNode> fields) {
        if (fields == null || fields.isEmpty()) {
            return Map.of();
        }
        // Map.copyOf would lose the producer's field order, which we keep when re-publishing.
        return Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
