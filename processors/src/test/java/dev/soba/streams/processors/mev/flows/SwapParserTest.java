package dev.soba.streams.processors.mev.flows;

import static dev.soba.streams.processors.mev.Abi.address;
import static dev.soba.streams.processors.mev.Abi.bool;
import static dev.soba.streams.processors.mev.Abi.bytes32;
import static dev.soba.streams.processors.mev.Abi.integer;
import static dev.soba.streams.processors.mev.Abi.uint;
import static dev.soba.streams.processors.mev.Addresses.BOT;
import static dev.soba.streams.processors.mev.Addresses.BPOOL;
import static dev.soba.streams.processors.mev.Addresses.DAI;
import static dev.soba.streams.processors.mev.Addresses.PAIR;
import static dev.soba.streams.processors.mev.Addresses.ROUTER;
import static dev.soba.streams.processors.mev.Addresses.TOKEN;
import static dev.soba.streams.processors.mev.Addresses.USDC;
import static dev.soba.streams.processors.mev.Addresses.USER;
import static dev.soba.streams.processors.mev.Addresses.V3_POOL;
import static dev.soba.streams.processors.mev.Addresses.WETH;
import static dev.soba.streams.processors.mev.Addresses.ZERO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.mev.Abi;
import dev.soba.streams.processors.mev.TestBlock;
import dev.soba.streams.processors.mev.TestBlock.TestTransaction;
import dev.soba.streams.processors.mev.specs.ProtocolSpecs;
import dev.soba.streams.schemas.mev.MevSwap;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One swap per protocol spec, each built as the protocol's contracts call each other. */
class SwapParserTest {

    static final String TRANSFER = "transfer(address,uint256)";
    static final String TRANSFER_FROM = "transferFrom(address,address,uint256)";
    static final String V2_SWAP = "swap(uint256,uint256,address,bytes)";
    static final String V3_SWAP = "swap(address,bool,int256,uint160,bytes)";
    static final String CURVE_3POOL = "0xbebc44782c7db0a1a60cb6fe97d0b483032ff1c7";
    static final String CURVE_STETH = "0xdc24316b9ae028f1497c275eb9192a3ea0f67022";

    static String transfer(final String to, final long amount) {
        return Abi.call(TRANSFER, address(to), uint(amount));
    }

    static String transferFrom(final String from, final String to, final long amount) {
        return Abi.call(TRANSFER_FROM, address(from), address(to), uint(amount));
    }

    static String v2Swap(final long out0, final long out1, final String to) {
        return Abi.call(V2_SWAP, Abi.emptyBytesAfter(uint(out0), uint(out1), address(to)));
    }

    static String v3Swap(final String recipient, final long amount) {
        return Abi.call(V3_SWAP, Abi.emptyBytesAfter(address(recipient), bool(true), integer(amount), uint(4295128740L)));
    }

    /** A router pays the pair, then the pair pays the recipient: Uniswap V2's way. */
    static TestTransaction v2Swap(final TestTransaction tx, final String path, final String pair, final String payer,
            final String recipient, final String tokenIn, final long in, final String tokenOut, final long out) {
        final String prefix = path.isEmpty() ? "" : path + ",";
        return tx.call(prefix + "0", ROUTER, tokenIn, transferFrom(payer, pair, in))
                .call(prefix + "1", ROUTER, pair, v2Swap(0, out, recipient))
                .call(prefix + "1,0", pair, tokenOut, transfer(recipient, out));
    }

    private static List<MevSwap> swaps(final TestBlock block) {
        return SwapParser.swaps(TestBlock.NUMBER, block.classified());
    }

    @Test
    void uniswapV2TheTransferInComesBeforeTheSwapCall() {
        final TestBlock block = new TestBlock();
        v2Swap(block.transaction("a").call("", USER, ROUTER, "0x12345678"), "", PAIR, USER, USER, WETH, 10, TOKEN, 20);
        assertThat(swaps(block)).singleElement().satisfies(swap -> {
            assertThat(swap.poolAddress()).isEqualTo(PAIR);
            assertThat(swap.protocol()).isEqualTo(ProtocolSpecs.UNISWAP_V2);
            assertThat(swap.abiName()).isEqualTo("UniswapV2Pair");
            assertThat(swap.fromAddress()).isEqualTo(USER);
            assertThat(swap.toAddress()).isEqualTo(USER);
            assertThat(swap.tokenInAddress()).isEqualTo(WETH);
            assertThat(swap.tokenInAmount()).isEqualTo(10);
            assertThat(swap.tokenOutAddress()).isEqualTo(TOKEN);
            assertThat(swap.tokenOutAmount()).isEqualTo(20);
            assertThat(swap.traceAddress()).containsExactly(1);
            assertThat(swap.transactionPosition()).isZero();
            assertThat(swap.error()).isNull();
        });
    }

    @Test
    void uniswapV3IsPaidInsideTheSwapByTheCallback() {
        final TestBlock block = new TestBlock();
        block.transaction("a").call("", BOT, V3_POOL, v3Swap(BOT, 500))
                .call("0", V3_POOL, USDC, transfer(BOT, 1_000_000))
                .call("1", V3_POOL, BOT, Abi.call("uniswapV3SwapCallback(int256,int256,bytes)",
                        Abi.emptyBytesAfter(integer(500), integer(-1_000_000))))
                .call("1,0", BOT, WETH, transfer(V3_POOL, 500));
        assertThat(swaps(block)).singleElement().satisfies(swap -> {
            assertThat(swap.protocol()).isEqualTo(ProtocolSpecs.UNISWAP_V3);
            assertThat(swap.tokenInAddress()).isEqualTo(WETH);
            assertThat(swap.tokenInAmount()).isEqualTo(500);
            assertThat(swap.tokenOutAddress()).isEqualTo(USDC);
            assertThat(swap.tokenOutAmount()).isEqualTo(1_000_000);
            assertThat(swap.fromAddress()).isEqualTo(BOT);
        });
    }

    @Test
    void curveTakesTheTokenFromItsCallerAndPaysItBack() {
        final TestBlock block = new TestBlock();
        block.transaction("a").call("", USER, CURVE_3POOL, Abi.call("exchange(int128,int128,uint256,uint256)",
                        uint(0), uint(1), uint(100), uint(99)))
                .call("0", CURVE_3POOL, DAI, transferFrom(USER, CURVE_3POOL, 100))
                .call("1", CURVE_3POOL, USDC, transfer(USER, 99));
        assertThat(swaps(block)).singleElement().satisfies(swap -> {
            assertThat(swap.protocol()).isEqualTo(ProtocolSpecs.CURVE);
            assertThat(swap.abiName()).isEqualTo("StableSwap3Pool");
            assertThat(swap.tokenInAddress()).isEqualTo(DAI);
            assertThat(swap.tokenOutAddress()).isEqualTo(USDC);
        });
    }

    @Test
    void ethPaidWithTheCallIsTheTokenIn() {
        final TestBlock block = new TestBlock();
        block.transaction("a").call("", USER, CURVE_STETH, Abi.call("exchange(int128,int128,uint256,uint256)",
                        uint(0), uint(1), uint(100), uint(99)), BigInteger.valueOf(100))
                .call("0", CURVE_STETH, TOKEN, transfer(USER, 99));
        assertThat(swaps(block)).singleElement().satisfies(swap -> {
            assertThat(swap.tokenInAddress()).isEqualTo(Transfers.ETH);
            assertThat(swap.tokenInAmount()).isEqualTo(100);
            assertThat(swap.tokenOutAddress()).isEqualTo(TOKEN);
        });
    }

    @Test
    void ethPaidOutByThePoolIsTheTokenOut() {
        final TestBlock block = new TestBlock();
        block.transaction("a").call("", USER, CURVE_STETH, Abi.call("exchange(int128,int128,uint256,uint256)",
                        uint(1), uint(0), uint(100), uint(99)))
                .call("0", CURVE_STETH, TOKEN, transferFrom(USER, CURVE_STETH, 100))
                .call("1", CURVE_STETH, USER, "0x", BigInteger.valueOf(99));
        assertThat(swaps(block)).singleElement().satisfies(swap -> {
            assertThat(swap.tokenOutAddress()).isEqualTo(Transfers.ETH);
            assertThat(swap.tokenOutAmount()).isEqualTo(99);
        });
    }

    @Test
    void balancerV1PaysItsCaller() {
        final TestBlock block = new TestBlock();
        block.transaction("a").call("", BOT, BPOOL, Abi.call("swapExactAmountIn(address,uint256,address,uint256,uint256)",
                        address(WETH), uint(10), address(TOKEN), uint(1), uint(0)))
                .call("0", BPOOL, WETH, transferFrom(BOT, BPOOL, 10))
                .call("1", BPOOL, TOKEN, transfer(BOT, 30));
        assertThat(swaps(block)).singleElement().satisfies(swap -> {
            assertThat(swap.protocol()).isEqualTo(ProtocolSpecs.BALANCER_V1);
            assertThat(swap.tokenInAmount()).isEqualTo(10);
            assertThat(swap.tokenOutAmount()).isEqualTo(30);
        });
    }

    @Test
    void bancorIsReadFromWhatTheCallerPaidAndGot() {
        final TestBlock block = new TestBlock();
        final String convert = Abi.call("convertByPath(address[],uint256,uint256,address,address,uint256)",
                uint(192), uint(10), uint(1), address(ZERO), address(ZERO), uint(0), uint(3), address(WETH),
                address(TOKEN), address(DAI));
        block.transaction("a").call("", USER, ProtocolSpecs.BANCOR_NETWORK, convert)
                .call("0", ProtocolSpecs.BANCOR_NETWORK, WETH, transferFrom(USER, TOKEN, 10))
                .call("1", TOKEN, DAI, transfer(USER, 40));
        assertThat(swaps(block)).singleElement().satisfies(swap -> {
            assertThat(swap.protocol()).isEqualTo(ProtocolSpecs.BANCOR);
            assertThat(swap.poolAddress()).isEqualTo(ProtocolSpecs.BANCOR_NETWORK);
            assertThat(swap.tokenInAddress()).isEqualTo(WETH);
            assertThat(swap.tokenOutAddress()).isEqualTo(DAI);
            assertThat(swap.tokenOutAmount()).isEqualTo(40);
        });
    }

    /** A 0x RFQ order fill: maker token (USDC) to the taker, taker token (WETH) to the maker. */
    private static TestBlock rfqFill(final String taker) {
        final String order = String.join("", address(USDC), address(WETH), uint(3000), uint(1), address(BOT),
                address(taker), address(ZERO), bytes32("pool"), uint(1_700_000_000L), uint(42));
        final String signature = String.join("", uint(2), uint(27), bytes32("r"), bytes32("s"));
        final TestBlock block = new TestBlock();
        block.transaction("a").call("", USER, ProtocolSpecs.ZERO_EX_EXCHANGE_PROXY,
                        Abi.call("fillRfqOrder((address,address,uint128,uint128,address,address,address,bytes32,uint64,"
                                + "uint256),(uint8,uint8,bytes32,bytes32),uint128)", order, signature, uint(1)))
                .call("0", ProtocolSpecs.ZERO_EX_EXCHANGE_PROXY, WETH, transferFrom(USER, BOT, 1))
                .call("1", ProtocolSpecs.ZERO_EX_EXCHANGE_PROXY, USDC, transferFrom(BOT, USER, 3000));
        return block;
    }

    @Test
    void aZeroExNativeOrderIsTheTakersPaymentInAndTheMakerTokenOut() {
        assertThat(swaps(rfqFill(USER))).singleElement().satisfies(swap -> {
            assertThat(swap.protocol()).isEqualTo(ProtocolSpecs.ZERO_EX);
            assertThat(swap.abiName()).isEqualTo("INativeOrdersFeature");
            assertThat(swap.poolAddress()).isEqualTo(ProtocolSpecs.ZERO_EX_EXCHANGE_PROXY);
            assertThat(swap.fromAddress()).isEqualTo(USER);
            assertThat(swap.toAddress()).as("who received the maker token").isEqualTo(USER);
            assertThat(swap.tokenInAddress()).as("the taker pays WETH").isEqualTo(WETH);
            assertThat(swap.tokenInAmount()).isEqualTo(1);
            assertThat(swap.tokenOutAddress()).as("and receives USDC").isEqualTo(USDC);
            assertThat(swap.tokenOutAmount()).isEqualTo(3000);
        });
        assertThat(swaps(rfqFill(ZERO))).singleElement()
                .satisfies(swap -> assertThat(swap.tokenOutAmount()).as("open order: the maker token's transfer").isEqualTo(3000));
    }

    @Test
    void anArbitrageCycleThroughAZeroExFillCloses() {
        // the bot sells 1 WETH to a 0x RFQ maker for 3000 USDC, then 3000 USDC on a Uniswap V2 pair for 1.1 WETH
        final String order = String.join("", address(USDC), address(WETH), uint(3000), uint(1), address(USER),
                address(BOT), address(ZERO), bytes32("pool"), uint(1_700_000_000L), uint(42));
        final String signature = String.join("", uint(2), uint(27), bytes32("r"), bytes32("s"));
        final TestBlock block = new TestBlock();
        block.transaction("arb").call("", USER, BOT, "0x12345678")
                .call("0", BOT, ProtocolSpecs.ZERO_EX_EXCHANGE_PROXY,
                        Abi.call("fillRfqOrder((address,address,uint128,uint128,address,address,address,bytes32,uint64,"
                                + "uint256),(uint8,uint8,bytes32,bytes32),uint128)", order, signature, uint(1)))
                .call("0,0", ProtocolSpecs.ZERO_EX_EXCHANGE_PROXY, WETH, transferFrom(BOT, USER, 1))
                .call("0,1", ProtocolSpecs.ZERO_EX_EXCHANGE_PROXY, USDC, transferFrom(USER, BOT, 3000))
                .call("1", BOT, USDC, transfer(PAIR, 3000))
                .call("2", BOT, PAIR, v2Swap(0, 2, BOT))
                .call("2,0", PAIR, WETH, transfer(BOT, 2));
        final List<MevSwap> swaps = swaps(block);
        assertThat(swaps).hasSize(2);
        assertThat(dev.soba.streams.processors.mev.detectors.ArbitrageDetector.find(TestBlock.NUMBER, swaps))
                .singleElement().satisfies(arb -> {
                    assertThat(arb.searcherAddress()).isEqualTo(BOT);
                    assertThat(arb.startTokenAddress()).isEqualTo(WETH);
                    assertThat(arb.profitAmount()).isEqualTo(1);
                });
    }

    @Test
    void aSwapWhoseTransfersDoNotFitItsRuleIsNoSwap() {
        final TestBlock block = new TestBlock();
        block.transaction("a").call("", USER, PAIR, v2Swap(0, 20, USER))
                .call("0", PAIR, TOKEN, transfer(USER, 10)).call("1", PAIR, TOKEN, transfer(USER, 10));
        block.transaction("b").call("", USER, PAIR, v2Swap(0, 20, USER)).call("0", PAIR, TOKEN, transfer(USER, 20));
        assertThat(swaps(block)).as("two payouts; nothing paid in").isEmpty();
    }

    @Test
    void aSwapUnderARevertedCallCarriesItsError() {
        final TestBlock block = new TestBlock();
        v2Swap(block.transaction("a").failedCall("", USER, ROUTER, "0x12345678", "Reverted"), "", PAIR, USER, USER,
                WETH, 10, TOKEN, 20);
        assertThat(swaps(block)).singleElement().satisfies(swap -> {
            assertThat(swap.error()).isEqualTo("Reverted");
            assertThat(swap.failed()).isTrue();
        });
    }
}
