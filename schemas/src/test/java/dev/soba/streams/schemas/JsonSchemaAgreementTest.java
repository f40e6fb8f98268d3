package dev.soba.streams.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;

/**
 * The JSON Schema files are the published contract and {@link ItemParser} is its implementation:
 * they must name the same fields, require the same ones, and accept and reject the same
 * structural values. The failing values are generated per kind of field, for every field of every
 * sample. (Rules a JSON Schema cannot state — EIP-55 checksums, item_id consistency,
 * gas_used ≤ gas_limit, "not in the future" — are the parser's alone, see the schema descriptions.)
 */
class JsonSchemaAgreementTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigInteger TWO_POW_256 = BigInteger.ONE.shiftLeft(256);
    /** Fields whose rules relate them to other fields, which a JSON Schema does not state. */
    private static final Set<String> PARSER_ONLY_FIELDS = Set.of("item_id", "trace_id");

    @Test
    void schemasNameExactlyTheFieldsOfTheRecords() {
        final Map<String, Class<? extends Record>> records = Map.of("block", Block.class, "transaction",
                Transaction.class, "log", LogItem.class, "token_transfer", TokenTransfer.class, "trace", Trace.class,
                "contract", Contract.class, "token", Token.class, "market_tick", MarketTick.class, "rejected_record",
                RejectedRecord.class, "reorg_event", ReorgEvent.class);
        for (final String name : ContractSchemas.NAMES) {
            final Set<String> properties = new HashSet<>();
            ContractSchemas.document(name).get("properties").fieldNames().forEachRemaining(properties::add);
            properties.remove("type");
            assertThat(properties).as(name).isEqualTo(JsonNames.of(records.get(name)));
        }
        final Set<String> withdrawal = new HashSet<>();
        ContractSchemas.document("block").at("/$defs/withdrawal/properties").fieldNames().forEachRemaining(withdrawal::add);
        assertThat(withdrawal).isEqualTo(JsonNames.of(Withdrawal.class));
    }

    @Test
    void definitionsSharedByTheFilesAreIdentical() {
        final Map<String, JsonNode> seen = new HashMap<>();
        for (final String name : ContractSchemas.NAMES) {
            final JsonNode document = ContractSchemas.document(name);
            assertThat(document.get("$schema").textValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            document.get("$defs").properties().forEach(def -> {
                final JsonNode earlier = seen.putIfAbsent(def.getKey(), def.getValue());
                assertThat(earlier == null || earlier.equals(def.getValue())).as(name + " $defs/" + def.getKey()).isTrue();
            });
        }
    }

    @Test
    void everySampleAndItsOutputAreValidUnderTheirSchema() {
        Samples.all().forEach((name, tree) -> {
            final Item item = Outcomes.valid(tree);
            assertThat(ContractSchemas.errors(item.itemType(), tree)).as(name).isEmpty();
            assertThat(ContractSchemas.errors(item.itemType(), Json.tree(Json.write(item)))).as(name + " output").isEmpty();
        });
    }

    @Test
    void requiredAndOptionalFieldsAgree() {
        Samples.all().forEach((name, sample) -> {
            final String type = sample.get("type").textValue();
            final Set<String> required = new HashSet<>();
            ContractSchemas.document(type).get("required").forEach(r -> required.add(r.textValue()));
            sample.fieldNames().forEachRemaining(field -> {
                if ("type".equals(field)) {
                    return;
                }
                for (final boolean asNull : new boolean[] {false, true}) {
                    final ObjectNode tree = sample.deepCopy();
                    if (asNull) {
                        tree.putNull(field);
                    } else {
                        tree.remove(field);
                    }
                    final String what = name + (asNull ? " with null " : " without ") + field;
                    final boolean schemaValid = ContractSchemas.errors(type, tree).isEmpty();
                    final Validated<Item> parsed = ItemParser.parse(tree, Optional.empty());
                    if (schemaValid) {
                        // Only the parser's consistency rules may still object (e.g. a trace_id that
                        // names a trace address the item no longer has).
                        assertThat(parsed instanceof Validated.Invalid<Item> invalid ? invalid.violations() : List.of())
                                .as(what).allMatch(v -> PARSER_ONLY_FIELDS.contains(v.field()));
                    } else {
                        assertThat(parsed).as(what).isInstanceOf(Validated.Invalid.class);
                    }
                    if (required.contains(field)) {
                        assertThat(parsed).as(what).isInstanceOf(Validated.Invalid.class);
                        assertThat(((Validated.Invalid<Item>) parsed).violations()).as(what)
                                .contains(new Violation(field, asNull ? "is required but was null" : "is required"));
                    }
                }
            });
        });
    }

    @Test
    void structurallyBrokenValuesAreRejectedByBothOnTheSameField() {
        final List<String> disagreements = new ArrayList<>();
        int cases = 0;
        for (final Map.Entry<String, ObjectNode> entry : Samples.all().entrySet()) {
            final ObjectNode sample = entry.getValue();
            final String type = sample.get("type").textValue();
            final JsonNode properties = ContractSchemas.document(type).get("properties");
            final List<String> fields = new ArrayList<>();
            sample.fieldNames().forEachRemaining(fields::add);
            for (final String field : fields) {
                if (!properties.has(field)) {
                    continue;
                }
                for (final JsonNode bad : badValues(kind(properties.get(field)), sample.get(field))) {
                    cases++;
                    final ObjectNode tree = sample.deepCopy();
                    tree.set(field, bad);
                    final boolean parserRejectsField = ItemParser.parse(tree, Optional.empty())
                            instanceof Validated.Invalid<Item> invalid
                            && invalid.violations().stream().anyMatch(v -> v.field().equals(field)
                                    || v.field().startsWith(field + "[") || "type".equals(field) && v.field().equals("type"));
                    final Set<ValidationMessage> errors = ContractSchemas.errors(type, tree);
                    final boolean schemaRejectsField = errors.stream()
                            .anyMatch(e -> e.getInstanceLocation().getNameCount() > 0
                                    && field.equals(e.getInstanceLocation().getName(0)));
                    if (!parserRejectsField || !schemaRejectsField) {
                        disagreements.add(entry.getKey() + "." + field + " = " + bad + ": parser "
                                + (parserRejectsField ? "rejects" : "accepts") + ", schema "
                                + (schemaRejectsField ? "rejects" : "accepts " + errors));
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(cases).isGreaterThan(400);
    }

    @Test
    void lenientSpellingsAreAcceptedByBoth() {
        final List<ObjectNode> variants = new ArrayList<>();
        final ObjectNode checksummed = Samples.tokenTransfer();
        checksummed.put("from_address", Keys.toChecksumAddress(Samples.address("from")));
        variants.add(checksummed);
        final ObjectNode upperHash = Samples.block();
        upperHash.put("parent_hash", "0x" + Samples.hash("parent").substring(2).toUpperCase(java.util.Locale.ROOT));
        variants.add(upperHash);
        final ObjectNode amountsAsStrings = Samples.transaction();
        amountsAsStrings.put("value", Samples.MAX_UINT256.toString()).put("nonce", "18446744073709551615");
        variants.add(amountsAsStrings);
        final ObjectNode numericPrice = Samples.marketTick();
        numericPrice.put("price", 1843.25).put("quantity", 3);
        variants.add(numericPrice);
        final ObjectNode noTopics = Samples.log();
        noTopics.putArray("topics");
        variants.add(noTopics);
        final ObjectNode oldContract = Samples.contract();
        oldContract.remove(List.of("block_number", "block_hash", "block_timestamp", "item_id"));
        variants.add(oldContract);
        for (final ObjectNode variant : variants) {
            assertThat(Outcomes.valid(variant)).isNotNull();
            assertThat(ContractSchemas.errors(variant.get("type").textValue(), variant)).as(variant.toString()).isEmpty();
        }
    }

    @Test
    void ownOutputRecordsAreValidUnderTheirSchemas() {
        final RejectedRecord rejected = RejectedRecord.of(List.of(new Violation("", "not valid JSON: x")), "logs", 0, 7L,
                new byte[] {(byte) 0xff, 0x00}, 1_700_000_000_000L);
        final JsonNode rejectedJson = Json.tree(Json.write(rejected));
        assertThat(ContractSchemas.errors("rejected_record", rejectedJson)).isEmpty();
        assertThat(rejectedJson.get("original_base64").textValue()).isEqualTo("/wA=");
        final ObjectNode withoutViolations = rejectedJson.deepCopy();
        withoutViolations.putArray("violations");
        assertThat(ContractSchemas.errors("rejected_record", withoutViolations)).isNotEmpty();

        final JsonNode reorg = Json.tree(Json.write(new ReorgEvent(5L, Samples.hash("a"), Samples.hash("b"), 9L)));
        assertThat(ContractSchemas.errors("reorg_event", reorg)).isEmpty();
        final ObjectNode brokenReorg = reorg.deepCopy();
        brokenReorg.put("new_hash", "0x12");
        assertThat(ContractSchemas.errors("reorg_event", brokenReorg)).isNotEmpty();
    }

    // ---------------------------------------------------------------- generated failing values

    /** What kind of value a schema property holds: a {@code $defs} name or a description of the inline schema. */
    private static String kind(final JsonNode property) {
        final boolean nullable = property.has("anyOf") && property.get("anyOf").size() == 2
                && property.get("anyOf").get(1).path("type").asText().equals("null");
        final JsonNode schema = nullable ? property.get("anyOf").get(0) : property;
        if (schema.has("$ref")) {
            final String ref = schema.get("$ref").textValue();
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        if (schema.has("enum")) {
            return "enum";
        }
        final String type = schema.path("type").asText();
        return switch (type) {
            case "array" -> "array:" + kind(schema.get("items"));
            case "string" -> schema.has("pattern") ? "symbol" : "string";
            case "integer" -> "bounded:" + schema.get("minimum").asText() + ":" + schema.get("maximum").asText();
            default -> type;
        };
    }

    private static List<JsonNode> badValues(final String kind, final JsonNode current) {
        final List<JsonNode> bad = new ArrayList<>();
        if (kind.startsWith("array:")) {
            bad.add(NODES.textNode("not an array"));
            bad.add(NODES.numberNode(5));
            for (final JsonNode element : badValues(kind.substring("array:".length()), null)) {
                final ArrayNode array = current != null && current.isArray() && !current.isEmpty()
                        ? current.deepCopy() : NODES.arrayNode();
                array.add(element);
                bad.add(array);
            }
            if (kind.equals("array:hash")) {
                final ArrayNode five = NODES.arrayNode();
                for (int i = 0; i < 5; i++) {
                    five.add(Samples.hash("t" + i));
                }
                bad.add(five);
            }
            return bad;
        }
        switch (kind) {
            case "hash" -> add(bad, "0x1234", 5, "0x" + "g".repeat(64), "ab".repeat(32), "0x" + "ab".repeat(33));
            case "address" -> add(bad, "0x1234", 7, "0x" + "z".repeat(40), "ab".repeat(20));
            case "hexData" -> add(bad, "0x123", "abcd", "0xzz", 12);
            case "bytes4" -> add(bad, "0x00", "00000000", 3);
            case "bytes8" -> add(bad, "0x00", "0000000000000000", 3);
            case "bytes256" -> add(bad, "0x00", "00".repeat(256), 3);
            case "counter" -> add(bad, -1, "5", 1.5, BigInteger.ONE.shiftLeft(63), true);
            case "bit" -> add(bad, 2, -1, "1");
            case "uint64" -> add(bad, -1, "abc", BigInteger.ONE.shiftLeft(64), 1.5, "-1", "0x10", "007",
                    "1".repeat(21));
            case "uint256" -> add(bad, -1, "abc", TWO_POW_256, "1.5", true, "1".repeat(79), "-3", "0x10");
            case "isoUtc" -> add(bad, "yesterday", "2023-05-02 12:19:59", "2023-05-02T12:19:59+02:00", 5);
            case "nonBlank" -> add(bad, "", "   ", 5);
            case "positiveDecimal" -> add(bad, "0", -1, "abc", "1e5", true, 0, "-2.5", ".5");
            case "enum" -> add(bad, "bogus", 5);
            case "boolean" -> add(bad, "yes", 1);
            case "string" -> add(bad, 5, true);
            case "symbol" -> add(bad, "eth-usdt", "ETHUSDT", 5);
            case "withdrawal" -> add(bad, 5, "w");
            default -> {
                if (!kind.startsWith("bounded:")) {
                    throw new IllegalArgumentException("no bad values for kind " + kind);
                }
                final String[] bounds = kind.split(":");
                final BigInteger min = new BigInteger(bounds[1]);
                final BigInteger max = new BigInteger(bounds[2]);
                add(bad, min.subtract(BigInteger.ONE), max.add(BigInteger.ONE), "7", 1.5);
            }
        }
        return bad;
    }

    private static void add(final List<JsonNode> bad, final Object... values) {
        for (final Object value : values) {
            bad.add(Json.mapper().valueToTree(value instanceof BigInteger big ? NODES.numberNode(big) : value));
        }
    }
}
