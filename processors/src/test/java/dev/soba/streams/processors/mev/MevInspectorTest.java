package dev.soba.streams.processors.mev;

import static dev.soba.streams.processors.mev.Abi.address;
import static dev.soba.streams.processors.mev.Abi.uint;
import static dev.soba.streams.processors.mev.Addresses.BOT;
import static dev.soba.streams.processors.mev.Addresses.PAIR;
import static dev.soba.streams.processors.mev.Addresses.PAIR_2;
import static dev.soba.streams.processors.mev.Addresses.ROUTER;
import static dev.soba.streams.processors.mev.Addresses.TOKEN;
import static dev.soba.streams.processors.mev.Addresses.USER;
import static dev.soba.streams.processors.mev.Addresses.WETH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.schemas.LogItem;
import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.schemas.mev.MevKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

/** The whole ladder on one block, from trace items or from logs. */
class MevInspectorTest {

    private static String transfer(final String to, final long amount) {
        return Abi.call("transfer(address,uint256)", address(to), uint(amount));
    }

    private static String transferFrom(final String from, final String to, final long amount) {
        return Abi.call("transferFrom(address,address,uint256)", address(from), address(to), uint(amount));
    }

    private static String pairSwap(final long out, final String to) {
        return Abi.call("swap(uint256,uint256,address,bytes)", Abi.emptyBytesAfter(uint(0), uint(out), address(to)));
    }

    /** The sandwich bot buys, a user buys through the router, the bot sells; then an arbitrage over two pairs. */
    private static TestBlock block() {
        final TestBlock block = new TestBlock();
        block.transaction("front").call("", BOT, BOT, "0x12345678")
                .call("0", BOT, WETH, transfer(PAIR, 100))
                .call("1", BOT, PAIR, pairSwap(1000, BOT))
                .call("1,0", PAIR, TOKEN, transfer(BOT, 1000));
        block.transaction("victim").call("", USER, ROUTER, "0x38ed1739")
                .call("0", ROUTER, WETH, transferFrom(USER, PAIR, 50))
                .call("1", ROUTER, PAIR, pairSwap(450, USER))
                .call("1,0", PAIR, TOKEN, transfer(USER, 450));
        block.transaction("back").call("", BOT, BOT, "0x12345678")
                .call("0", BOT, TOKEN, transfer(PAIR, 1000))
                .call("1", BOT, PAIR, pairSwap(108, BOT))
                .call("1,0", PAIR, WETH, transfer(BOT, 108));
        block.transaction("arbitrage").call("", BOT, BOT, "0x12345678")
                .call("0", BOT, WETH, transfer(PAIR_2, 30))
                .call("1", BOT, PAIR_2, pairSwap(300, PAIR))
                .call("1,0", PAIR_2, TOKEN, transfer(PAIR, 300))
                .call("2", BOT, PAIR, pairSwap(32, BOT))
                .call("2,0", PAIR, WETH, transfer(BOT, 32));
        return block;
    }

    @Test
    void tracesGoUpTheWholeLadder() {
        final BlockAnalysis analysis = MevInspector.standard().inspect(block().input());
        assertThat(analysis.blockNumber()).isEqualTo(TestBlock.NUMBER);
        assertThat(analysis.evidence()).isEqualTo(BlockAnalysis.Evidence.TRACES);
        assertThat(analysis.swaps()).hasSize(5);
        assertThat(analysis.findings()).extracting(MevFinding::kind).containsExactly(MevKind.SANDWICH, MevKind.ARBITRAGE);
        final MevFinding sandwich = analysis.findings().get(0);
        assertThat(sandwich.searcherAddress()).isEqualTo(BOT);
        assertThat(sandwich.victimTransactionHashes()).containsExactly(TestItems.hash("tx-victim"));
        final MevFinding arbitrage = analysis.findings().get(1);
        assertThat(arbitrage.transactionHash()).isEqualTo(TestItems.hash("tx-arbitrage"));
        assertThat(arbitrage.profitAmount()).isEqualTo(2);
    }

    @Test
    void aBlockWithoutTracesIsReadFromItsSwapLogs() {
        final String transferTopic = Hash.sha3String("Transfer(address,address,uint256)");
        final String swapTopic = Hash.sha3String("Swap(address,uint256,uint256,uint256,uint256,address)");
        final List<LogItem> logs = new ArrayList<>();
        final String[][] trades = {
                {"front", BOT, "100", "1000", BOT}, {"victim", ROUTER, "50", "450", USER}};
        int index = 0;
        for (final String[] trade : trades) {
            final String tx = TestItems.hash("tx-" + trade[0]);
            logs.add(log(index++, tx, logs.size() == 0 ? 0 : 1, WETH, uint(Long.parseLong(trade[2])), transferTopic,
                    trade[1], PAIR));
            logs.add(log(index++, tx, logs.size() == 1 ? 0 : 1, TOKEN, uint(Long.parseLong(trade[3])), transferTopic,
                    PAIR, trade[4]));
            logs.add(log(index++, tx, logs.size() == 2 ? 0 : 1, PAIR, uint(Long.parseLong(trade[2])) + uint(0) + uint(0)
                    + uint(Long.parseLong(trade[3])), swapTopic, ROUTER, trade[4]));
        }
        final String back = TestItems.hash("tx-back");
        logs.add(log(index++, back, 2, TOKEN, uint(1000), transferTopic, BOT, PAIR));
        logs.add(log(index++, back, 2, WETH, uint(108), transferTopic, PAIR, BOT));
        logs.add(log(index, back, 2, PAIR, uint(0) + uint(1000) + uint(108) + uint(0), swapTopic, BOT, BOT));
        final BlockAnalysis analysis = MevInspector.standard().inspect(BlockInput.ofLogs(TestBlock.NUMBER, logs, Map.of()));
        assertThat(analysis.evidence()).isEqualTo(BlockAnalysis.Evidence.LOGS);
        assertThat(analysis.swaps()).hasSize(3);
        assertThat(analysis.findings()).singleElement().satisfies(sandwich -> {
            assertThat(sandwich.kind()).isEqualTo(MevKind.SANDWICH);
            assertThat(sandwich.profitAmount()).isEqualTo(8);
            assertThat(sandwich.victimTransactionHashes()).containsExactly(TestItems.hash("tx-victim"));
        });
    }

    private static LogItem log(final int index, final String tx, final int txIndex, final String emitter,
            final String data, final String topic, final String indexed1, final String indexed2) {
        final String json = """
                {"type": "log", "log_index": %d, "transaction_hash": "%s", "transaction_index": %d, "address": "%s",
                 "data": "0x%s", "topics": ["%s", "0x%s", "0x%s"], "block_number": %d, "block_hash": "%s"}
                """.formatted(index, tx, txIndex, emitter, data, topic, address(indexed1), address(indexed2),
                TestBlock.NUMBER, TestBlock.HASH);
        return TestItems.parse(json, LogItem.class);
    }
}
