package dev.soba.streams.schemas.mev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.soba.streams.schemas.Json;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The finding format: exact snake_case fields per kind, amounts as strings, and the JSON Schema agreeing. */
class MevFindingTest {

    private static final String WETH = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2";
    private static final String TOKEN = "0x9813037ee2218799597d83d4a5b6f3b6778218d9";
    private static final String POOL = "0xefb47fcfcad4f96c83d4ca676842fb03ef20a477";
    private static final String BOT = "0x000000000027d2efc283613d0c3e24a8b430c4d8";
    private static final String TX1 = "0x" + "1".repeat(64);
    private static final String TX2 = "0x" + "2".repeat(64);
    private static final String TX3 = "0x" + "3".repeat(64);
    private static final JsonSchema SCHEMA = schema();

    private static JsonSchema schema() {
        try (InputStream in = MevFindingTest.class.getResourceAsStream("/schemas/mev_finding.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(Json.mapper().readTree(in), SchemaValidatorsConfig.builder().build());
        } catch (final IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static MevFinding sandwich() {
        return MevFinding.sandwich(12775690L, BOT, new MevFinding.SandwichLegs(POOL, TX1, List.of(TX2), TX3),
                new MevFinding.Profit(WETH, new BigInteger("49991481915322274")), new BigInteger("-4358"), "uniswap_v2",
                null);
    }

    static MevFinding arbitrage() {
        return MevFinding.arbitrage(12914944L, TX1, BOT, List.of(
                new ArbitrageLeg(POOL, WETH, BigInteger.TEN, TOKEN, BigInteger.TWO),
                new ArbitrageLeg("0x" + "a".repeat(40), TOKEN, BigInteger.TWO, WETH, BigInteger.valueOf(11))),
                BigInteger.ONE, "uniswap_v2,uniswap_v3", "Reverted");
    }

    static MevFinding liquidation() {
        return MevFinding.liquidation(13244807L, TX1, BOT, new MevFinding.LiquidationTerms(
                "0xd16404ca0a74a15e66d8ad7c925592fb02422ffe", "0xdac17f958d2ee523a2206206994597c13d831ec7",
                new BigInteger("26503300291"), WETH, new BigInteger("8182733924513576561")), "aave", null);
    }

    static MevFinding jit() {
        return MevFinding.jitLiquidity(13601096L, BOT, new MevFinding.JitPosition(POOL, TX1, List.of(TX2, TX2), TX3,
                TOKEN, WETH, BigInteger.ONE, BigInteger.TWO, BigInteger.TEN, BigInteger.ZERO, BigInteger.valueOf(5),
                BigInteger.ZERO), "uniswap_v3", null);
    }

    private static JsonNode json(final MevFinding finding) {
        return Json.tree(Json.write(finding));
    }

    private static List<String> fields(final JsonNode node) {
        final List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static final List<String> COMMON = List.of("kind", "block_number", "transaction_hash", "transaction_hashes",
            "searcher_address", "profit_token_address", "profit_amount", "protocol", "error");

    private static List<String> common(final String... more) {
        final List<String> all = new ArrayList<>(COMMON);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void aSandwichHasTheCommonFieldsThenItsOwnInOrder() {
        final JsonNode node = json(sandwich());
        assertThat(fields(node)).containsExactlyElementsOf(common("pool_address", "frontrun_transaction_hash",
                "backrun_transaction_hash", "victim_transaction_hashes", "profit_amount_pro_rata"));
        assertThat(node.get("kind").textValue()).isEqualTo("sandwich");
        assertThat(node.get("block_number").isIntegralNumber()).isTrue();
        assertThat(node.get("profit_amount").textValue()).isEqualTo("49991481915322274");
        assertThat(node.get("profit_amount_pro_rata").textValue()).isEqualTo("-4358");
        assertThat(node.get("error").isNull()).isTrue();
        assertThat(node.get("transaction_hashes")).extracting(JsonNode::textValue).containsExactly(TX1, TX2, TX3);
    }

    @Test
    void equalLegsLeaveTheProRataProfitOut() {
        final MevFinding finding = MevFinding.sandwich(1L, BOT, new MevFinding.SandwichLegs(POOL, TX1, List.of(TX2), TX3),
                new MevFinding.Profit(WETH, BigInteger.ONE), null, "uniswap_v2", null);
        assertThat(json(finding).has("profit_amount_pro_rata")).isFalse();
    }

    @Test
    void anArbitrageListsItsCycle() {
        final JsonNode node = json(arbitrage());
        assertThat(fields(node)).containsExactlyElementsOf(common("start_token_address", "swaps"));
        assertThat(node.get("profit_token_address").textValue()).isEqualTo(WETH);
        assertThat(node.get("start_token_address").textValue()).isEqualTo(WETH);
        assertThat(node.get("error").textValue()).isEqualTo("Reverted");
        assertThat(fields(node.get("swaps").get(0))).containsExactly("pool_address", "token_in_address",
                "token_in_amount", "token_out_address", "token_out_amount");
        assertThat(node.get("swaps").get(1).get("token_out_amount").textValue()).isEqualTo("11");
    }

    @Test
    void aLiquidationWritesItsProfitAsNull() {
        final JsonNode node = json(liquidation());
        assertThat(fields(node)).containsExactlyElementsOf(common("liquidated_user", "debt_token_address",
                "debt_purchase_amount", "received_token_address", "received_amount"));
        assertThat(node.get("profit_amount").isNull()).isTrue();
        assertThat(node.get("profit_token_address").isNull()).isTrue();
        assertThat(node.get("debt_purchase_amount").textValue()).isEqualTo("26503300291");
    }

    @Test
    void jitLiquidityNamesItsTransactionsOnce() {
        final JsonNode node = json(jit());
        assertThat(fields(node)).containsExactlyElementsOf(common("pool_address", "mint_transaction_hash",
                "burn_transaction_hash", "swap_transaction_hashes", "token0_address", "token1_address",
                "mint_token0_amount", "mint_token1_amount", "burn_token0_amount", "burn_token1_amount",
                "token0_swap_volume", "token1_swap_volume"));
        assertThat(node.get("kind").textValue()).isEqualTo("jit_liquidity");
        assertThat(node.get("transaction_hashes")).extracting(JsonNode::textValue).containsExactly(TX1, TX2, TX3);
    }

    @Test
    void everyKindReadsBackEqual() {
        for (final MevFinding finding : List.of(sandwich(), arbitrage(), liquidation(), jit())) {
            assertThat(Json.read(Json.write(finding), MevFinding.class)).isEqualTo(finding);
        }
    }

    @Test
    void theSchemaAcceptsEveryKind() {
        for (final MevFinding finding : List.of(sandwich(), arbitrage(), liquidation(), jit())) {
            assertThat(SCHEMA.validate(json(finding))).as(finding.kind().wireName()).isEmpty();
        }
    }

    @Test
    void theSchemaRejectsAMissingPerKindFieldAnUnknownFieldAndANumberForAnAmount() {
        final ObjectNode noVictims = (ObjectNode) json(sandwich());
        noVictims.remove("victim_transaction_hashes");
        assertThat(SCHEMA.validate(noVictims)).isNotEmpty();

        final ObjectNode extra = (ObjectNode) json(liquidation());
        extra.put("profit_usd", 1);
        assertThat(SCHEMA.validate(extra)).isNotEmpty();

        final ObjectNode numeric = (ObjectNode) json(arbitrage());
        numeric.put("profit_amount", 1);
        assertThat(SCHEMA.validate(numeric)).isNotEmpty();

        final ObjectNode noError = (ObjectNode) json(jit());
        noError.remove("error");
        assertThat(SCHEMA.validate(noError)).isNotEmpty();
    }

    @Test
    void aSwapLineIsMarkedAsASwap() {
        final MevSwap swap = new MevSwap(12775690L, TX1, 2, List.of(0, 2), null, POOL, "uniswap_v2", "UniswapV2Pair",
                BOT, BOT, WETH, BigInteger.TEN, TOKEN, BigInteger.TWO, null);
        final JsonNode node = Json.tree(Json.write(swap));
        assertThat(fields(node)).containsExactly("kind", "block_number", "transaction_hash", "transaction_position",
                "trace_address", "pool_address", "protocol", "abi_name", "from_address", "to_address",
                "token_in_address", "token_in_amount", "token_out_address", "token_out_amount", "error");
        assertThat(node.get("kind").textValue()).isEqualTo("swap");
        assertThat(node.get("token_in_amount").textValue()).isEqualTo("10");
        assertThat(Json.read(Json.write(swap), MevSwap.class)).isEqualTo(swap);
    }
}
