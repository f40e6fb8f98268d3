package dev.soba.streams.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;

/**
 * The contract against reality: every message ethereum-etl's {@code stream} command wrote in its
 * own test suite, and the older messages of blockchain-etl-dataflow, must be valid; broken copies
 * of them must be rejected with the right field and reason.
 *
 * <p>Reads the public data folder given by the system property {@code soba.data} at run time
 * (run with {@code -Pacceptance -Dsoba.data=<folder>}); the data never enters the repository.
 */
class EthereumEtlContractAcceptanceTest {

    private static final List<String> HASH_FIELDS = List.of("hash", "transaction_hash", "block_hash");
    private static final List<String> ADDRESS_FIELDS =
            List.of("address", "token_address", "from_address", "to_address", "miner");
    private static final List<String> AMOUNT_FIELDS = List.of("value", "total_supply", "difficulty");

    private static List<RealItem> items;

    /** One message of the public data, with the type its file says it has. */
    record RealItem(Path file, int line, ItemType type, String json) {
        String where() {
            return file.getParent().getFileName() + "/" + file.getFileName() + ":" + line;
        }

        ObjectNode tree() {
            return (ObjectNode) Json.tree(json.getBytes(StandardCharsets.UTF_8));
        }
    }

    @BeforeAll
    static void readData() throws IOException {
        final String folder = System.getProperty("soba.data");
        if (folder == null || folder.isBlank()) {
            fail("system property soba.data is not set: run with -Pacceptance -Dsoba.data=<public data folder>");
        }
        final Path etl = Path.of(folder, "ethereum-etl");
        assertThat(etl).as("ethereum-etl folder under soba.data").isDirectory();
        final List<RealItem> all = new ArrayList<>();
        try (Stream<Path> streamFiles = Files.list(etl.resolve("test_stream"))) {
            for (final Path dir : streamFiles.sorted().toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (final Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                        all.addAll(read(file, typeOfStreamFile(file)));
                    }
                }
            }
        }
        try (Stream<Path> files = Files.list(etl.resolve("dataflow-inputs"))) {
            for (final Path file : files.sorted().toList()) {
                all.addAll(read(file, typeOfDataflowFile(file)));
            }
        }
        items = List.copyOf(all);
    }

    @Test
    void readsTheWholeDataSet() {
        // 1,288 stream messages and 10 older ones, as listed in the data folder's README.
        assertThat(items).hasSizeGreaterThanOrEqualTo(1_298);
        assertThat(items.stream().map(RealItem::type).distinct())
                .containsExactlyInAnyOrder(ItemType.BLOCK, ItemType.TRANSACTION, ItemType.LOG,
                        ItemType.TOKEN_TRANSFER, ItemType.TRACE, ItemType.CONTRACT, ItemType.TOKEN);
    }

    @Test
    void everyRealItemIsValidWithTheTypeOfItsFile() {
        for (final RealItem real : items) {
            final byte[] bytes = real.json().getBytes(StandardCharsets.UTF_8);
            for (final Optional<ItemType> topic : List.of(Optional.of(real.type()), Optional.<ItemType>empty())) {
                final Validated<Item> result = ItemParser.parse(bytes, topic);
                assertThat(result).as(real.where()).isInstanceOf(Validated.Valid.class);
                assertThat(((Validated.Valid<Item>) result).value().itemType()).as(real.where()).isEqualTo(real.type());
            }
        }
    }

    @Test
    void everyRealItemAndItsOutputAreValidUnderThePublishedSchema() {
        for (final RealItem real : items) {
            final JsonNode tree = real.tree();
            assertThat(ContractSchemas.errors(real.type(), tree)).as(real.where()).isEmpty();
            assertThat(ContractSchemas.errors(real.type(), Json.tree(Json.write(valid(tree))))).as(real.where()).isEmpty();
        }
    }

    @Test
    void realItemsSurviveWriteAndReadBackExactly() {
        final ItemSerde serde = new ItemSerde();
        for (final RealItem real : items) {
            final Item item = valid(real.tree());
            final byte[] written = Json.write(item);
            assertThat(valid(Json.tree(written))).as(real.where()).isEqualTo(item);
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", item)))
                    .as(real.where()).isEqualTo(item);
            // Every field of the producer is still there with the same value (amounts now as strings);
            // only nulls of known fields are left out.
            final JsonNode output = Json.tree(written);
            real.tree().properties().forEach(field -> {
                if (!field.getValue().isNull() || item.unknownFields().containsKey(field.getKey())) {
                    assertThat(sameValue(field.getValue(), output.get(field.getKey())))
                            .as(real.where() + " " + field.getKey() + ": " + output.get(field.getKey())).isTrue();
                } else {
                    assertThat(output.has(field.getKey())).as(real.where() + " " + field.getKey()).isFalse();
                }
            });
        }
    }

    @Test
    void identityIsTheProducersItemIdAndIsDerivedTheSameWayWithoutIt() {
        final Set<String> streamIds = new HashSet<>();
        for (final RealItem real : items) {
            final ObjectNode tree = real.tree();
            if (!tree.has("item_id")) {
                continue;
            }
            final String itemId = tree.get("item_id").textValue();
            streamIds.add(itemId);
            assertThat(valid(tree).identity()).as(real.where()).isEqualTo(itemId);
            tree.remove("item_id");
            final boolean blockScopedTrace = real.type() == ItemType.TRACE && !tree.hasNonNull("transaction_hash");
            if (!blockScopedTrace) {
                tree.remove("trace_id");
                assertThat(valid(tree).identity()).as(real.where() + " without item_id").isEqualTo(itemId);
            }
        }
        // The older messages (no item_id) of blocks that the stream data also has get the same ids.
        for (final RealItem real : items) {
            final ObjectNode tree = real.tree();
            final long block = tree.has("number") ? tree.get("number").asLong() : tree.get("block_number").asLong();
            if (!tree.has("item_id") && (block == 2_112_234L || block == 1_755_635L)) {
                assertThat(streamIds).as(real.where()).contains(valid(tree).identity());
            }
        }
    }

    @Test
    void aBrokenHexDigitInAHashIsRejected() {
        for (final RealItem real : items) {
            final ObjectNode tree = real.tree();
            final String field = firstPresent(tree, HASH_FIELDS);
            final String hash = tree.get(field).textValue();
            tree.put(field, hash.substring(0, 10) + "g" + hash.substring(11));
            assertRejected(real, tree, field, "non-hex character 'g' at position 10");
        }
    }

    @Test
    void anAddressOfTheWrongLengthIsRejected() {
        for (final RealItem real : items) {
            final ObjectNode tree = real.tree();
            final String field = firstPresent(tree, ADDRESS_FIELDS);
            tree.put(field, tree.get(field).textValue().substring(0, 41));
            assertRejected(real, tree, field, "must be 0x followed by 40 hex digits (20 bytes), got 39");
        }
    }

    @Test
    void checksummedAddressesAreAcceptedAndABrokenChecksumIsRejected() {
        for (final RealItem real : items) {
            final ObjectNode tree = real.tree();
            final String field = firstPresent(tree, ADDRESS_FIELDS);
            final String lower = tree.get(field).textValue();
            final String checksummed = Keys.toChecksumAddress(lower);
            tree.put(field, checksummed);
            final Item item = valid(tree);
            assertThat(Json.tree(Json.write(item)).get(field).textValue()).as(real.where()).isEqualTo(lower);
            tree.put(field, flipCaseOfOneLetter(checksummed));
            assertRejected(real, tree, field, "fails its EIP-55 checksum");
        }
    }

    @Test
    void truncatedJsonIsRejected() {
        for (final RealItem real : items) {
            final byte[] bytes = real.json().getBytes(StandardCharsets.UTF_8);
            final Validated<Item> result = ItemParser.parse(Arrays.copyOf(bytes, bytes.length / 2),
                    Optional.of(real.type()));
            assertThat(result).as(real.where()).isInstanceOf(Validated.Invalid.class);
            final Violation first = ((Validated.Invalid<Item>) result).first();
            assertThat(first.field()).as(real.where()).isEmpty();
            assertThat(first.reason()).as(real.where()).startsWith("not valid JSON: ");
        }
    }

    @Test
    void aStringWhereANumberBelongsIsRejected() {
        for (final RealItem real : items) {
            final ObjectNode tree = real.tree();
            final String field = real.type() == ItemType.BLOCK ? "number" : "block_number";
            tree.put(field, tree.get(field).asText());
            assertRejected(real, tree, field, "expected an integer, got string");
        }
    }

    @Test
    void aNegativeValueIsRejected() {
        for (final RealItem real : items) {
            final ObjectNode tree = real.tree();
            final String field = AMOUNT_FIELDS.stream().filter(tree::hasNonNull).findFirst().orElse("block_number");
            tree.put(field, -1);
            assertRejected(real, tree, field, "must not be negative, got -1");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static List<RealItem> read(final Path file, final ItemType type) throws IOException {
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        final List<RealItem> read = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                read.add(new RealItem(file, i + 1, type, lines.get(i)));
            }
        }
        return read;
    }

    /** {@code expected_token_transfers.json} holds what ethereum-etl writes to topic {@code token_transfers}. */
    private static ItemType typeOfStreamFile(final Path file) {
        final String topic = file.getFileName().toString().replace("expected_", "").replace(".json", "");
        return Arrays.stream(ItemType.values()).filter(t -> t.defaultTopic().equals(topic)).findFirst()
                .orElseThrow(() -> new AssertionError("no item type for " + file));
    }

    /** {@code ethereumBlock2112234Traces.json} holds traces; a file without suffix holds one block. */
    private static ItemType typeOfDataflowFile(final Path file) {
        final String name = file.getFileName().toString().replace(".json", "");
        if (name.endsWith("TokenTransfers")) {
            return ItemType.TOKEN_TRANSFER;
        }
        for (final ItemType type : List.of(ItemType.TRANSACTION, ItemType.LOG, ItemType.TRACE, ItemType.CONTRACT,
                ItemType.TOKEN)) {
            final String suffix = Character.toUpperCase(type.defaultTopic().charAt(0)) + type.defaultTopic().substring(1);
            if (name.endsWith(suffix)) {
                return type;
            }
        }
        return ItemType.BLOCK;
    }

    private static Item valid(final JsonNode tree) {
        final Validated<Item> result = ItemParser.parse(tree, Optional.empty());
        if (result instanceof Validated.Invalid<Item> invalid) {
            fail("expected valid, got " + invalid.violations() + " for " + tree);
        }
        return ((Validated.Valid<Item>) result).value();
    }

    /** Rejected by the parser with this one violation and, for structural rules, by the schema on the same field. */
    private static void assertRejected(final RealItem real, final ObjectNode tree, final String field,
            final String reason) {
        assertRejectedByParser(real, tree, field, reason);
        if (!reason.contains("EIP-55")) {
            assertThat(ContractSchemas.errors(real.type(), tree)).as(real.where() + " schema")
                    .anyMatch(e -> field.equals(e.getInstanceLocation().getName(0)));
        }
    }

    private static void assertRejectedByParser(final RealItem real, final ObjectNode tree, final String field,
            final String reason) {
        final Validated<Item> result = ItemParser.parse(Json.write(tree), Optional.of(real.type()));
        assertThat(result).as(real.where()).isInstanceOf(Validated.Invalid.class);
        final List<Violation> violations = ((Validated.Invalid<Item>) result).violations();
        assertThat(violations).as(real.where()).hasSize(1);
        assertThat(violations.get(0).field()).as(real.where()).isEqualTo(field);
        assertThat(violations.get(0).reason()).as(real.where()).contains(reason);
    }

    /** Equal JSON, except that an integer may have become the decimal string of the same value. */
    private static boolean sameValue(final JsonNode original, final JsonNode written) {
        if (written == null) {
            return false;
        }
        if (original.isIntegralNumber() && written.isTextual()) {
            return original.bigIntegerValue().toString().equals(written.textValue());
        }
        if (original.isArray() && written.isArray() || original.isObject() && written.isObject()) {
            if (original.size() != written.size()) {
                return false;
            }
            if (original.isArray()) {
                for (int i = 0; i < original.size(); i++) {
                    if (!sameValue(original.get(i), written.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            for (final var field : original.properties()) {
                if (!sameValue(field.getValue(), written.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return original.equals(written);
    }

    private static String firstPresent(final ObjectNode tree, final List<String> fields) {
        return fields.stream().filter(tree::hasNonNull).findFirst()
                .orElseThrow(() -> new AssertionError("none of " + fields + " in " + tree));
    }

    private static String flipCaseOfOneLetter(final String address) {
        for (int i = 2; i < address.length(); i++) {
            final char c = address.charAt(i);
            if (Character.isLetter(c)) {
                final char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                return address.substring(0, i) + flipped + address.substring(i + 1);
            }
        }
        throw new AssertionError("no letter in " + address);
    }
}
