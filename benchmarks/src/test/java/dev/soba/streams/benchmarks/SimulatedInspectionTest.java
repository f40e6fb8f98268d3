package dev.soba.streams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.mev.BlockAnalysis;
import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.simulator.GroundTruth;
import dev.soba.streams.simulator.MevScore;
import dev.soba.streams.simulator.Scenario;
import dev.soba.streams.simulator.SyntheticBlock;
import dev.soba.streams.simulator.SyntheticChain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The market simulator's blocks through the MEV inspector directly: every injected sandwich and
 * arbitrage is found, with nothing else found (the simulator's own consistency is its module's
 * {@code SimulatedMarketTest}).
 */
class SimulatedInspectionTest {

    private static final long SEED = 424_242L;
    private static final long START_BLOCK = 19_000_000L;
    private static final long START_TIMESTAMP = 1_704_067_200L;
    private static final int BLOCKS = 240;

    private static SyntheticChain chain;
    private static final List<SyntheticBlock> BLOCKS_MADE = new ArrayList<>();
    private static final List<GroundTruth> TRUTH = new ArrayList<>();

    @BeforeAll
    static void simulate() {
        chain = new SyntheticChain(SEED, START_BLOCK, START_TIMESTAMP, 12, Scenario.MARKET);
        for (int i = 0; i < BLOCKS; i++) {
            final SyntheticBlock block = chain.nextBlock();
            BLOCKS_MADE.add(block);
            TRUTH.addAll(block.groundTruth());
        }
    }

    @Test
    void everyInjectedSandwichAndArbitrageIsFoundByTheInspectorAndNothingElse() {
        final List<MevFinding> fromTraces = new ArrayList<>();
        final List<MevFinding> fromLogs = new ArrayList<>();
        for (final SyntheticBlock block : BLOCKS_MADE) {
            final BlockAnalysis traced = SimulatedInspection.fromTraces(block);
            assertThat(traced.evidence()).isEqualTo(BlockAnalysis.Evidence.TRACES);
            fromTraces.addAll(traced.findings());
            fromLogs.addAll(SimulatedInspection.fromLogs(block, chain.pairs()).findings());
        }
        final MevScore traces = MevScore.score(TRUTH, fromTraces);
        assertThat(traces.mismatches()).isEmpty();
        for (final String kind : List.of("sandwich", "arbitrage")) {
            assertThat(traces.counts(kind).truePositives()).isPositive();
            assertThat(traces.counts(kind).exact()).isEqualTo(traces.counts(kind).truePositives());
        }
        assertThat(traces.total().falsePositives()).isZero();
        assertThat(traces.total().falseNegatives()).isZero();
        assertThat(fromTraces).extracting(MevFinding::searcherAddress).allMatch(chain.searcherContracts()::contains);

        // Without traces, only what left logs can be seen: every sandwich and every arbitrage that did not revert.
        final MevScore logs = MevScore.score(TRUTH, fromLogs);
        assertThat(logs.total().falsePositives()).isZero();
        assertThat(logs.mismatches()).filteredOn(m -> m.type().equals(MevScore.Mismatch.MISSED))
                .allMatch(m -> m.detail().startsWith("reverted"));
        assertThat(logs.counts("sandwich").falseNegatives()).isZero();
    }

}
