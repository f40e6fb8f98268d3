package dev.soba.streams.ingest.etl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reading a node's JSON-RPC answers the way ethereum-etl's mappers do ({@code hex_to_dec},
 * {@code to_normalized_address}), and writing ethereum-etl's items: absent values become JSON
 * {@code null} (ethereum-etl writes every field of an item, null or not) and quantities bare JSON
 * integers, exact at any size.
 */
public final class NodeJson {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private NodeJson() {
    }

    /** {@code hex_to_dec}: a {@code 0x} quantity (or a plain JSON integer) as a number; null when absent. */
    public static BigInteger quantity(final JsonNode node, final String field) {
        final JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue();
        }
        final String text = value.asText();
        final String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (!value.isTextual() || digits.isEmpty() || !digits.chars().allMatch(NodeJson::isHexDigit)) {
            throw new NodeResponseException("field '" + field + "' is not a hex quantity: " + value);
        }
        return new BigInteger(digits, 16);
    }

    /** A quantity that must be present. */
    public static BigInteger requiredQuantity(final JsonNode node, final String field) {
        final BigInteger value = quantity(node, field);
        if (value == null) {
            throw new NodeResponseException("field '" + field + "' is missing");
        }
        return value;
    }

    /** {@code to_normalized_address}: lower case; null when absent. */
    public static String address(final JsonNode node, final String field) {
        final String value = text(node, field);
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** A string field as the node gave it; null when absent or null. */
    public static String text(final JsonNode node, final String field) {
        final JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A hash or hex blob, lower case (nodes write lower case; this only guards the item ids built from them). */
    public static String hex(final JsonNode node, final String field) {
        final String value = text(node, field);
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** The elements of an array field; empty when absent. */
    public static List<JsonNode> elements(final JsonNode node, final String field) {
        final JsonNode value = node.get(field);
        final List<JsonNode> elements = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(elements::add);
        }
        return elements;
    }

    /** A one-field object, to read a bare answer (e.g. {@code eth_blockNumber}) with the field readers. */
    public static ObjectNode objectWith(final String field, final JsonNode value) {
        final ObjectNode node = NODES.objectNode();
        node.set(field, value);
        return node;
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static void put(final ObjectNode item, final String field, final BigInteger value) {
        if (value == null) {
            item.putNull(field);
        } else {
            item.put(field, value);
        }
    }

    static void put(final ObjectNode item, final String field, final String value) {
        if (value == null) {
            item.putNull(field);
        } else {
            item.put(field, value);
        }
    }

    static void put(final ObjectNode item, final String field, final Long value) {
        if (value == null) {
            item.putNull(field);
        } else {
            item.put(field, value);
        }
    }

    static void put(final ObjectNode item, final String field, final Boolean value) {
        if (value == null) {
            item.putNull(field);
        } else {
            item.put(field, value);
        }
    }

    static void putStrings(final ObjectNode item, final String field, final List<String> values) {
        if (values == null) {
            item.putNull(field);
            return;
        }
        final ArrayNode array = item.putArray(field);
        values.forEach(array::add);
    }

    /** Copies a field of one item into another as it is (null when absent). */
    static void copy(final ObjectNode target, final String targetField, final JsonNode source, final String sourceField) {
        final JsonNode value = source.get(sourceField);
        target.set(targetField, value == null ? NODES.nullNode() : value.deepCopy());
    }

    private static boolean isHexDigit(final int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
