package dev.soba.streams.processors.mev.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.processors.mev.Addresses;
import dev.soba.streams.processors.mev.TestBlock;
import dev.soba.streams.schemas.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallsTest {

    @Test
    void callsComeInBlockOrderWhateverTheOrderOfTheItems() {
        final TestBlock block = new TestBlock();
        block.transaction("a").call("", Addresses.USER, Addresses.ROUTER, "0x").call("0", Addresses.ROUTER, Addresses.PAIR, "0x")
                .call("0,0", Addresses.PAIR, Addresses.TOKEN, "0x").call("1", Addresses.ROUTER, Addresses.PAIR, "0x");
        block.transaction("b").call("", Addresses.USER, Addresses.ROUTER, "0x");
        final List<Trace> shuffled = new ArrayList<>(block.traces());
        Collections.reverse(shuffled);
        final List<Call> calls = Calls.fromTraces(shuffled, Map.of());
        assertThat(calls).extracting(Call::transactionPosition).containsExactly(0L, 0L, 0L, 0L, 1L);
        assertThat(calls).extracting(Call::traceAddress)
                .containsExactly(List.of(), List.of(0), List.of(0, 0), List.of(1), List.of());
    }

    @Test
    void aCallUnderAFailedCallFailedTooWithItsError() {
        final TestBlock block = new TestBlock();
        block.transaction("a").call("", Addresses.USER, Addresses.ROUTER, "0x")
                .failedCall("0", Addresses.ROUTER, Addresses.PAIR, "0x", "Out of gas")
                .call("0,0", Addresses.PAIR, Addresses.TOKEN, "0x").call("0,0,0", Addresses.TOKEN, Addresses.USER, "0x")
                .call("1", Addresses.ROUTER, Addresses.PAIR, "0x");
        final List<Call> calls = Calls.fromTraces(block.traces(), Map.of());
        assertThat(calls).extracting(Call::error).containsExactly(null, "Out of gas", "Out of gas", "Out of gas", null);
        assertThat(calls).extracting(Call::ownError).containsExactly(null, "Out of gas", null, null, null);
        assertThat(calls.get(2).failed()).isTrue();
    }

    @Test
    void statusZeroWithoutTheFailedParentStillMeansFailed() {
        final TestBlock block = new TestBlock();
        block.transaction("a").failedCall("", Addresses.USER, Addresses.ROUTER, "0x", "Reverted")
                .call("0", Addresses.ROUTER, Addresses.PAIR, "0x");
        final List<Trace> onlyTheChild = block.traces().subList(1, 2);
        assertThat(onlyTheChild.get(0).status()).isZero();
        assertThat(Calls.fromTraces(onlyTheChild, Map.of()).get(0).error()).isEqualTo("Reverted");
    }

    @Test
    void aTraceAddressNoEvmCouldProduceIsLeftOutNotThrown() {
        final String json = """
                {"type": "trace", "transaction_index": 0, "from_address": "%s", "to_address": "%s", "value": 0,
                 "input": "0x", "trace_type": "call", "call_type": "call", "subtraces": 0, "trace_address": [4294967296],
                 "status": 1, "transaction_hash": "%s", "block_number": %d, "block_hash": "%s"}"""
                .formatted(Addresses.USER, Addresses.BOT, TestItems.hash("tx-x"), TestBlock.NUMBER, TestBlock.HASH);
        assertThat(Calls.fromTraces(List.of(TestItems.parse(json, Trace.class)), Map.of())).isEmpty();
    }

    @Test
    void rewardsAreNotCallsAndMissingPositionsComeFromTheTransactions() {
        final String reward = """
                {"type": "trace", "to_address": "%s", "value": 2000000000000000000, "trace_type": "reward",
                 "reward_type": "block", "subtraces": 0, "trace_address": [], "status": 1, "block_number": %d,
                 "block_hash": "%s"}""".formatted(Addresses.USER, TestBlock.NUMBER, TestBlock.HASH);
        final String noIndex = """
                {"type": "trace", "from_address": "%s", "to_address": "%s", "value": 5, "input": "0x",
                 "trace_type": "call", "call_type": "call", "subtraces": 0, "trace_address": [], "status": 1,
                 "transaction_hash": "%s", "block_number": %d, "block_hash": "%s"}"""
                .formatted(Addresses.USER, Addresses.BOT, TestItems.hash("tx-x"), TestBlock.NUMBER, TestBlock.HASH);
        final List<Call> calls = Calls.fromTraces(List.of(TestItems.parse(reward, Trace.class),
                TestItems.parse(noIndex, Trace.class)), Map.of(TestItems.hash("tx-x"), 7L));
        assertThat(calls).singleElement().satisfies(c -> {
            assertThat(c.transactionPosition()).isEqualTo(7);
            assertThat(c.isPlainEthTransfer()).isTrue();
        });
    }
}
