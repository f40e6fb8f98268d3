package dev.soba.streams.processors.mev.flows;

import static dev.soba.streams.processors.mev.Abi.address;
import static dev.soba.streams.processors.mev.Abi.integer;
import static dev.soba.streams.processors.mev.Abi.uint;
import static dev.soba.streams.processors.mev.Addresses.BOT;
import static dev.soba.streams.processors.mev.Addresses.PAIR;
import static dev.soba.streams.processors.mev.Addresses.PAIR_2;
import static dev.soba.streams.processors.mev.Addresses.ROUTER;
import static dev.soba.streams.processors.mev.Addresses.TOKEN;
import static dev.soba.streams.processors.mev.Addresses.USDC;
import static dev.soba.streams.processors.mev.Addresses.USER;
import static dev.soba.streams.processors.mev.Addresses.V3_POOL;
import static dev.soba.streams.processors.mev.Addresses.WETH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.processors.mev.TestBlock;
import dev.soba.streams.schemas.LogItem;
import dev.soba.streams.schemas.market.PoolInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

/** Swaps of a block without traces, from Swap and Transfer events. */
class LogSwapParserTest {

    static final String TRANSFER = Hash.sha3String("Transfer(address,address,uint256)");
    static final String V2_SWAP = Hash.sha3String("Swap(address,uint256,uint256,uint256,uint256,address)");
    static final String V3_SWAP = Hash.sha3String("Swap(address,address,int256,int256,uint160,uint128,int24)");

    /** Logs of one block, by transaction, with running log indexes. */
    static final class Logs {
        private final List<LogItem> logs = new ArrayList<>();
        private int transactionIndex = -1;
        private String transaction;

        Logs transaction(final String name) {
            transactionIndex++;
            transaction = TestItems.hash("tx-" + name);
            return this;
        }

        Logs log(final String emitter, final String data, final String... topics) {
            final String json = """
                    {"type": "log", "log_index": %d, "transaction_hash": "%s", "transaction_index": %d,
                     "address": "%s", "data": "0x%s", "topics": [%s], "block_number": %d, "block_hash": "%s"}
                    """.formatted(logs.size(), transaction, transactionIndex, emitter, data,
                    List.of(topics).stream().map(t -> '"' + t + '"').collect(Collectors.joining(", ")),
                    TestBlock.NUMBER, TestBlock.HASH);
            logs.add(TestItems.parse(json, LogItem.class));
            return this;
        }

        Logs transfer(final String token, final String from, final String to, final long amount) {
            return log(token, uint(amount), TRANSFER, "0x" + address(from), "0x" + address(to));
        }

        /** Uniswap V2: the router pays the pair, the pair pays out, then logs Swap (token0 in here). */
        Logs v2Swap(final String pair, final String token0, final String token1, final String payer, final String to,
                final long in0, final long out1) {
            return transfer(token0, payer, pair, in0).transfer(token1, pair, to, out1)
                    .log(pair, uint(in0) + uint(0) + uint(0) + uint(out1), V2_SWAP, "0x" + address(ROUTER), "0x" + address(to));
        }

        String hash() {
            return transaction;
        }

        List<LogItem> logs() {
            return logs;
        }
    }

    @Test
    void tokensAndPayerComeFromTheTransfersAroundTheSwap() {
        final Logs logs = new Logs().transaction("a").v2Swap(PAIR, WETH, TOKEN, USER, USER, 10, 20);
        assertThat(LogSwapParser.swaps(TestBlock.NUMBER, logs.logs(), Map.of())).singleElement().satisfies(swap -> {
            assertThat(swap.poolAddress()).isEqualTo(PAIR);
            assertThat(swap.protocol()).isEqualTo("uniswap_v2");
            assertThat(swap.fromAddress()).isEqualTo(USER);
            assertThat(swap.toAddress()).isEqualTo(USER);
            assertThat(swap.tokenInAddress()).isEqualTo(WETH);
            assertThat(swap.tokenInAmount()).isEqualTo(10);
            assertThat(swap.tokenOutAddress()).isEqualTo(TOKEN);
            assertThat(swap.tokenOutAmount()).isEqualTo(20);
            assertThat(swap.traceAddress()).isNull();
            assertThat(swap.logIndex()).isEqualTo(2);
            assertThat(swap.positionInTransaction()).containsExactly(2);
            assertThat(swap.error()).isNull();
        });
    }

    @Test
    void aRoutedTradeIsTwoSwapsFedOneIntoTheOther() {
        final Logs logs = new Logs().transaction("a").transfer(WETH, USER, PAIR, 10).transfer(TOKEN, PAIR, PAIR_2, 20)
                .log(PAIR, uint(10) + uint(0) + uint(0) + uint(20), V2_SWAP, "0x" + address(ROUTER), "0x" + address(PAIR_2))
                .transfer(USDC, PAIR_2, USER, 30)
                .log(PAIR_2, uint(0) + uint(20) + uint(30) + uint(0), V2_SWAP, "0x" + address(ROUTER), "0x" + address(USER));
        assertThat(LogSwapParser.swaps(TestBlock.NUMBER, logs.logs(), Map.of()))
                .extracting(s -> s.fromAddress() + ">" + s.tokenInAddress() + ">" + s.toAddress())
                .containsExactly(USER + ">" + WETH + ">" + PAIR_2, PAIR + ">" + TOKEN + ">" + USER);
    }

    @Test
    void uniswapV3AmountsAreSigned() {
        final Logs logs = new Logs().transaction("a").transfer(USDC, V3_POOL, BOT, 3000).transfer(WETH, BOT, V3_POOL, 1)
                .log(V3_POOL, integer(-3000) + integer(1) + uint(1) + uint(1) + integer(0), V3_SWAP, "0x" + address(BOT),
                        "0x" + address(BOT));
        assertThat(LogSwapParser.swaps(TestBlock.NUMBER, logs.logs(), Map.of())).singleElement().satisfies(swap -> {
            assertThat(swap.protocol()).isEqualTo("uniswap_v3");
            assertThat(swap.tokenInAddress()).isEqualTo(WETH);
            assertThat(swap.tokenOutAddress()).isEqualTo(USDC);
            assertThat(swap.tokenOutAmount()).isEqualTo(3000);
        });
    }

    @Test
    void theRegistryNamesTheTokensWhenTransfersDoNot() {
        final Logs logs = new Logs().transaction("a")
                .log(PAIR, uint(10) + uint(0) + uint(0) + uint(20), V2_SWAP, "0x" + address(ROUTER), "0x" + address(USER));
        assertThat(LogSwapParser.swaps(TestBlock.NUMBER, logs.logs(), Map.of())).as("tokens unknown").isEmpty();
        final PoolInfo pool = new PoolInfo(PAIR, "uniswap_v2", WETH, TOKEN, 3000, null, null, null, null, "import");
        assertThat(LogSwapParser.swaps(TestBlock.NUMBER, logs.logs(), Map.of(PAIR, pool))).singleElement()
                .satisfies(swap -> {
                    assertThat(swap.tokenInAddress()).isEqualTo(WETH);
                    assertThat(swap.fromAddress()).as("no transfer in: the event's sender").isEqualTo(ROUTER);
                });
    }

    @Test
    void anErc721TransferIsNoTokenAmount() {
        final Logs logs = new Logs().transaction("a")
                .log(TOKEN, "", TRANSFER, "0x" + address(USER), "0x" + address(PAIR), "0x" + uint(10));
        assertThat(LogSwapParser.transfer(logs.hash(), logs.logs().get(0))).isEmpty();
    }
}
