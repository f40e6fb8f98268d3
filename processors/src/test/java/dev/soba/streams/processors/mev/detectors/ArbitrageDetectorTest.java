package dev.soba.streams.processors.mev.detectors;

import static dev.soba.streams.processors.mev.Addresses.BOT;
import static dev.soba.streams.processors.mev.Addresses.DAI;
import static dev.soba.streams.processors.mev.Addresses.PAIR;
import static dev.soba.streams.processors.mev.Addresses.PAIR_2;
import static dev.soba.streams.processors.mev.Addresses.PAIR_3;
import static dev.soba.streams.processors.mev.Addresses.TOKEN;
import static dev.soba.streams.processors.mev.Addresses.USDC;
import static dev.soba.streams.processors.mev.Addresses.USER;
import static dev.soba.streams.processors.mev.Addresses.WETH;
import static dev.soba.streams.processors.mev.detectors.Swaps.swap;
import static dev.soba.streams.processors.mev.detectors.Swaps.tx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.processors.mev.TestBlock;
import dev.soba.streams.schemas.mev.ArbitrageLeg;
import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.schemas.mev.MevKind;
import dev.soba.streams.schemas.mev.MevSwap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArbitrageDetectorTest {

    private static List<MevFinding> find(final MevSwap... swaps) {
        return ArbitrageDetector.find(TestBlock.NUMBER, List.of(swaps));
    }

    /** Case I: fully routed, each pool paying the next. */
    @Test
    void aCycleThroughThreePoolsBackToTheBot() {
        final List<MevFinding> found = find(
                swap(7, "arb", List.of(0), PAIR, BOT, PAIR_2, WETH, 100, TOKEN, 500),
                swap(7, "arb", List.of(1), PAIR_2, PAIR, PAIR_3, TOKEN, 500, USDC, 300),
                swap(7, "arb", List.of(2), PAIR_3, PAIR_2, BOT, USDC, 300, WETH, 104));
        assertThat(found).singleElement().satisfies(arb -> {
            assertThat(arb.kind()).isEqualTo(MevKind.ARBITRAGE);
            assertThat(arb.transactionHash()).isEqualTo(tx("arb"));
            assertThat(arb.transactionHashes()).containsExactly(tx("arb"));
            assertThat(arb.searcherAddress()).isEqualTo(BOT);
            assertThat(arb.startTokenAddress()).isEqualTo(WETH);
            assertThat(arb.profitTokenAddress()).isEqualTo(WETH);
            assertThat(arb.profitAmount()).isEqualTo(4);
            assertThat(arb.protocol()).isEqualTo("uniswap_v2");
            assertThat(arb.error()).isNull();
            assertThat(arb.swaps()).containsExactly(
                    new ArbitrageLeg(PAIR, WETH, BigInteger.valueOf(100), TOKEN, BigInteger.valueOf(500)),
                    new ArbitrageLeg(PAIR_2, TOKEN, BigInteger.valueOf(500), USDC, BigInteger.valueOf(300)),
                    new ArbitrageLeg(PAIR_3, USDC, BigInteger.valueOf(300), WETH, BigInteger.valueOf(104)));
        });
    }

    /** Case II: the bot takes every output back and pays the next pool itself. */
    @Test
    void aCycleThroughTheBotAfterEveryHopIsFoundOnceInCallOrder() {
        final List<MevFinding> found = find(
                swap(7, "arb", List.of(0), PAIR, BOT, BOT, WETH, 100, TOKEN, 500),
                swap(7, "arb", List.of(1), PAIR_2, BOT, BOT, TOKEN, 500, USDC, 300),
                swap(7, "arb", List.of(2), PAIR_3, BOT, BOT, USDC, 300, WETH, 104));
        assertThat(found).singleElement().satisfies(arb -> assertThat(arb.startTokenAddress()).isEqualTo(WETH));
    }

    @Test
    void cyclesOfAnyLength() {
        final String[] pools = new String[8];
        final String[] tokens = new String[8];
        for (int i = 0; i < 8; i++) {
            pools[i] = TestItems.address("pool-" + i);
            tokens[i] = i == 0 ? WETH : TestItems.address("token-" + i);
        }
        final List<MevSwap> swaps = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            swaps.add(swap(3, "long", List.of(i), pools[i], i == 0 ? BOT : pools[i - 1], i == 7 ? BOT : pools[i + 1],
                    tokens[i], 1000 + i, tokens[(i + 1) % 8], 1001 + i));
        }
        assertThat(find(swaps.toArray(MevSwap[]::new))).singleElement().satisfies(arb -> {
            assertThat(arb.swaps()).hasSize(8);
            assertThat(arb.profitAmount()).isEqualTo(8);
        });
    }

    @Test
    void twoSwapsOnTheSamePoolOrNotBackToTheSameAccountAreNoArbitrage() {
        assertThat(find(swap(1, "a", List.of(0), PAIR, BOT, BOT, WETH, 100, TOKEN, 500),
                swap(1, "a", List.of(1), PAIR, BOT, BOT, TOKEN, 500, WETH, 101))).isEmpty();
        assertThat(find(swap(1, "a", List.of(0), PAIR, BOT, BOT, WETH, 100, TOKEN, 500),
                swap(1, "a", List.of(1), PAIR_2, BOT, USER, TOKEN, 500, WETH, 101))).isEmpty();
        assertThat(find(swap(1, "a", List.of(0), PAIR, BOT, BOT, WETH, 100, TOKEN, 500),
                swap(2, "b", List.of(0), PAIR_2, BOT, BOT, TOKEN, 500, WETH, 101))).as("two transactions").isEmpty();
    }

    @Test
    void aHopMustHandOnWithinOnePercent() {
        assertThat(find(swap(1, "a", List.of(0), PAIR, BOT, BOT, WETH, 100, TOKEN, 1000),
                swap(1, "a", List.of(1), PAIR_2, BOT, BOT, TOKEN, 991, WETH, 120))).hasSize(1);
        assertThat(find(swap(1, "a", List.of(0), PAIR, BOT, BOT, WETH, 100, TOKEN, 1000),
                swap(1, "a", List.of(1), PAIR_2, BOT, BOT, TOKEN, 989, WETH, 120))).isEmpty();
        assertThat(ArbitrageDetector.nearlyEqual(BigInteger.ZERO, BigInteger.ZERO)).isTrue();
        assertThat(ArbitrageDetector.nearlyEqual(BigInteger.ZERO, BigInteger.ONE)).isFalse();
    }

    @Test
    void aRevertedArbitrageIsReportedWithItsError() {
        final List<MevFinding> found = find(
                swap(1, "a", List.of(0, 0), PAIR, BOT, BOT, WETH, BigInteger.valueOf(100), DAI, BigInteger.valueOf(500), "Reverted"),
                swap(1, "a", List.of(0, 1), PAIR_2, BOT, BOT, DAI, BigInteger.valueOf(500), WETH, BigInteger.valueOf(99), "Reverted"));
        assertThat(found).singleElement().satisfies(arb -> {
            assertThat(arb.error()).isEqualTo("Reverted");
            assertThat(arb.profitAmount()).isEqualTo(-1);
        });
    }

    @Test
    void aSwapServesOneArbitrageAndAStartPaidByAPoolIsNone() {
        final List<MevFinding> found = find(
                swap(1, "a", List.of(0), PAIR, BOT, BOT, WETH, 100, TOKEN, 500),
                swap(1, "a", List.of(1), PAIR_2, BOT, BOT, TOKEN, 500, WETH, 103),
                swap(1, "a", List.of(2), PAIR_3, BOT, BOT, WETH, 50, USDC, 70),
                swap(1, "a", List.of(3), PAIR, BOT, BOT, USDC, 70, WETH, 51));
        assertThat(found).hasSize(2).extracting(MevFinding::profitAmount)
                .containsExactly(BigInteger.valueOf(3), BigInteger.ONE);
    }
}
