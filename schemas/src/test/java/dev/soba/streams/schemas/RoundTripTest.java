package dev.soba.streams.schemas;

import static dev.soba.streams.schemas.Outcomes.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** parse → write → parse keeps every field, unknown ones and exact big integers included. */
class RoundTripTest {

    private final ItemSerde itemSerde = new ItemSerde();

    @Test
    void everySampleSurvivesWriteAndParse() {
        Samples.all().forEach((name, tree) -> {
            final Item item = valid(tree);
            assertThat(valid(Json.write(item))).as(name).isEqualTo(item);
        });
    }

    @Test
    void everySampleSurvivesTheItemSerdeWithoutRevalidation() {
        Samples.all().forEach((name, tree) -> {
            final Item item = valid(tree);
            final byte[] bytes = itemSerde.serializer().serialize("items", item);
            assertThat(itemSerde.deserializer().deserialize("items", bytes)).as(name).isEqualTo(item);
        });
    }

    @Test
    void everySampleSurvivesTheSerdeOfItsOwnRecordClass() {
        Samples.all().forEach((name, tree) -> {
            final Item item = valid(tree);
            roundTripWithOwnSerde(item);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T extends Item> void roundTripWithOwnSerde(final T item) {
        final JsonSerde<T> serde = new JsonSerde<>((Class<T>) item.getClass());
        final byte[] bytes = serde.serializer().serialize("t", item);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(item);
        final ObjectNode withoutType = (ObjectNode) Json.tree(bytes);
        withoutType.remove("type");
        assertThat(serde.deserializer().deserialize("t", Json.write(withoutType))).isEqualTo(item);
    }

    @Test
    void unknownFieldsAreKeptAndWrittenBackVerbatim() {
        final ObjectNode tree = Samples.transaction();
        tree.put("max_fee_per_blob_gas", 1_000_000_000L);
        tree.putArray("blob_versioned_hashes").add(Samples.hash("blob"));
        tree.put("receipt_blob_gas_price", BigInteger.ONE.shiftLeft(200));
        tree.put("receipt_blob_gas_used", 131_072);
        tree.put("receipt_l1_fee_scalar", new java.math.BigDecimal("0.684000"));
        tree.putObject("l2_extras").put("deposit_nonce", 12).putNull("source_hash");
        final byte[] bytes = Json.write(tree);

        final Transaction tx = (Transaction) valid(bytes);
        assertThat(tx.unknownFields()).containsKeys("max_fee_per_blob_gas", "blob_versioned_hashes",
                "receipt_blob_gas_price", "receipt_blob_gas_used", "receipt_l1_fee", "receipt_l1_fee_scalar", "l2_extras");

        final JsonNode written = Json.tree(Json.write(tx));
        // Unknown fields are copied as they came: numbers stay numbers (exact), nulls stay nulls.
        assertThat(written.get("receipt_blob_gas_price").isIntegralNumber()).isTrue();
        assertThat(written.get("receipt_blob_gas_price").bigIntegerValue()).isEqualTo(BigInteger.ONE.shiftLeft(200));
        assertThat(written.get("receipt_l1_fee_scalar").toString()).isEqualTo("0.684000");
        assertThat(written.get("receipt_l1_fee").isNull()).isTrue();
        assertThat(written.get("blob_versioned_hashes").get(0).textValue()).isEqualTo(Samples.hash("blob"));
        assertThat(written.get("l2_extras")).isEqualTo(tree.get("l2_extras"));
        assertThat(valid(Json.write(tx))).isEqualTo(tx);
        assertThat(itemSerde.deserializer().deserialize("t", itemSerde.serializer().serialize("t", tx))).isEqualTo(tx);
    }

    @Test
    void unknownFieldsOfNestedWithdrawalsAreKept() {
        final ObjectNode tree = Samples.block();
        ((ObjectNode) tree.get("withdrawals").get(0)).put("future_field", "x");
        final Block block = (Block) valid(tree);
        assertThat(block.withdrawals().get(0).unknownFields()).containsKey("future_field");
        assertThat(Json.tree(Json.write(block)).get("withdrawals").get(0).get("future_field").textValue()).isEqualTo("x");
        assertThat(valid(Json.write(block))).isEqualTo(block);
    }

    @Test
    void bigIntegersAreExactThroughEveryPath() {
        final ObjectNode tree = Samples.tokenTransfer();
        tree.put("value", Samples.MAX_UINT256);
        final String text = new String(Json.write(tree), StandardCharsets.UTF_8);
        assertThat(text).contains("\"value\":" + Samples.MAX_UINT256);

        final TokenTransfer transfer = (TokenTransfer) valid(text.getBytes(StandardCharsets.UTF_8));
        assertThat(transfer.value()).isEqualTo(Samples.MAX_UINT256);
        final byte[] written = Json.write(transfer);
        assertThat(new String(written, StandardCharsets.UTF_8)).contains("\"value\":\"" + Samples.MAX_UINT256 + "\"");
        assertThat(((TokenTransfer) valid(written)).value()).isEqualTo(Samples.MAX_UINT256);
        assertThat(Json.read(written, TokenTransfer.class).value()).isEqualTo(Samples.MAX_UINT256);
    }

    @Test
    void theTypeFieldComesFirstAndNullsOfKnownFieldsAreLeftOut() {
        final Transaction tx = (Transaction) valid(Samples.transaction());
        final String text = new String(Json.write(tx), StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"type\":\"transaction\",\"hash\":");
        assertThat(text).doesNotContain("receipt_contract_address").doesNotContain("receipt_root")
                .contains("\"receipt_l1_fee\":null");
    }

    @Test
    void amountsAreWrittenAsDecimalStringsAndCountersAsNumbers() {
        final JsonNode written = Json.tree(Json.write(valid(Samples.block())));
        assertThat(written.get("total_difficulty").textValue()).isEqualTo("58750003716598352816469");
        assertThat(written.get("difficulty").textValue()).isEqualTo("0");
        assertThat(written.get("number").isIntegralNumber()).isTrue();
        assertThat(written.get("withdrawals").get(0).get("amount").textValue()).isEqualTo("12420714");
        final JsonNode tick = Json.tree(Json.write(valid(Samples.marketTick())));
        assertThat(tick.get("price").textValue()).isEqualTo("1843.25");
        assertThat(tick.get("quantity").textValue()).isEqualTo("0.0500");
        assertThat(tick.get("side").textValue()).isEqualTo("buy");
    }

    @Test
    void aPriceGivenAsAJsonNumberIsWrittenAsAPlainString() {
        final byte[] bytes = "{\"type\":\"market_tick\",\"exchange\":\"binance\",\"symbol\":\"BTC-USD\",\"price\":1.5E4,\"quantity\":0.00000001,\"side\":\"sell\",\"trade_id\":\"9\",\"timestamp\":1683029999123}"
                .getBytes(StandardCharsets.UTF_8);
        final MarketTick tick = (MarketTick) valid(bytes);
        final JsonNode written = Json.tree(Json.write(tick));
        assertThat(written.get("price").textValue()).isEqualTo("15000");
        assertThat(written.get("quantity").textValue()).isEqualTo("0.00000001");
        assertThat(valid(Json.write(tick))).isEqualTo(tick);
    }

    @Test
    void itemSerdeReadsWithoutCheckingTheContractAgain() {
        // Internal topics hold items that were checked on the way in; the serde trusts them.
        final ObjectNode tree = Samples.log();
        tree.put("address", "0x12");
        final Item item = itemSerde.deserializer().deserialize("t", Json.write(tree));
        assertThat(item).isInstanceOf(LogItem.class);
        assertThat(((LogItem) item).address()).isEqualTo("0x12");
    }

    @Test
    void itemSerdeDispatchesOnTheTypeFieldWhereverItIs() {
        final ObjectNode tree = Samples.contract();
        tree.remove("type");
        tree.put("type", "contract");
        assertThat(itemSerde.deserializer().deserialize("t", Json.write(tree))).isEqualTo(valid(Samples.contract()));
    }

    @Test
    void serdesMapTombstonesToNullAndGarbageToSerializationException() {
        assertThat(itemSerde.serializer().serialize("t", null)).isNull();
        assertThat(itemSerde.deserializer().deserialize("t", null)).isNull();
        assertThatThrownBy(() -> itemSerde.deserializer().deserialize("items", "{\"type\":\"nope\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("cannot read Item from topic items");
        assertThatThrownBy(() -> itemSerde.deserializer().deserialize("items", "{".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void ownOutputRecordsSurviveTheirSerdes() {
        final RejectedRecord rejected = RejectedRecord.of(List.of(new Violation("value", "must not be negative, got -1"),
                new Violation("gas", "expected an integer, got string")), "blocks", 3, 42L,
                "{\"value\":-1}".getBytes(StandardCharsets.UTF_8), 1_700_000_000_000L);
        final JsonSerde<RejectedRecord> rejectedSerde = new JsonSerde<>(RejectedRecord.class);
        final byte[] bytes = rejectedSerde.serializer().serialize("rejected", rejected);
        assertThat(rejectedSerde.deserializer().deserialize("rejected", bytes)).isEqualTo(rejected);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"source_topic\":\"blocks\"")
                .contains("\"original_text\":\"{\\\"value\\\":-1}\"").doesNotContain("original_base64");

        final ReorgEvent reorg = new ReorgEvent(Samples.BLOCK, Samples.hash("old"), Samples.hash("new"), 1_700_000_000_000L);
        final JsonSerde<ReorgEvent> reorgSerde = new JsonSerde<>(ReorgEvent.class);
        final byte[] reorgBytes = reorgSerde.serializer().serialize("reorgs", reorg);
        assertThat(reorgSerde.deserializer().deserialize("reorgs", reorgBytes)).isEqualTo(reorg);
        assertThat(Json.tree(reorgBytes).fieldNames()).toIterable()
                .containsExactly("block_number", "old_hash", "new_hash", "detected_at");
    }
}
