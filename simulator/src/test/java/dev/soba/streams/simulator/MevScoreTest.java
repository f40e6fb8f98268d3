package dev.soba.streams.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.schemas.mev.ArbitrageLeg;
import dev.soba.streams.schemas.mev.MevFinding;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching findings to the ground truth: identity by transactions, attribution checked field by field. */
class MevScoreTest {

    private static final String POOL = "0x" + "11".repeat(20);
    private static final String OTHER_POOL = "0x" + "22".repeat(20);
    private static final String BOT = "0x" + "b0".repeat(20);
    private static final String ACCOUNT = "0x" + "a0".repeat(20);
    private static final String WETH = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2";
    private static final String USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";

    private static String tx(final int n) {
        return "0x" + String.format("%064x", n);
    }

    private static final GroundTruth SANDWICH = GroundTruth.sandwich(10, BOT, ACCOUNT, POOL, tx(1), tx(2), tx(3), WETH,
            BigInteger.TEN);
    private static final GroundTruth ARBITRAGE = GroundTruth.arbitrage(10, tx(4), BOT, ACCOUNT, List.of(POOL, OTHER_POOL),
            WETH, BigInteger.valueOf(-5), "Reverted");

    private static MevFinding sandwich(final String front, final String back, final BigInteger profit) {
        return MevFinding.sandwich(10, BOT, new MevFinding.SandwichLegs(POOL, front, List.of(tx(2)), back),
                new MevFinding.Profit(WETH, profit), null, "uniswap_v2", null);
    }

    private static MevFinding arbitrage(final String error) {
        return MevFinding.arbitrage(10, tx(4), BOT, List.of(
                new ArbitrageLeg(POOL, WETH, BigInteger.valueOf(100), USDC, BigInteger.valueOf(300)),
                new ArbitrageLeg(OTHER_POOL, USDC, BigInteger.valueOf(300), WETH, BigInteger.valueOf(95))),
                BigInteger.valueOf(-5), "uniswap_v2", error);
    }

    @Test
    void exactMatchesAreTruePositivesWithNothingToReport() {
        final MevScore score = MevScore.score(List.of(SANDWICH, ARBITRAGE),
                List.of(sandwich(tx(1), tx(3), BigInteger.TEN), arbitrage("Reverted")));
        assertThat(score.total().truePositives()).isEqualTo(2);
        assertThat(score.total().exact()).isEqualTo(2);
        assertThat(score.total().precision()).isEqualTo(1.0);
        assertThat(score.total().recall()).isEqualTo(1.0);
        assertThat(score.mismatches()).isEmpty();
    }

    @Test
    void aWrongFieldIsStillFoundButListedAndAnUnknownOrRepeatedFindingIsAFalsePositive() {
        final MevScore score = MevScore.score(List.of(SANDWICH, ARBITRAGE), List.of(
                sandwich(tx(1), tx(3), BigInteger.ONE),
                sandwich(tx(1), tx(3), BigInteger.TEN),
                sandwich(tx(7), tx(8), BigInteger.TEN),
                arbitrage(null)));
        assertThat(score.counts("sandwich").truePositives()).isEqualTo(1);
        assertThat(score.counts("sandwich").exact()).isZero();
        assertThat(score.counts("sandwich").falsePositives()).isEqualTo(2);
        assertThat(score.counts("sandwich").precision()).isEqualTo(1.0 / 3);
        assertThat(score.counts("arbitrage").truePositives()).isEqualTo(1);
        assertThat(score.mismatches()).extracting(MevScore.Mismatch::type).containsExactly(
                MevScore.Mismatch.DIFFERS, MevScore.Mismatch.UNEXPECTED, MevScore.Mismatch.UNEXPECTED,
                MevScore.Mismatch.DIFFERS);
        assertThat(score.mismatches().get(0).detail()).contains("profit: expected 10, found 1");
        assertThat(score.mismatches().get(3).detail()).contains("error: expected Reverted, found null");
    }

    @Test
    void anInjectedEventNobodyFoundIsAFalseNegativeAndDrainsAreNotMev() {
        final GroundTruth drain = GroundTruth.phishingDrain(10, ACCOUNT, List.of(tx(5)), List.of(tx(6)), List.of(BOT),
                POOL, 9);
        final MevScore score = MevScore.score(List.of(SANDWICH, ARBITRAGE, drain), List.of(arbitrage("Reverted")));
        assertThat(score.counts("sandwich").falseNegatives()).isEqualTo(1);
        assertThat(score.counts("sandwich").recall()).isZero();
        assertThat(score.counts("sandwich").precision()).isNaN();
        assertThat(score.total().injected()).isEqualTo(2);
        assertThat(score.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(MevScore.Mismatch.MISSED);
            assertThat(m.transactionHashes()).containsExactly(tx(1), tx(2), tx(3));
        });
    }
}
