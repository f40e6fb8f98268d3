package dev.soba.streams.schemas.mev;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Typed reads from one JSON object of a block file, each failing with the file and the field's path.
 * Every field is looked up under its snake_case name first, then its camelCase one. Absent and null
 * are the same; the {@code required…} reads reject both.
 */
final class Fields {

    private final Path file;
    private final JsonNode node;
    private final String path;

    Fields(final Path file, final JsonNode node, final String path) {
        this.file = file;
        this.path = path;
        if (node == null || !node.isObject()) {
            throw new BlockFileException(file, (path.isEmpty() ? "the file" : trimmed(path))
                    + ": expected a JSON object" + (node == null ? "" : ", got " + node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        this.node = node;
    }

    BlockFileException fail(final String field, final String reason) {
        return new BlockFileException(file, path + field + ": " + reason);
    }

    private static String trimmed(final String path) {
        return path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
    }

    private JsonNode get(final String snake, final String camel) {
        final JsonNode value = node.get(snake);
        if (value != null && !value.isNull()) {
            return value;
        }
        final JsonNode other = node.get(camel);
        return other == null || other.isNull() ? null : other;
    }

    String optionalText(final String snake, final String camel) {
        final JsonNode value = get(snake, camel);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw fail(snake, "expected a string, got " + value);
        }
        return value.textValue();
    }

    String requiredText(final String snake, final String camel) {
        final String value = optionalText(snake, camel);
        if (value == null) {
            throw fail(snake, "is required");
        }
        return value;
    }

    Long optionalLong(final String snake, final String camel) {
        final JsonNode value = get(snake, camel);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0) {
            return value.longValue();
        }
        if (value.isTextual()) {
            final BigInteger quantity = hexQuantity(snake, value.textValue());
            if (quantity.bitLength() < 63) {
                return quantity.longValue();
            }
        }
        throw fail(snake, "expected a non-negative integer, got " + value);
    }

    long requiredLong(final String snake, final String camel) {
        final Long value = optionalLong(snake, camel);
        if (value == null) {
            throw fail(snake, "is required");
        }
        return value;
    }

    /** A hex quantity ({@code "0x1bc16d674ec80000"}) or a JSON integer, as Parity or a re-export writes it. */
    BigInteger quantity(final String snake, final String camel) {
        final JsonNode value = get(snake, camel);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.bigIntegerValue().signum() >= 0) {
            return value.bigIntegerValue();
        }
        if (value.isTextual()) {
            return hexQuantity(snake, value.textValue());
        }
        throw fail(snake, "expected a hex quantity, got " + value);
    }

    Long quantityLong(final String snake, final String camel) {
        final BigInteger value = quantity(snake, camel);
        if (value == null) {
            return null;
        }
        if (value.bitLength() > 63) {
            throw fail(snake, "does not fit 63 bits: " + value);
        }
        return value.longValue();
    }

    private BigInteger hexQuantity(final String field, final String text) {
        if (text.length() > 2 && text.length() <= 66 && (text.startsWith("0x") || text.startsWith("0X"))) {
            try {
                return new BigInteger(text.substring(2), 16);
            } catch (final NumberFormatException e) {
                throw fail(field, "not a hex quantity: '" + text + "'");
            }
        }
        throw fail(field, "not a hex quantity: '" + text + "'");
    }

    String hexData(final String snake, final String camel) {
        final String value = optionalText(snake, camel);
        if (value == null) {
            return null;
        }
        final int cases = hexCases(value);
        if (cases < 0 || (value.length() & 1) != 0) {
            throw fail(snake, "expected 0x and an even number of hex digits");
        }
        // call data runs to kilobytes: copy it only when it is not lower case already
        return cases == 0 ? value : value.toLowerCase(Locale.ROOT);
    }

    /** -1 unless {@code 0x} and hex digits; otherwise 1 when an upper-case digit occurs, else 0. */
    private static int hexCases(final String s) {
        if (s.length() < 2 || s.charAt(0) != '0' || s.charAt(1) != 'x') {
            return -1;
        }
        int upper = 0;
        for (int i = 2; i < s.length(); i++) {
            final char c = s.charAt(i);
            if (c >= 'A' && c <= 'F') {
                upper = 1;
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return -1;
            }
        }
        return upper;
    }

    String address(final String snake, final String camel) {
        final String value = optionalText(snake, camel);
        if (value == null) {
            return null;
        }
        if (!isHex(value, 40)) {
            throw fail(snake, "expected an address (0x and 40 hex digits), got '" + value + "'");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    String hash(final String snake, final String camel) {
        final String value = optionalText(snake, camel);
        if (value == null) {
            return null;
        }
        if (!isHex(value, 64)) {
            throw fail(snake, "expected a hash (0x and 64 hex digits), got '" + value + "'");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    String requiredHash(final String snake, final String camel) {
        final String value = hash(snake, camel);
        if (value == null) {
            throw fail(snake, "is required");
        }
        return value;
    }

    JsonNode requiredArray(final String name) {
        final JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw fail(name, "is required");
        }
        if (!value.isArray()) {
            throw fail(name, "expected an array");
        }
        return value;
    }

    Fields requiredObject(final String name) {
        final JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw fail(name, "is required");
        }
        return new Fields(file, value, path + name + ".");
    }

    /** Null when absent or null (a failed call, a reward or a self-destruct has no result). */
    Fields optionalObject(final String name) {
        final JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : new Fields(file, value, path + name + ".");
    }

    List<Long> traceAddress() {
        final JsonNode value = get("trace_address", "traceAddress");
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw fail("trace_address", "expected an array of integers");
        }
        final List<Long> address = new ArrayList<>(value.size());
        for (final JsonNode step : value) {
            if (!step.isIntegralNumber() || !step.canConvertToLong() || step.longValue() < 0) {
                throw fail("trace_address", "expected an array of non-negative integers, got " + value);
            }
            address.add(step.longValue());
        }
        return List.copyOf(address);
    }

    private static boolean isHex(final String s, final int digits) {
        if (s.length() < 2 || s.charAt(0) != '0' || s.charAt(1) != 'x' || digits >= 0 && s.length() != digits + 2) {
            return false;
        }
        for (int i = 2; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
