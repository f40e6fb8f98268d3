package dev.soba.streams.ingest.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soba.streams.schemas.ItemParser;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.Validated;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ethereum-etl rules the real-data acceptance test has no example of. */
class EtlDerivationsTest {

    private static final String BLOCK_HASH = "0x" + "ab".repeat(32);
    private static final String TX = "0x" + "cd".repeat(32);
    private static final String A = "0x" + "11".repeat(20);
    private static final String B = "0x" + "22".repeat(20);
    private static final String TOKEN = "0x" + "33".repeat(20);

    private static JsonNode json(final String text) {
        return Json.tree(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    private static String word(final String address) {
        return "0x" + "0".repeat(24) + address.substring(2);
    }

    private static ObjectNode log(final List<String> topics, final String data) {
        final ObjectNode rpc = (ObjectNode) json("{'logIndex':'0x5','transactionHash':'" + TX + "','transactionIndex':'0x1',"
                + "'address':'" + TOKEN + "','data':'" + data + "','blockNumber':'0x10','blockHash':'" + BLOCK_HASH + "'}");
        rpc.putArray("topics").addAll(topics.stream().map(t -> Json.mapper().getNodeFactory().textNode(t)).toList());
        return EtlReceipts.log(rpc, BigInteger.valueOf(1_700_000_000), BLOCK_HASH);
    }

    @Test
    void erc721TransfersCarryTheTokenIdAndOddTransferEventsAreNoTransfers() {
        final ObjectNode nft = TokenTransfers.fromLog(log(List.of(TokenTransfers.TRANSFER_TOPIC, word(A), word(B),
                "0x" + "0".repeat(62) + "2a"), "0x")).orElseThrow();
        assertThat(nft.get("value").bigIntegerValue()).isEqualTo(BigInteger.valueOf(42));
        assertThat(nft.get("from_address").asText()).isEqualTo(A);
        assertThat(nft.get("to_address").asText()).isEqualTo(B);
        // ERC-20 with the amount in data
        final ObjectNode erc20 = TokenTransfers.fromLog(log(List.of(TokenTransfers.TRANSFER_TOPIC, word(A), word(B)),
                "0x" + "0".repeat(63) + "7")).orElseThrow();
        assertThat(erc20.get("value").asInt()).isEqualTo(7);
        final EtlItem stamped = StreamItems.stamp(ItemType.TOKEN_TRANSFER, erc20);
        assertThat(stamped.itemId()).isEqualTo("token_transfer_" + TX + "_5");
        assertThat(stamped.body().get("item_timestamp").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(ItemParser.parse(stamped.json(), Optional.of(ItemType.TOKEN_TRANSFER))).isInstanceOf(Validated.Valid.class);
        // all indexed (five values) or too few: not a transfer
        assertThat(TokenTransfers.fromLog(log(List.of(TokenTransfers.TRANSFER_TOPIC, word(A), word(B), word(A)),
                "0x" + "0".repeat(64)))).isEmpty();
        assertThat(TokenTransfers.fromLog(log(List.of(TokenTransfers.TRANSFER_TOPIC, word(A)), "0x"))).isEmpty();
        assertThat(TokenTransfers.fromLog(log(List.of(), "0x"))).isEmpty();
        assertThat(TokenTransfers.fromLog(log(List.of("0x" + "00".repeat(32), word(A), word(B)), "0x" + "0".repeat(64))))
                .isEmpty();
    }

    @Test
    void selectorsAreThePush4sBeforeTheFirstJumpdestOnly() {
        // PUSH4 a9059cbb, PUSH2 005b (a 5b inside push data is no JUMPDEST), PUSH4 095ea7b3, JUMPDEST, PUSH4 70a08231
        final String code = "0x63a9059cbb61005b63095ea7b35b6370a08231";
        assertThat(ContractCode.functionSighashes(code)).containsExactly("0x095ea7b3", "0xa9059cbb");
        // a PUSH4 cut short by the end of the code is not a selector
        assertThat(ContractCode.functionSighashes("0x6318160ddd63a905")).containsExactly("0x18160ddd");
        assertThat(ContractCode.functionSighashes("0x")).isEmpty();
        assertThat(ContractCode.functionSighashes(null)).isEmpty();
        final List<String> erc20 = List.of("0x095ea7b3", "0x18160ddd", "0x23b872dd", "0x70a08231", "0xa9059cbb", "0xdd62ed3e");
        assertThat(ContractCode.isErc20(erc20)).isTrue();
        assertThat(ContractCode.isErc20(erc20.subList(1, 6))).isFalse();
        assertThat(ContractCode.isErc721(List.of("0x70a08231", "0x6352211e", "0x095ea7b3", "0x23b872dd"))).isTrue();
        assertThat(ContractCode.isErc721(List.of("0x70a08231", "0x6352211e", "0x095ea7b3"))).isFalse();
    }

    private static String abiString(final String text) {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        final StringBuilder hex = new StringBuilder("0x").append(String.format("%064x", 32)).append(String.format("%064x", bytes.length));
        final StringBuilder data = new StringBuilder();
        for (final byte b : bytes) {
            data.append(String.format("%02x", b));
        }
        while (data.length() % 64 != 0 || data.length() == 0) {
            data.append('0');
        }
        return hex.append(data).toString();
    }

    private static String bytes32(final String text) {
        final StringBuilder data = new StringBuilder("0x");
        for (final byte b : text.getBytes(StandardCharsets.UTF_8)) {
            data.append(String.format("%02x", b));
        }
        while (data.length() < 66) {
            data.append('0');
        }
        return data.toString();
    }

    @Test
    void tokenMetadataTriesTheVariantsInEthereumEtlsOrder() {
        final Map<String, String> answers = new HashMap<>();
        // MKR-style: symbol() and name() return bytes32; SYMBOL() is not there
        answers.put(EtlTokens.SYMBOL, bytes32("MKR"));
        answers.put(EtlTokens.NAME, bytes32("Maker"));
        answers.put(EtlTokens.DECIMALS, String.format("0x%064x", 18));
        answers.put(EtlTokens.TOTAL_SUPPLY, String.format("0x%064x", 1_000_000));
        final EtlTokens.TokenMetadata mkr = EtlTokens.read(selector -> Optional.ofNullable(answers.get(selector)));
        assertThat(mkr).isEqualTo(new EtlTokens.TokenMetadata(Optional.of("MKR"), Optional.of("Maker"),
                Optional.of(BigInteger.valueOf(18)), Optional.of(BigInteger.valueOf(1_000_000))));
        // a string SYMBOL() wins over a bytes32 symbol(); decimals beyond uint8 fall to DECIMALS()
        answers.put(EtlTokens.SYMBOL_UPPER, abiString("Up\u0000"));
        answers.put(EtlTokens.DECIMALS, String.format("0x%064x", 300));
        answers.put(EtlTokens.DECIMALS_UPPER, String.format("0x%064x", 6));
        final EtlTokens.TokenMetadata upper = EtlTokens.read(selector -> Optional.ofNullable(answers.get(selector)));
        assertThat(upper.symbol()).contains("Up");
        assertThat(upper.decimals()).contains(BigInteger.valueOf(6));
        // not UTF-8, too short: no value
        assertThat(AbiReturns.bytes32("0xff" + "00".repeat(31))).isEmpty();
        assertThat(AbiReturns.string("0x" + "00".repeat(31))).isEmpty();
        assertThat(AbiReturns.string(String.format("0x%064x%064x", 32, 1000))).isEmpty();
        assertThat(AbiReturns.string(abiString("Wrapped Ether"))).contains("Wrapped Ether");
    }

    @Test
    void gethFramesBecomeParityTracesWithStatusesAndIds() {
        final JsonNode geth = json("{'txHash':'" + TX + "','result':{'type':'CALL','from':'" + A + "','to':'" + B + "',"
                + "'value':'0x5','gas':'0x100','gasUsed':'0x80','input':'0x01','output':'0x','error':'execution reverted',"
                + "'calls':[{'type':'STATICCALL','from':'" + B + "','to':'" + TOKEN + "','gas':'0x50','gasUsed':'0x10',"
                + "'input':'0x02','output':'0x03'},{'type':'CREATE2','from':'" + B + "','to':'" + A + "','value':'0x0',"
                + "'gas':'0x40','gasUsed':'0x30','input':'0x6000','output':'0x00','calls':[{'type':'SELFDESTRUCT',"
                + "'from':'" + A + "','to':'" + B + "','value':'0x1'}]},{'type':'CALL','from':'" + B + "','to':'" + A + "',"
                + "'value':'0x0','gas':'0x10','gasUsed':'0x10','input':'0x','error':'out of gas'}]}}");
        final List<JsonNode> parity = GethCallTraces.toParity(BigInteger.valueOf(16), BLOCK_HASH, List.of(TX), List.of(geth));
        final List<ObjectNode> traces = EtlTraces.items(parity, BigInteger.valueOf(1_700_000_000), BLOCK_HASH);
        assertThat(traces).extracting(t -> t.get("trace_id").asText()).containsExactly(
                "call_" + TX + "_", "call_" + TX + "_0", "create_" + TX + "_1", "suicide_" + TX + "_1_0", "call_" + TX + "_2");
        assertThat(traces).extracting(t -> t.get("status").asInt()).containsOnly(0);
        final ObjectNode top = traces.get(0);
        assertThat(top.get("error").asText()).isEqualTo("Reverted");
        assertThat(top.get("subtraces").asInt()).isEqualTo(3);
        assertThat(top.get("output").asText()).isEqualTo("0x");
        assertThat(traces.get(1).get("call_type").asText()).isEqualTo("staticcall");
        assertThat(traces.get(1).get("value").asInt()).isZero();
        assertThat(traces.get(2).get("to_address").asText()).isEqualTo(A);
        assertThat(traces.get(2).get("output").asText()).isEqualTo("0x00");
        assertThat(traces.get(3).get("from_address").asText()).isEqualTo(A);
        assertThat(traces.get(3).get("value").asInt()).isEqualTo(1);
        assertThat(traces.get(4).get("error").asText()).isEqualTo("Out of gas");
        assertThat(traces.get(4).get("gas_used").isNull()).isTrue();
        assertThat(traces).extracting(t -> t.get("trace_index").asInt()).containsExactly(0, 1, 2, 3, 4);
        for (final ObjectNode trace : traces) {
            assertThat(ItemParser.parse(StreamItems.stamp(ItemType.TRACE, trace).json(), Optional.of(ItemType.TRACE)))
                    .isInstanceOf(Validated.Valid.class);
        }
        assertThatThrownBy(() -> GethCallTraces.toParity(BigInteger.ONE, BLOCK_HASH, List.of(TX, TX), List.of(geth)))
                .isInstanceOf(NodeResponseException.class);
    }

    @Test
    void blockRewardsAreNumberedPerTypeInEthereumEtlsSortOrder() {
        final List<JsonNode> rewards = List.of(
                json("{'type':'reward','blockNumber':16,'action':{'author':'" + B + "','value':'0x2','rewardType':'uncle'},'traceAddress':[],'subtraces':0}"),
                json("{'type':'reward','blockNumber':16,'action':{'author':'" + A + "','value':'0x9','rewardType':'block'},'traceAddress':[],'subtraces':0}"),
                json("{'type':'reward','blockNumber':16,'action':{'author':'" + A + "','value':'0x1','rewardType':'uncle'},'traceAddress':[],'subtraces':0}"));
        final List<ObjectNode> traces = EtlTraces.items(rewards, BigInteger.TEN, BLOCK_HASH);
        assertThat(traces).extracting(t -> t.get("trace_id").asText())
                .containsExactly("reward_16_2", "reward_16_0", "reward_16_1");
        assertThat(traces).extracting(t -> t.get("status").asInt()).containsOnly(1);
    }

    @Test
    void answersOfAnotherBlockAreRefusedAndContractsWithoutTracesComeFromReceipts() {
        final JsonNode block = json("{'number':'0x10','hash':'" + BLOCK_HASH + "','parentHash':'0x" + "00".repeat(32) + "',"
                + "'timestamp':'0x6553f100','gasLimit':'0x1000000','gasUsed':'0x5208','transactions':[{'hash':'" + TX + "',"
                + "'nonce':'0x0','blockHash':'" + BLOCK_HASH + "','blockNumber':'0x10','transactionIndex':'0x0','from':'" + A
                + "','to':null,'value':'0x0','gas':'0x100000','gasPrice':'0x1','input':'0x6000','type':'0x0'}]}");
        final String receipt = "{'transactionHash':'" + TX + "','blockHash':'%s','blockNumber':'0x10','transactionIndex':'0x0',"
                + "'cumulativeGasUsed':'0x5208','gasUsed':'0x5208','contractAddress':'" + TOKEN + "','status':'0x1','logs':[]}";
        final BlockExport.Prepared prepared = BlockExport.prepare(block, List.of(json(String.format(receipt, BLOCK_HASH))),
                Optional.empty(), Map.of(TOKEN, "0x63a9059cbb"));
        assertThat(prepared.contracts()).singleElement().satisfies(c -> {
            assertThat(c.get("address").asText()).isEqualTo(TOKEN);
            assertThat(c.get("function_sighashes").get(0).asText()).isEqualTo("0xa9059cbb");
        });
        final ExportedBlock exported = prepared.complete(Map.of());
        for (final EtlItem item : exported.items()) {
            assertThat(ItemParser.parse(item.json(), Optional.of(item.type()))).as(item.itemId()).isInstanceOf(Validated.Valid.class);
        }
        assertThat(exported.items()).extracting(EtlItem::itemId).containsExactly("block_" + BLOCK_HASH,
                "transaction_" + TX, "contract_16_" + TOKEN);
        assertThatThrownBy(() -> BlockExport.prepare(block, List.of(json(String.format(receipt, "0x" + "ee".repeat(32)))),
                Optional.empty(), Map.of())).isInstanceOf(NodeResponseException.class).hasMessageContaining("names block");
        assertThatThrownBy(() -> BlockExport.prepare(block, List.of(), Optional.empty(), Map.of()))
                .isInstanceOf(NodeResponseException.class).hasMessageContaining("0 receipts");
    }
}
