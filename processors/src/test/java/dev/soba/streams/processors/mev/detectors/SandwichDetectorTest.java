package dev.soba.streams.processors.mev.detectors;

import static dev.soba.streams.processors.mev.Addresses.BOT;
import static dev.soba.streams.processors.mev.Addresses.PAIR;
import static dev.soba.streams.processors.mev.Addresses.PAIR_2;
import static dev.soba.streams.processors.mev.Addresses.TOKEN;
import static dev.soba.streams.processors.mev.Addresses.USDC;
import static dev.soba.streams.processors.mev.Addresses.USER;
import static dev.soba.streams.processors.mev.Addresses.USER_2;
import static dev.soba.streams.processors.mev.Addresses.WETH;
import static dev.soba.streams.processors.mev.detectors.Swaps.swap;
import static dev.soba.streams.processors.mev.detectors.Swaps.tx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.mev.TestBlock;
import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.schemas.mev.MevKind;
import dev.soba.streams.schemas.mev.MevSwap;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandwichDetectorTest {

    private static final MevSwap FRONT = swap(2, "front", List.of(0), PAIR, BOT, BOT, WETH, 100, TOKEN, 1000);
    private static final MevSwap VICTIM = swap(3, "victim", List.of(1), PAIR, USER, USER, WETH, 50, TOKEN, 480);
    private static final MevSwap VICTIM_2 = swap(4, "victim-2", List.of(1), PAIR, USER_2, USER_2, WETH, 20, TOKEN, 190);
    private static final MevSwap BACK = swap(5, "back", List.of(0), PAIR, BOT, BOT, TOKEN, 1000, WETH, 107);

    private static List<MevFinding> find(final MevSwap... swaps) {
        return SandwichDetector.find(TestBlock.NUMBER, List.of(swaps));
    }

    @Test
    void victimsBetweenAFrontRunAndABackRunOnThePool() {
        assertThat(find(BACK, VICTIM_2, FRONT, VICTIM)).singleElement().satisfies(sandwich -> {
            assertThat(sandwich.kind()).isEqualTo(MevKind.SANDWICH);
            assertThat(sandwich.searcherAddress()).isEqualTo(BOT);
            assertThat(sandwich.poolAddress()).isEqualTo(PAIR);
            assertThat(sandwich.frontrunTransactionHash()).isEqualTo(tx("front"));
            assertThat(sandwich.backrunTransactionHash()).isEqualTo(tx("back"));
            assertThat(sandwich.victimTransactionHashes()).containsExactly(tx("victim"), tx("victim-2"));
            assertThat(sandwich.transactionHashes()).containsExactly(tx("front"), tx("victim"), tx("victim-2"), tx("back"));
            assertThat(sandwich.transactionHash()).isEqualTo(tx("front"));
            assertThat(sandwich.profitTokenAddress()).isEqualTo(WETH);
            assertThat(sandwich.profitAmount()).isEqualTo(7);
            assertThat(sandwich.profitAmountProRata()).as("equal legs").isNull();
            assertThat(sandwich.protocol()).isEqualTo("uniswap_v2");
            assertThat(sandwich.error()).isNull();
        });
    }

    @Test
    void noVictimNoSandwich() {
        assertThat(find(FRONT, BACK)).isEmpty();
        assertThat(find(FRONT, swap(3, "other-pool", List.of(), PAIR_2, USER, USER, WETH, 50, TOKEN, 480), BACK)).isEmpty();
        assertThat(find(FRONT, swap(3, "other-way", List.of(), PAIR, USER, USER, TOKEN, 480, WETH, 50), BACK)).isEmpty();
    }

    @Test
    void theBackRunMustBeTheSandwichersAndALossIsStillReported() {
        final MevSwap someoneElse = swap(5, "back", List.of(0), PAIR, USER_2, USER_2, TOKEN, 1000, WETH, 107);
        assertThat(find(FRONT, VICTIM, someoneElse)).isEmpty();
        final MevSwap losing = swap(5, "back", List.of(0), PAIR, BOT, BOT, TOKEN, 1000, WETH, 90);
        assertThat(find(FRONT, VICTIM, losing)).singleElement()
                .satisfies(s -> assertThat(s.profitAmount()).isEqualTo(-10));
    }

    @Test
    void aTradeThroughUniswapsRouterOrIntoTheNextPoolOfItsRouteIsNoFrontRun() {
        final MevSwap viaRouter = swap(2, "front", List.of(0), PAIR, BOT, "0x7a250d5630b4cf539739df2c5dacb4c659f2488d",
                WETH, 100, TOKEN, 1000);
        assertThat(find(viaRouter, VICTIM, BACK)).isEmpty();
        final MevSwap firstHop = swap(2, "front", List.of(0), PAIR, BOT, PAIR_2, WETH, 100, TOKEN, 1000);
        final MevSwap secondHop = swap(2, "front", List.of(1), PAIR_2, PAIR, BOT, TOKEN, 1000, USDC, 900);
        final MevSwap victimFirstHop = swap(3, "victim", List.of(0), PAIR, USER, PAIR_2, WETH, 50, TOKEN, 480);
        final MevSwap victimSecondHop = swap(3, "victim", List.of(1), PAIR_2, PAIR, USER, TOKEN, 480, USDC, 420);
        final MevSwap backFirstHop = swap(5, "back", List.of(0), PAIR_2, BOT, PAIR, USDC, 900, TOKEN, 1000);
        final MevSwap backSecondHop = swap(5, "back", List.of(1), PAIR, PAIR_2, BOT, TOKEN, 1000, WETH, 107);
        assertThat(find(firstHop, secondHop, victimFirstHop, victimSecondHop, backFirstHop, backSecondHop))
                .singleElement().satisfies(s -> {
                    assertThat(s.searcherAddress()).isEqualTo(BOT);
                    assertThat(s.poolAddress()).isEqualTo(PAIR_2);
                });
    }

    @Test
    void revertedSwapsTakeNoPart() {
        final MevSwap revertedVictim = swap(3, "victim", List.of(1), PAIR, USER, USER, WETH, BigInteger.valueOf(50), TOKEN,
                BigInteger.valueOf(480), "Reverted");
        assertThat(find(FRONT, revertedVictim, BACK)).isEmpty();
    }

    @Test
    void unequalLegsAlsoGetTheProfitOfTheMatchedPart() {
        // sold 2000 of the 1000 bought: half of the back-run's 214 out belongs to the sandwich
        final MevSwap heavyBack = swap(5, "back", List.of(0), PAIR, BOT, BOT, TOKEN, 2000, WETH, 214);
        assertThat(find(FRONT, VICTIM, heavyBack)).singleElement().satisfies(s -> {
            assertThat(s.profitAmount()).isEqualTo(114);
            assertThat(s.profitAmountProRata()).isEqualTo(7);
        });
        // sold 500 of the 1000 bought: half of the front-run's 100 in was spent on it
        final MevSwap lightBack = swap(5, "back", List.of(0), PAIR, BOT, BOT, TOKEN, 500, WETH, 53);
        assertThat(find(FRONT, VICTIM, lightBack)).singleElement().satisfies(s -> {
            assertThat(s.profitAmount()).isEqualTo(-47);
            assertThat(s.profitAmountProRata()).isEqualTo(3);
        });
    }
}
