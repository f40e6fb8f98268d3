package dev.soba.streams.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks input records against their contract and turns them into typed {@link Item}s.
 *
 * <p>Every broken rule of a record is reported (not just the first), each with the path of the
 * failing field. A record is parsed into a tree once; the typed record is then built from the tree
 * while the rules are checked, so valid input costs one parse and one pass. Nothing here throws on
 * bad input: the answer is always a {@link Validated}.
 */
public final class ItemParser {

    private static final ObjectReader TREE_READER = Json.mapper().reader();

    private static final Map<String, ItemType> TYPES_BY_NAME = Arrays.stream(ItemType.values())
            .collect(Collectors.toUnmodifiableMap(ItemType::typeName, t -> t));
    private static final String TYPE_LIST = Arrays.stream(ItemType.values())
            .map(ItemType::typeName).collect(Collectors.joining(", "));

    private ItemParser() {
    }

    /**
     * Parses and checks one record's bytes.
     *
     * @param record       the record value as UTF-8 JSON
     * @param expectedType the type of the topic the record came from, if it carries one type;
     *                     used when the item has no {@code type} field, checked when it has one
     */
    public static Validated<Item> parse(final byte[] record, final Optional<ItemType> expectedType) {
        if (record == null) {
            return invalid("", "record has no value (null or tombstone)");
        }
        final JsonNode tree;
        try {
            tree = TREE_READER.readTree(record);
        } catch (final IOException e) {
            return invalid("", "not valid JSON: " + Json.shortMessage(e));
        } catch (final NumberFormatException e) {
            return invalid("", "not valid JSON: " + Json.shortMessage(e));
        }
        return parse(tree, expectedType);
    }

    /** Checks an already parsed JSON value, e.g. a REST request body; same rules as {@link #parse(byte[], Optional)}. */
    public static Validated<Item> parse(final JsonNode node, final Optional<ItemType> expectedType) {
        if (node == null || node.isMissingNode()) {
            return invalid("", "record is empty");
        }
        if (!node.isObject()) {
            return invalid("", "expected a JSON object, got " + FieldReader.kind(node));
        }
        final List<Violation> violations = new ArrayList<>(2);
        final Optional<ItemType> type = resolveType(node.get("type"), expectedType, violations);
        if (type.isEmpty()) {
            return new Validated.Invalid<>(violations);
        }
        final Item item = readerFor(type.get()).apply(new FieldReader(node, "", violations, true));
        return violations.isEmpty() ? new Validated.Valid<>(item) : new Validated.Invalid<>(violations);
    }

    /** The known {@code type} values, in the order of {@link ItemType}. */
    public static String knownTypes() {
        return TYPE_LIST;
    }

    /**
     * The item's type from its {@code type} field or, when absent, the topic's. Empty (with a
     * violation) when the item cannot be checked at all; a mismatch with the topic is recorded
     * but the item is still checked as what it says it is, so the producer sees every problem.
     */
    private static Optional<ItemType> resolveType(final JsonNode typeField, final Optional<ItemType> expectedType,
            final List<Violation> violations) {
        if (typeField == null || typeField.isNull()) {
            if (expectedType.isEmpty()) {
                violations.add(new Violation("type", "is required (one of " + TYPE_LIST + ")"));
            }
            return expectedType;
        }
        if (!typeField.isTextual()) {
            violations.add(new Violation("type", "expected a string, got " + FieldReader.kind(typeField)));
            return Optional.empty();
        }
        final ItemType declared = TYPES_BY_NAME.get(typeField.textValue());
        if (declared == null) {
            violations.add(new Violation("type", "unknown type " + FieldReader.quote(typeField.textValue())
                    + "; expected one of " + TYPE_LIST));
            return Optional.empty();
        }
        if (expectedType.isPresent() && expectedType.get() != declared) {
            violations.add(new Violation("type", "item of type '" + declared.typeName() + "' on a topic for '"
                    + expectedType.get().typeName() + "'"));
        }
        return Optional.of(declared);
    }

    private static Function<FieldReader, Item> readerFor(final ItemType type) {
        return switch (type) {
            case BLOCK -> Block::read;
            case TRANSACTION -> Transaction::read;
            case LOG -> LogItem::read;
            case TOKEN_TRANSFER -> TokenTransfer::read;
            case TRACE -> Trace::read;
            case CONTRACT -> Contract::read;
            case TOKEN -> Token::read;
            case MARKET_TICK -> MarketTick::read;
        };
    }

    private static Validated<Item> invalid(final String field, final String reason) {
        return new Validated.Invalid<>(List.of(new Violation(field, reason)));
    }
}
