package dev.soba.streams.processors.mev.detectors;

import static dev.soba.streams.processors.mev.Abi.address;
import static dev.soba.streams.processors.mev.Abi.bool;
import static dev.soba.streams.processors.mev.Abi.uint;
import static dev.soba.streams.processors.mev.Addresses.BOT;
import static dev.soba.streams.processors.mev.Addresses.DAI;
import static dev.soba.streams.processors.mev.Addresses.TOKEN;
import static dev.soba.streams.processors.mev.Addresses.USER;
import static dev.soba.streams.processors.mev.Addresses.WETH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.processors.mev.Abi;
import dev.soba.streams.processors.mev.TestBlock;
import dev.soba.streams.processors.mev.flows.Transfers;
import dev.soba.streams.processors.mev.specs.ProtocolSpecs;
import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.schemas.mev.MevKind;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiquidationDetectorTest {

    static final String LENDING_POOL = "0x7d2768de32b0b80b7a3454c06bdac94a69ddc7a9";
    static final String LENDING_POOL_IMPLEMENTATION = TestItems.address("aave-implementation");
    static final String A_WETH = TestItems.address("aweth");
    static final String CUSDC = "0x39aa39c021dfbae8fac545936693ac917d5e7563";
    static final String CDAI = "0x5d3a536e4d6dbd6114cc1ead35777bab948e3643";
    static final String CRETH = ProtocolSpecs.CREAM_CRETH;
    static final String CREAM_CLINK = "0x697256caa3ccafd62bb6d3aa1c7c5671786a5fd9";

    static String liquidationCall(final String collateral, final String debt, final String user, final long amount) {
        return Abi.call("liquidationCall(address,address,address,uint256,bool)", address(collateral), address(debt),
                address(user), uint(amount), bool(false));
    }

    static String seize(final String liquidator, final String borrower, final long tokens) {
        return Abi.call("seize(address,address,uint256)", address(liquidator), address(borrower), uint(tokens));
    }

    private static List<MevFinding> find(final TestBlock block) {
        return LiquidationDetector.find(TestBlock.NUMBER, block.classified());
    }

    @Test
    void aaveTheLiquidatorPaysTheDebtAndReceivesCollateral() {
        final String input = liquidationCall(WETH, TOKEN, USER, 100);
        final TestBlock block = new TestBlock();
        block.transaction("liquidation").call("", BOT, LENDING_POOL, input)
                .delegateCall("0", LENDING_POOL, LENDING_POOL_IMPLEMENTATION, input)
                .call("0,0", LENDING_POOL, TOKEN, Abi.call("transferFrom(address,address,uint256)", address(BOT),
                        address(A_WETH), uint(100)))
                .call("0,1", A_WETH, WETH, Abi.call("transfer(address,uint256)", address(BOT), uint(55)));
        assertThat(find(block)).as("the delegate call repeating the input is the same liquidation").singleElement()
                .satisfies(liquidation -> {
                    assertThat(liquidation.kind()).isEqualTo(MevKind.LIQUIDATION);
                    assertThat(liquidation.searcherAddress()).isEqualTo(BOT);
                    assertThat(liquidation.liquidatedUser()).isEqualTo(USER);
                    assertThat(liquidation.debtTokenAddress()).isEqualTo(TOKEN);
                    assertThat(liquidation.debtPurchaseAmount()).isEqualTo(100);
                    assertThat(liquidation.receivedTokenAddress()).isEqualTo(WETH);
                    assertThat(liquidation.receivedAmount()).isEqualTo(55);
                    assertThat(liquidation.protocol()).isEqualTo("aave");
                    assertThat(liquidation.profitAmount()).isNull();
                    assertThat(liquidation.transactionHashes()).containsExactly(liquidation.transactionHash());
                });
    }

    @Test
    void aaveAnEthReserveIsRepaidWithTheCallsValue() {
        final TestBlock block = new TestBlock();
        block.transaction("liquidation").call("", BOT, LENDING_POOL, liquidationCall(TOKEN, Transfers.ETH, USER, 7),
                        BigInteger.valueOf(7))
                .call("0", LENDING_POOL, TOKEN, Abi.call("transfer(address,uint256)", address(BOT), uint(900)));
        assertThat(find(block)).singleElement().satisfies(liquidation -> {
            assertThat(liquidation.debtTokenAddress()).isEqualTo(Transfers.ETH);
            assertThat(liquidation.debtPurchaseAmount()).isEqualTo(7);
            assertThat(liquidation.receivedAmount()).isEqualTo(900);
        });
    }

    @Test
    void aaveWithoutBothTransfersNothingWasLiquidated() {
        final TestBlock block = new TestBlock();
        block.transaction("liquidation").call("", BOT, LENDING_POOL, liquidationCall(WETH, TOKEN, USER, 100));
        assertThat(find(block)).isEmpty();
    }

    @Test
    void compoundEtherMarketPaidInEthWithTheCollateralSeized() {
        final TestBlock block = new TestBlock();
        block.transaction("liquidation").call("", BOT, ProtocolSpecs.COMPOUND_CETH,
                        Abi.call("liquidateBorrow(address,address)", address(USER), address(CUSDC)), BigInteger.valueOf(9))
                .call("0", ProtocolSpecs.COMPOUND_CETH, CUSDC, seize(BOT, USER, 1234));
        assertThat(find(block)).singleElement().satisfies(liquidation -> {
            assertThat(liquidation.protocol()).isEqualTo("compound_v2");
            assertThat(liquidation.liquidatedUser()).isEqualTo(USER);
            assertThat(liquidation.debtTokenAddress()).isEqualTo(Transfers.ETH);
            assertThat(liquidation.debtPurchaseAmount()).isEqualTo(9);
            assertThat(liquidation.receivedTokenAddress()).isEqualTo(CUSDC);
            assertThat(liquidation.receivedAmount()).isEqualTo(1234);
        });
    }

    @Test
    void compoundTokenMarketTheUnderlyingTransferIsTheDebt() {
        final TestBlock block = new TestBlock();
        block.transaction("liquidation").call("", BOT, CDAI, Abi.call("liquidateBorrow(address,uint256,address)",
                        address(USER), uint(500), address(ProtocolSpecs.COMPOUND_CETH)))
                .call("0", CDAI, DAI, Abi.call("transferFrom(address,address,uint256)", address(BOT), address(CDAI),
                        uint(500)))
                .call("1", CDAI, ProtocolSpecs.COMPOUND_CETH, seize(BOT, USER, 77));
        assertThat(find(block)).singleElement().satisfies(liquidation -> {
            assertThat(liquidation.debtTokenAddress()).isEqualTo(DAI);
            assertThat(liquidation.debtPurchaseAmount()).isEqualTo(500);
            assertThat(liquidation.receivedTokenAddress()).isEqualTo(ProtocolSpecs.COMPOUND_CETH);
            assertThat(liquidation.receivedAmount()).isEqualTo(77);
        });
    }

    @Test
    void creamMarketsAreCreamsAndOtherCTokensAreNobodys() {
        final TestBlock block = new TestBlock();
        block.transaction("cream").call("", BOT, CREAM_CLINK, Abi.call("liquidateBorrow(address,uint256,address)",
                        address(USER), uint(5), address(CRETH)))
                .call("0", CREAM_CLINK, CRETH, seize(BOT, USER, 3));
        final String unknownMarket = TestItems.address("some-ctoken");
        block.transaction("unknown").call("", BOT, unknownMarket, Abi.call("liquidateBorrow(address,uint256,address)",
                        address(USER), uint(5), address(CRETH)))
                .call("0", unknownMarket, CRETH, seize(BOT, USER, 3));
        assertThat(find(block)).singleElement().satisfies(liquidation -> {
            assertThat(liquidation.protocol()).isEqualTo("cream");
            assertThat(liquidation.debtTokenAddress()).as("no transfer: the market repaid").isEqualTo(CREAM_CLINK);
            assertThat(liquidation.debtPurchaseAmount()).isEqualTo(5);
            assertThat(liquidation.receivedAmount()).isEqualTo(3);
        });
    }

    @Test
    void aRevertedLiquidationIsNotReported() {
        final TestBlock block = new TestBlock();
        block.transaction("attempt").failedCall("", BOT, ProtocolSpecs.COMPOUND_CETH,
                        Abi.call("liquidateBorrow(address,address)", address(USER), address(CUSDC)), "Reverted")
                .call("0", ProtocolSpecs.COMPOUND_CETH, CUSDC, seize(BOT, USER, 1234));
        block.transaction("inner").call("", USER, BOT, "0x12345678")
                .failedCall("0", BOT, LENDING_POOL, liquidationCall(WETH, TOKEN, USER, 100), "Out of gas")
                .call("0,0", LENDING_POOL, TOKEN, Abi.call("transferFrom(address,address,uint256)", address(BOT),
                        address(A_WETH), uint(100)))
                .call("0,1", A_WETH, WETH, Abi.call("transfer(address,uint256)", address(BOT), uint(55)));
        assertThat(find(block)).isEmpty();
    }
}
