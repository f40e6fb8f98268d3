package dev.soba.streams.schemas;

import static dev.soba.streams.schemas.Outcomes.valid;
import static dev.soba.streams.schemas.Outcomes.violations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Record-level behaviour of the parser: bytes, JSON, type dispatch, collecting every violation. */
class ItemParserTest {

    @Test
    void everySampleIsValidAndTyped() {
        Samples.all().forEach((name, tree) -> {
            final Item item = valid(tree);
            assertThat(item.itemType().typeName()).as(name).isEqualTo(tree.get("type").textValue());
        });
    }

    @Test
    void bytesAreParsedLikeTheTree() {
        Samples.all().forEach((name, tree) ->
                assertThat(valid(Json.write(tree))).as(name).isEqualTo(valid(tree)));
    }

    @Test
    void validRecordsBecomeTypedRecords() {
        final Transaction tx = (Transaction) valid(Samples.transaction());
        assertThat(tx.hash()).isEqualTo(Samples.TX_HASH);
        assertThat(tx.value()).isEqualTo(new java.math.BigInteger("7400000000000000000"));
        assertThat(tx.blockNumber()).isEqualTo(Samples.BLOCK);
        assertThat(tx.toAddress()).isEqualTo(Samples.address("router"));
        assertThat(tx.receiptContractAddress()).isNull();
        assertThat(tx.unknownFields()).containsOnlyKeys("receipt_l1_fee", "receipt_l1_gas_used",
                "receipt_l1_gas_price", "receipt_l1_fee_scalar");
        final LogItem log = (LogItem) valid(Samples.log());
        assertThat(log.topics()).hasSize(3).first().isEqualTo(Samples.TRANSFER_TOPIC);
        final Block block = (Block) valid(Samples.block());
        assertThat(block.withdrawals()).hasSize(2);
        assertThat(block.withdrawals().get(1).validatorIndex()).isEqualTo(540_231L);
        assertThat(block.unknownFields()).isEmpty();
        final MarketTick tick = (MarketTick) valid(Samples.marketTick());
        assertThat(tick.price()).isEqualByComparingTo("1843.25");
        assertThat(tick.side()).isEqualTo(MarketTick.Side.BUY);
    }

    @Test
    void mixedAndUpperCaseHexIsNormalisedToLowerCase() {
        final ObjectNode tree = Samples.tokenTransfer();
        tree.put("token_address", org.web3j.crypto.Keys.toChecksumAddress(Samples.address("weth")));
        tree.put("transaction_hash", Samples.TX_HASH.toUpperCase(java.util.Locale.ROOT).replace("0X", "0x"));
        final TokenTransfer transfer = (TokenTransfer) valid(tree);
        assertThat(transfer.tokenAddress()).isEqualTo(Samples.address("weth"));
        assertThat(transfer.transactionHash()).isEqualTo(Samples.TX_HASH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\": \"block\", \"number\": ", "not json", "{\"a\":1} trailing", "[1,", "\"unterminated"})
    void bytesThatAreNotJsonAreRejectedAsAWhole(final String text) {
        final List<Violation> violations = violations(text.getBytes(StandardCharsets.UTF_8), Optional.empty());
        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).field()).isEmpty();
        assertThat(violations.get(0).reason()).startsWith("not valid JSON: ").hasSizeLessThan(260)
                .doesNotContain("\n").doesNotContain("Source:");
    }

    @Test
    void notJsonReasonSaysWhereTheParserStopped() {
        final List<Violation> violations = violations("{\"number\": 1,\n \"hash\": }".getBytes(StandardCharsets.UTF_8),
                Optional.of(ItemType.BLOCK));
        assertThat(violations.get(0).reason()).startsWith("not valid JSON: Unexpected character ('}'")
                .endsWith("at line 2, column 10");
    }

    @Test
    void duplicateKeysAreRejectedBecauseWhichValueCountsWouldBeAGuess() {
        final byte[] record = "{\"type\":\"log\",\"log_index\":1,\"log_index\":2}".getBytes(StandardCharsets.UTF_8);
        assertThat(violations(record, Optional.empty()).get(0).reason()).startsWith("not valid JSON: Duplicate field 'log_index'");
    }

    @Test
    void invalidUtf8IsRejected() {
        final byte[] record = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThat(violations(record, Optional.empty()).get(0).reason()).startsWith("not valid JSON: Invalid UTF-8");
    }

    @Test
    void emptyAndMissingValuesAreRejected() {
        assertThat(violations(new byte[0], Optional.of(ItemType.LOG))).containsExactly(new Violation("", "record is empty"));
        assertThat(violations(" \n".getBytes(StandardCharsets.UTF_8), Optional.empty()))
                .containsExactly(new Violation("", "record is empty"));
        assertThat(violations((byte[]) null, Optional.of(ItemType.LOG)))
                .containsExactly(new Violation("", "record has no value (null or tombstone)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"block\"", "42", "true", "null"})
    void jsonThatIsNotAnObjectIsRejected(final String text) {
        final List<Violation> violations = violations(text.getBytes(StandardCharsets.UTF_8), Optional.of(ItemType.BLOCK));
        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).field()).isEmpty();
        assertThat(violations.get(0).reason()).startsWith("expected a JSON object, got ");
    }

    @ParameterizedTest
    @EnumSource(ItemType.class)
    void aMissingTypeIsTakenFromTheTopic(final ItemType type) {
        final ObjectNode tree = Samples.of(type);
        tree.remove("type");
        final Item item = ((Validated.Valid<Item>) ItemParser.parse(tree, Optional.of(type))).value();
        assertThat(item.itemType()).isEqualTo(type);
        assertThat(item.unknownFields()).doesNotContainKey("type");
        assertThat(Json.tree(Json.write(item)).get("type").textValue()).isEqualTo(type.typeName());
        tree.putNull("type");
        assertThat(ItemParser.parse(tree, Optional.of(type))).isInstanceOf(Validated.Valid.class);
    }

    @Test
    void aMissingTypeWithoutTopicTypeIsRejected() {
        final ObjectNode tree = Samples.log();
        tree.remove("type");
        assertThat(violations(tree)).containsExactly(new Violation("type",
                "is required (one of block, transaction, log, token_transfer, trace, contract, token, market_tick)"));
    }

    @Test
    void anUnknownTypeIsRejectedListingTheKnownOnes() {
        final ObjectNode tree = Samples.log();
        tree.put("type", "receipt");
        assertThat(violations(tree)).containsExactly(new Violation("type",
                "unknown type 'receipt'; expected one of block, transaction, log, token_transfer, trace, contract, token, market_tick"));
        tree.put("type", 7);
        assertThat(violations(tree)).containsExactly(new Violation("type", "expected a string, got integer"));
    }

    @Test
    void anItemOnTheTopicOfAnotherTypeIsRejectedAndStillCheckedAsWhatItSays() {
        final ObjectNode tree = Samples.log();
        assertThat(violations(Json.write(tree), Optional.of(ItemType.TRANSACTION)))
                .containsExactly(new Violation("type", "item of type 'log' on a topic for 'transaction'"));
        tree.put("log_index", -1);
        assertThat(violations(Json.write(tree), Optional.of(ItemType.TRANSACTION))).extracting(Violation::field)
                .containsExactly("type", "log_index");
    }

    @Test
    void everyViolationOfARecordIsReportedInFieldOrder() {
        final ObjectNode tree = Samples.transaction();
        tree.put("hash", "0x1234");
        tree.put("value", -5);
        tree.put("gas", "121632");
        tree.remove("block_hash");
        tree.put("to_address", "0xABC");
        tree.put("item_timestamp", "yesterday");
        assertThat(violations(tree)).containsExactly(
                new Violation("hash", "must be 0x followed by 64 hex digits (32 bytes), got 4"),
                new Violation("to_address", "must be 0x followed by 40 hex digits (20 bytes), got 3"),
                new Violation("value", "must not be negative, got -5"),
                new Violation("gas", "expected an integer, got string"),
                new Violation("block_hash", "is required"),
                new Violation("item_timestamp",
                        "must be an ISO-8601 UTC timestamp like 2023-05-02T12:19:59Z, got 'yesterday'"));
    }

    @Test
    void longValuesAreShortenedInReasons() {
        final ObjectNode tree = Samples.marketTick();
        tree.put("side", "x".repeat(10_000));
        final Violation violation = violations(tree).get(0);
        assertThat(violation.reason()).hasSizeLessThan(200).endsWith("…'");
    }

    @Test
    void unknownFieldsAreKeptInProducerOrder() {
        final ObjectNode tree = Samples.block();
        tree.put("blob_gas_used", 131_072);
        tree.put("excess_blob_gas", 0);
        tree.put("parent_beacon_block_root", Samples.hash("beacon"));
        final Block block = (Block) valid(tree);
        assertThat(block.unknownFields().keySet()).containsExactly("blob_gas_used", "excess_blob_gas",
                "parent_beacon_block_root");
        assertThat(block.unknownFields().get("blob_gas_used").asLong()).isEqualTo(131_072L);
    }

    @Test
    void knownTypesAreListedInEnumOrder() {
        assertThat(ItemParser.knownTypes())
                .isEqualTo("block, transaction, log, token_transfer, trace, contract, token, market_tick");
    }

    @Test
    void everyRecordKnowsExactlyTheFieldsItWrites() {
        // The parser's notion of "known" is derived from the records; check it against the output.
        final Map<String, ObjectNode> samples = Samples.all();
        samples.forEach((name, tree) -> {
            final Item item = valid(tree);
            final java.util.Set<String> written = new java.util.HashSet<>();
            Json.tree(Json.write(item)).fieldNames().forEachRemaining(written::add);
            written.removeAll(item.unknownFields().keySet());
            written.remove("type");
            final java.util.Set<String> known = JsonNames.of(((Record) item).getClass());
            assertThat(known).as(name).containsAll(written);
        });
    }
}
