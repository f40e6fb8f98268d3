package dev.soba.streams.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.web3j.crypto.Keys;

/**
 * Reads the typed fields of one JSON object and records every broken rule as a {@link Violation}
 * instead of stopping at the first. Each method returns the value, or {@code null} when the field
 * is absent, null or broken (the caller builds the record anyway; it is only used when no
 * violation was recorded).
 *
 * <p>Normalisation: hashes, addresses and hex data are returned in lower case (a mixed-case
 * address only after its EIP-55 checksum was verified), so that state keyed by them has one
 * spelling per value.
 *
 * <p>Hot path: no regular expressions, no exceptions unless a value is broken, and field paths
 * (e.g. {@code topics[2]}) are only built for violations.
 */
final class FieldReader {

    /** Whether a field must be present and non-null. */
    enum Need { REQUIRED, OPTIONAL }

    static final BigInteger TWO_POW_64 = BigInteger.ONE.shiftLeft(64);
    /** The digits a decimal (price, quantity) may have on each side of its point: as many as a uint256. */
    static final int MAX_DECIMAL_DIGITS = 78;
    // Long enough for any item id (a trace id is about 85 characters), short enough for one line.
    private static final int MAX_QUOTED = 120;

    private final JsonNode node;
    private final String prefix;
    private final List<Violation> violations;
    private final boolean typeIsKnown;
    private int seen;

    /**
     * @param node        the object to read
     * @param prefix      path of the object inside the item ({@code ""} at the top, {@code withdrawals[3].} inside)
     * @param violations  where to record broken rules (shared with nested readers)
     * @param typeIsKnown whether a {@code type} field belongs to the contract (true at the top level)
     */
    FieldReader(final JsonNode node, final String prefix, final List<Violation> violations, final boolean typeIsKnown) {
        this.node = node;
        this.prefix = prefix;
        this.violations = violations;
        this.typeIsKnown = typeIsKnown;
    }

    // ---------------------------------------------------------------- scalar fields

    String string(final String name, final Need need) {
        final JsonNode value = field(name, need);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            return wrongType(name, -1, "a string", value);
        }
        return value.textValue();
    }

    /** A string with at least one non-whitespace character. */
    String nonBlank(final String name, final Need need) {
        final String value = string(name, need);
        if (value != null && value.isBlank()) {
            violate(name, -1, "must not be empty");
            return null;
        }
        return value;
    }

    Boolean bool(final String name, final Need need) {
        final JsonNode value = field(name, need);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            return wrongType(name, -1, "a boolean", value);
        }
        return value.booleanValue();
    }

    /** A non-negative counter (numbers, indexes, gas, sizes, timestamps): a JSON integer below 2^63. */
    Long counter(final String name, final Need need) {
        final JsonNode value = field(name, need);
        return value == null ? null : counterValue(name, -1, value);
    }

    /** A uint64 quantity: a JSON integer or decimal string, 0 ≤ v < 2^64. */
    BigInteger uint64(final String name, final Need need) {
        final JsonNode value = field(name, need);
        return value == null ? null : unsigned(name, -1, value, 64);
    }

    /** A uint256 quantity: a JSON integer or decimal string, 0 ≤ v < 2^256. */
    BigInteger uint256(final String name, final Need need) {
        final JsonNode value = field(name, need);
        return value == null ? null : unsigned(name, -1, value, 256);
    }

    /** A 32-byte hash: {@code 0x} and 64 hex digits. */
    String hash(final String name, final Need need) {
        return fixedHex(name, need, 32);
    }

    /** {@code 0x} and exactly {@code bytes} bytes of hex. */
    String fixedHex(final String name, final Need need, final int bytes) {
        final JsonNode value = field(name, need);
        return value == null ? null : fixedHexValue(name, -1, value, bytes);
    }

    /** Arbitrary bytes: {@code 0x} and an even number of hex digits (possibly none). */
    String hexData(final String name, final Need need) {
        final JsonNode value = field(name, need);
        if (value == null) {
            return null;
        }
        final String text = hexText(name, -1, value);
        if (text == null) {
            return null;
        }
        if (Hex.digits(text) % 2 != 0) {
            violate(name, -1, "must be 0x followed by an even number of hex digits, got " + Hex.digits(text));
            return null;
        }
        return text;
    }

    /** A 20-byte address; mixed case must carry a valid EIP-55 checksum. Returned in lower case. */
    String address(final String name, final Need need) {
        final JsonNode value = field(name, need);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            return wrongType(name, -1, "a string", value);
        }
        final String text = value.textValue();
        final int cases = Hex.scan(text);
        if (cases == Hex.NOT_HEX) {
            return notHex(name, -1, text, "40 hex digits");
        }
        if (Hex.digits(text) != 40) {
            violate(name, -1, "must be 0x followed by 40 hex digits (20 bytes), got " + Hex.digits(text));
            return null;
        }
        if (cases == (Hex.LOWER | Hex.UPPER)) {
            final String lower = text.toLowerCase(Locale.ROOT);
            final String checksummed = Keys.toChecksumAddress(lower);
            if (!checksummed.equals(text)) {
                violate(name, -1, "mixed-case address fails its EIP-55 checksum (expected " + checksummed
                        + "; all-lower-case is accepted without checksum)");
                return null;
            }
            return lower;
        }
        return (cases & Hex.UPPER) != 0 ? text.toLowerCase(Locale.ROOT) : text;
    }

    /** An ISO-8601 instant in UTC, e.g. {@code 2023-05-02T12:19:59Z}; returned as written. */
    String isoUtc(final String name, final Need need) {
        final String text = string(name, need);
        if (text == null) {
            return null;
        }
        if (!isIsoUtc(text)) {
            violate(name, -1, "must be an ISO-8601 UTC timestamp like 2023-05-02T12:19:59Z, got " + quote(text));
            return null;
        }
        return text;
    }

    /** A decimal greater than zero, as a JSON number or a plain decimal string ({@code "1843.25"}). */
    BigDecimal positiveDecimal(final String name, final Need need) {
        final JsonNode value = field(name, need);
        if (value == null) {
            return null;
        }
        final BigDecimal number;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isTextual()) {
            number = plainDecimal(name, value.textValue());
            if (number == null) {
                return null;
            }
        } else {
            return wrongType(name, -1, "a decimal number or decimal string", value);
        }
        // 1e999999999 is a valid JSON number, but its plain form has a billion digits.
        if (number.precision() - number.scale() > MAX_DECIMAL_DIGITS || number.scale() > MAX_DECIMAL_DIGITS) {
            violate(name, -1, "out of range: at most " + MAX_DECIMAL_DIGITS
                    + " digits before and after the decimal point, got " + number);
            return null;
        }
        if (number.signum() <= 0) {
            violate(name, -1, "must be positive, got " + number.toPlainString());
            return null;
        }
        return number;
    }

    // ---------------------------------------------------------------- arrays and objects

    /** An array of {@code 0x}-prefixed values of exactly {@code bytes} bytes each. */
    List<String> fixedHexList(final String name, final Need need, final int bytes, final int maxItems) {
        final JsonNode value = array(name, need);
        if (value == null) {
            return null;
        }
        if (value.size() > maxItems) {
            violate(name, -1, "must have at most " + maxItems + " entries, got " + value.size());
        }
        final String[] items = new String[value.size()];
        boolean complete = true;
        for (int i = 0; i < items.length; i++) {
            items[i] = fixedHexValue(name, i, value.get(i), bytes);
            complete &= items[i] != null;
        }
        return complete ? List.of(items) : null;
    }

    /** An array of counters, e.g. a trace address. */
    List<Long> counterList(final String name, final Need need) {
        final JsonNode value = array(name, need);
        if (value == null) {
            return null;
        }
        final Long[] items = new Long[value.size()];
        boolean complete = true;
        for (int i = 0; i < items.length; i++) {
            items[i] = counterValue(name, i, value.get(i));
            complete &= items[i] != null;
        }
        return complete ? List.of(items) : null;
    }

    /** An array of objects, each read by {@code reader} with its own path ({@code withdrawals[3].address}). */
    <T> List<T> objectList(final String name, final Need need, final Function<FieldReader, T> reader) {
        final JsonNode value = array(name, need);
        if (value == null) {
            return null;
        }
        final List<T> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            final JsonNode element = value.get(i);
            if (!element.isObject()) {
                wrongType(name, i, "an object", element);
                continue;
            }
            items.add(reader.apply(new FieldReader(element, prefix + name + "[" + i + "].", violations, false)));
        }
        return Collections.unmodifiableList(items);
    }

    // ---------------------------------------------------------------- cross-field rules

    /**
     * The optional {@code item_id}, which must equal {@code expected} (ignoring hex case) when the
     * content determines it; {@code expected} may be null when it does not.
     */
    String itemId(final String expected) {
        final String itemId = nonBlank("item_id", Need.OPTIONAL);
        if (itemId != null && expected != null && !itemId.equalsIgnoreCase(expected)) {
            violate("item_id", -1, "does not match the item's content: expected " + quote(expected)
                    + ", got " + quote(itemId));
        }
        return itemId;
    }

    /** Records a broken rule on the field {@code name} of this object. */
    void violate(final String name, final String reason) {
        violate(name, -1, reason);
    }

    /** Whether the field is there and not null (whether or not its value is valid). */
    boolean present(final String name) {
        final JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    /**
     * The fields of this object that {@code known} does not name (and that are not the top-level
     * {@code type}), in the producer's order. Call after every known field was read once.
     */
    Map<String, JsonNode> unknownFields(final Set<String> known) {
        final int typeField = typeIsKnown && node.has("type") ? 1 : 0;
        if (seen + typeField == node.size()) {
            return Map.of();
        }
        final Map<String, JsonNode> unknown = new LinkedHashMap<>();
        for (final Map.Entry<String, JsonNode> entry : node.properties()) {
            final String name = entry.getKey();
            if (!known.contains(name) && !(typeIsKnown && "type".equals(name))) {
                unknown.put(name, entry.getValue());
            }
        }
        return unknown;
    }

    // ---------------------------------------------------------------- internals

    private JsonNode field(final String name, final Need need) {
        final JsonNode value = node.get(name);
        if (value == null) {
            if (need == Need.REQUIRED) {
                violate(name, -1, "is required");
            }
            return null;
        }
        seen++;
        if (value.isNull()) {
            if (need == Need.REQUIRED) {
                violate(name, -1, "is required but was null");
            }
            return null;
        }
        return value;
    }

    private JsonNode array(final String name, final Need need) {
        final JsonNode value = field(name, need);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            return wrongType(name, -1, "an array", value);
        }
        return value;
    }

    private Long counterValue(final String name, final int index, final JsonNode value) {
        if (!value.isIntegralNumber()) {
            return notAnInteger(name, index, value);
        }
        if (value.canConvertToLong()) {
            final long number = value.longValue();
            if (number < 0) {
                violate(name, index, "must not be negative, got " + number);
                return null;
            }
            return number;
        }
        if (value.bigIntegerValue().signum() < 0) {
            violate(name, index, "must not be negative, got " + value.bigIntegerValue());
        } else {
            violate(name, index, "must be less than 2^63, got " + value.bigIntegerValue());
        }
        return null;
    }

    private BigInteger unsigned(final String name, final int index, final JsonNode value, final int bits) {
        final BigInteger number;
        if (value.isIntegralNumber()) {
            number = value.canConvertToLong() ? BigInteger.valueOf(value.longValue()) : value.bigIntegerValue();
        } else if (value.isTextual()) {
            number = decimalInteger(name, index, value.textValue(), bits);
            if (number == null) {
                return null;
            }
        } else {
            return notAnInteger(name, index, value);
        }
        if (number.signum() < 0) {
            violate(name, index, "must not be negative, got " + number);
            return null;
        }
        if (number.bitLength() > bits) {
            violate(name, index, "must be less than 2^" + bits + " (uint" + bits + ")");
            return null;
        }
        return number;
    }

    /** A canonical decimal integer string ({@code "0"}, {@code "-5"}, {@code "1234"}); null and a violation otherwise. */
    private BigInteger decimalInteger(final String name, final int index, final String text, final int bits) {
        final int start = text.startsWith("-") ? 1 : 0;
        if (!isCanonicalInteger(text, start)) {
            violate(name, index, "expected an integer, got string that is not a decimal integer: " + quote(text));
            return null;
        }
        // A decimal of more digits than 2^bits has cannot be in range; do not build a huge number.
        if (start == 0 && text.length() > (bits == 64 ? 20 : 78)) {
            violate(name, index, "must be less than 2^" + bits + " (uint" + bits + ")");
            return null;
        }
        return new BigInteger(text);
    }

    /** Digits from {@code start} on, at least one, no leading zero (JSON's own integer syntax). */
    private static boolean isCanonicalInteger(final String text, final int start) {
        final int digits = text.length() - start;
        if (digits == 0 || digits > 1 && text.charAt(start) == '0') {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private BigDecimal plainDecimal(final String name, final String text) {
        if (!isPlainDecimal(text)) {
            violate(name, -1, "expected a decimal number, got string that is not a plain decimal: " + quote(text));
            return null;
        }
        return new BigDecimal(text);
    }

    /** {@code -?[0-9]+(\.[0-9]+)?}, at most 100 characters; the sign is judged by the caller. */
    private static boolean isPlainDecimal(final String text) {
        final int start = text.startsWith("-") ? 1 : 0;
        final int dot = text.indexOf('.');
        if (text.length() == start || text.length() > 100 || dot == start || dot == text.length() - 1) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            final char c = text.charAt(i);
            if ((c < '0' || c > '9') && i != dot) {
                return false;
            }
        }
        return true;
    }

    private String fixedHexValue(final String name, final int index, final JsonNode value, final int bytes) {
        final String text = hexText(name, index, value);
        if (text == null) {
            return null;
        }
        if (Hex.digits(text) != 2 * bytes) {
            violate(name, index, "must be 0x followed by " + 2 * bytes + " hex digits (" + bytes + " bytes), got "
                    + Hex.digits(text));
            return null;
        }
        return text;
    }

    /** A {@code 0x}-prefixed hex string in lower case, or null after recording why not. */
    private String hexText(final String name, final int index, final JsonNode value) {
        if (!value.isTextual()) {
            return wrongType(name, index, "a string", value);
        }
        final String text = value.textValue();
        final int cases = Hex.scan(text);
        if (cases == Hex.NOT_HEX) {
            return notHex(name, index, text, "hex digits");
        }
        return (cases & Hex.UPPER) != 0 ? text.toLowerCase(Locale.ROOT) : text;
    }

    private <T> T notHex(final String name, final int index, final String text, final String expected) {
        if (!text.startsWith("0x")) {
            violate(name, index, "must start with 0x, got " + quote(text));
        } else {
            violate(name, index, "must be 0x followed by " + expected + ", found non-hex character "
                    + Hex.firstBadCharacter(text));
        }
        return null;
    }

    private <T> T notAnInteger(final String name, final int index, final JsonNode value) {
        if (value.isNumber()) {
            violate(name, index, "expected an integer, got a fractional number " + value.asText());
            return null;
        }
        return wrongType(name, index, "an integer", value);
    }

    private <T> T wrongType(final String name, final int index, final String expected, final JsonNode value) {
        violate(name, index, "expected " + expected + ", got " + kind(value));
        return null;
    }

    private void violate(final String name, final int index, final String reason) {
        final String path = index < 0 ? prefix + name : prefix + name + "[" + index + "]";
        violations.add(new Violation(path, reason));
    }

    static String kind(final JsonNode value) {
        final JsonNodeType type = value.getNodeType();
        return switch (type) {
            case STRING -> "string";
            case NUMBER -> value.isIntegralNumber() ? "integer" : "fractional number";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT, POJO -> "object";
            case NULL -> "null";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    static String quote(final String text) {
        return text.length() <= MAX_QUOTED ? "'" + text + "'" : "'" + text.substring(0, MAX_QUOTED) + "…'";
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}. The common form without fraction is checked by hand
     * (this runs for every item); other forms go through {@link Instant#parse}.
     */
    static boolean isIsoUtc(final String text) {
        if (text.isEmpty() || text.charAt(text.length() - 1) != 'Z') {
            return false;
        }
        if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':') {
            final int year = digits(text, 0, 4);
            final int month = digits(text, 5, 7);
            final int day = digits(text, 8, 10);
            final int hour = digits(text, 11, 13);
            final int minute = digits(text, 14, 16);
            final int second = digits(text, 17, 19);
            if ((year | month | day | hour | minute | second) < 0) {
                return false;
            }
            try {
                LocalDateTime.of(year, month, day, hour, minute, second);
                return true;
            } catch (final DateTimeException invalidDate) {
                return false;
            }
        }
        if (text.length() < 20 || text.charAt(19) != '.') {
            return false;
        }
        try {
            Instant.parse(text);
            return true;
        } catch (final DateTimeParseException notIso) {
            return false;
        }
    }

    private static int digits(final String text, final int from, final int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            final char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
