package dev.soba.streams.schemas.mev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.ItemParser;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.Trace;
import dev.soba.streams.schemas.Validated;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** mev-inspect-py block files to ethereum-etl trace items, as ethereum-etl's own mapper would build them. */
class ParityBlockReaderTest {

    static final Path FILE = Path.of("block.json");
    static final String BLOCK_HASH = "0x" + "b".repeat(64);
    static final String TX_A = "0x" + "a1".repeat(32);
    static final String TX_B = "0x" + "b2".repeat(32);
    static final String ALICE = "0x" + "a".repeat(40);
    static final String POOL = "0x" + "c".repeat(40);
    static final String TOKEN = "0x" + "d".repeat(40);

    /** Two transactions: a call with a failing, reverted subtree and a create; a self-destruct; two rewards. */
    static String block() {
        return """
                {"block_number": 100, "block_timestamp": 1625598724, "miner": "0x3EcEf08D0e2DaD803847E052249bb4F8bFf2D5bB",
                 "base_fee_per_gas": 0,
                 "traces": [
                  %s,
                  %s,
                  %s,
                  %s,
                  {"action": {"from": "%s", "gas": "0x5208", "init": "0x6080", "value": "0x1"}, "block_hash": "%s",
                   "block_number": 100, "result": {"address": "%s", "code": "0x60", "gasUsed": "0x10"}, "subtraces": 0,
                   "trace_address": [1], "transaction_hash": "%s", "transaction_position": 0, "type": "create", "error": null},
                  {"action": {"address": "%s", "refundAddress": "%s", "balance": "0xde0b6b3a7640000"}, "block_hash": "%s",
                   "block_number": 100, "result": null, "subtraces": 0, "trace_address": [], "transaction_hash": "%s",
                   "transaction_position": 1, "type": "suicide", "error": null},
                  {"action": {"author": "0x3EcEf08D0e2DaD803847E052249bb4F8bFf2D5bB", "rewardType": "uncle", "value": "0x2"},
                   "block_hash": "%s", "block_number": 100, "result": null, "subtraces": 0, "trace_address": [],
                   "transaction_hash": null, "transaction_position": null, "type": "reward", "error": null},
                  {"action": {"author": "0x3EcEf08D0e2DaD803847E052249bb4F8bFf2D5bB", "rewardType": "block", "value": "0x1bc16d674ec80000"},
                   "block_hash": "%s", "block_number": 100, "result": null, "subtraces": 0, "trace_address": [],
                   "type": "reward", "error": null}
                 ],
                 "receipts": [{"block_number": 100, "transaction_hash": "%s", "transaction_index": 0, "gas_used": 21000,
                   "effective_gas_price": 0, "cumulative_gas_used": 21000, "to": "%s"}]}
                """.formatted(
                call(List.of(), ALICE, POOL, "0x12", "0x0", 2, null, true),
                call(List.of(0), POOL, TOKEN, "0xa9059cbb", "0x0", 1, "Reverted", false),
                call(List.of(0, 0), TOKEN, ALICE, "0x", "0x5", 0, null, true),
                call(List.of(0, 1), TOKEN, ALICE, "0x", "0x5", 0, null, true),
                ALICE, BLOCK_HASH, TOKEN, TX_A, POOL, ALICE, BLOCK_HASH, TX_B, BLOCK_HASH, BLOCK_HASH, TX_A, POOL);
    }

    static String call(final List<Integer> address, final String from, final String to, final String input,
            final String value, final int subtraces, final String error, final boolean withResult) {
        return """
                {"action": {"from": "%s", "callType": "call", "gas": "0x113ebc", "input": "%s", "to": "%s", "value": "%s"},
                 "block_hash": "%s", "block_number": 100, "result": %s, "subtraces": %d, "trace_address": %s,
                 "transaction_hash": "%s", "transaction_position": 0, "type": "call", "error": %s}"""
                .formatted(from, input, to, value, BLOCK_HASH, withResult ? "{\"gasUsed\": \"0x3c1e4\", \"output\": \"0x\"}" : "null",
                        subtraces, address, TX_A, error == null ? "null" : "\"" + error + "\"");
    }

    private static ParityBlock read(final String json) {
        return ParityBlockReader.read(FILE, Json.tree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void callsBecomeEthereumEtlTraceItems() {
        final ParityBlock block = read(block());
        assertThat(block.blockNumber()).isEqualTo(100);
        assertThat(block.miner()).isEqualTo("0x3ecef08d0e2dad803847e052249bb4f8bff2d5bb");
        assertThat(block.traces()).hasSize(8);
        final Trace top = block.traces().get(0);
        assertThat(top.traceType()).isEqualTo("call");
        assertThat(top.callType()).isEqualTo("call");
        assertThat(top.fromAddress()).isEqualTo(ALICE);
        assertThat(top.toAddress()).isEqualTo(POOL);
        assertThat(top.value()).isEqualTo(BigInteger.ZERO);
        assertThat(top.gas()).isEqualTo(0x113ebcL);
        assertThat(top.gasUsed()).isEqualTo(0x3c1e4L);
        assertThat(top.input()).isEqualTo("0x12");
        assertThat(top.output()).isEqualTo("0x");
        assertThat(top.transactionIndex()).isZero();
        assertThat(top.traceAddress()).isEmpty();
        assertThat(top.traceId()).isEqualTo("call_" + TX_A + "_");
        assertThat(top.itemId()).isEqualTo("trace_call_" + TX_A + "_");
        assertThat(top.traceIndex()).isZero();
        assertThat(top.blockHash()).isEqualTo(BLOCK_HASH);
        assertThat(top.blockTimestamp()).isEqualTo(1625598724L);
        assertThat(top.itemTimestamp()).isEqualTo("2021-07-06T19:12:04Z");
        assertThat(top.status()).isEqualTo(1);
    }

    @Test
    void aFailedCallAndEverythingUnderItHaveStatusZero() {
        final List<Trace> traces = read(block()).traces();
        final Trace reverted = traces.get(1);
        assertThat(reverted.error()).isEqualTo("Reverted");
        assertThat(reverted.status()).isZero();
        assertThat(reverted.output()).isNull();
        assertThat(reverted.gasUsed()).isNull();
        assertThat(traces.get(2).error()).isNull();
        assertThat(traces.get(2).status()).isZero();
        assertThat(traces.get(2).traceId()).isEqualTo("call_" + TX_A + "_0_0");
        assertThat(traces.get(2).value()).isEqualTo(BigInteger.valueOf(5));
        assertThat(traces.get(4).status()).isEqualTo(1);
    }

    @Test
    void createsSelfDestructsAndRewardsAreMappedLikeEthereumEtl() {
        final List<Trace> traces = read(block()).traces();
        final Trace create = traces.get(4);
        assertThat(create.traceType()).isEqualTo("create");
        assertThat(create.toAddress()).isEqualTo(TOKEN);
        assertThat(create.input()).isEqualTo("0x6080");
        assertThat(create.output()).isEqualTo("0x60");
        assertThat(create.callType()).isNull();
        final Trace suicide = traces.get(5);
        assertThat(suicide.fromAddress()).isEqualTo(POOL);
        assertThat(suicide.toAddress()).isEqualTo(ALICE);
        assertThat(suicide.value()).isEqualTo(new BigInteger("1000000000000000000"));
        assertThat(suicide.transactionIndex()).isEqualTo(1);
        final Trace uncle = traces.get(6);
        final Trace blockReward = traces.get(7);
        assertThat(uncle.transactionHash()).isNull();
        assertThat(uncle.rewardType()).isEqualTo("uncle");
        // ethereum-etl numbers rewards sorted by reward type: "block" before "uncle"
        assertThat(blockReward.traceId()).isEqualTo("reward_100_0");
        assertThat(uncle.traceId()).isEqualTo("reward_100_1");
        assertThat(blockReward.traceIndex()).isEqualTo(7);
    }

    @Test
    void everyConvertedTraceIsValidUnderTheStreamContract() {
        for (final Trace trace : read(block()).traces()) {
            final Validated<Item> parsed = ItemParser.parse(Json.write((Item) trace), Optional.empty());
            assertThat(parsed).as(trace.traceId()).isInstanceOf(Validated.Valid.class);
            assertThat(((Validated.Valid<Item>) parsed).value()).isEqualTo(trace);
        }
    }

    @Test
    void receiptsAreKept() {
        final ParityReceipt receipt = read(block()).receipts().get(0);
        assertThat(receipt.transactionHash()).isEqualTo(TX_A);
        assertThat(receipt.transactionIndex()).isZero();
        assertThat(receipt.gasUsed()).isEqualTo(BigInteger.valueOf(21000));
        assertThat(receipt.to()).isEqualTo(POOL);
    }

    @Test
    void camelCaseKeysOfARawTraceBlockAnswerAreAccepted() {
        final String raw = """
                {"blockNumber": 7, "traces": [{"action": {"from": "%s", "callType": "staticcall", "gas": "0x1",
                 "input": "0x", "to": "%s", "value": "0x0"}, "blockHash": "%s", "blockNumber": 7,
                 "result": {"gasUsed": "0x0", "output": "0x"}, "subtraces": 0, "traceAddress": [],
                 "transactionHash": "%s", "transactionPosition": 3, "type": "call"}]}
                """.formatted(ALICE, POOL, BLOCK_HASH, TX_A);
        final Trace trace = read(raw).traces().get(0);
        assertThat(trace.transactionIndex()).isEqualTo(3);
        assertThat(trace.callType()).isEqualTo("staticcall");
        assertThat(trace.blockNumber()).isEqualTo(7);
    }

    @Test
    void malformedBlocksFailWithTheFileAndThePath() {
        assertThatThrownBy(() -> read("{\"block_number\": 1}"))
                .isInstanceOf(BlockFileException.class).hasMessage("block.json: traces: is required");
        assertThatThrownBy(() -> read(block().replace("\"0x113ebc\"", "\"113ebc\"")))
                .hasMessage("block.json: traces[0].action.gas: not a hex quantity: '113ebc'");
        assertThatThrownBy(() -> read(block().replace("\"type\": \"create\"", "\"type\": \"staticcall\"")))
                .hasMessageContaining("traces[4].type: must be call, create, suicide or reward");
        assertThatThrownBy(() -> read(block().replaceFirst("\"transaction_position\": 0", "\"transaction_position\": null")))
                .hasMessageContaining("traces[0].transaction_position: is required for a transaction's trace");
        assertThatThrownBy(() -> read("{\"block_number\": 1, \"traces\": [3]}"))
                .hasMessageContaining("traces[0]: expected a JSON object");
        assertThatThrownBy(() -> read(block().replaceFirst("\"block_number\": 100, \"result\"", "\"block_number\": 101, \"result\"")))
                .hasMessageContaining("block_number: is 101 in a file of block 100");
    }
}
