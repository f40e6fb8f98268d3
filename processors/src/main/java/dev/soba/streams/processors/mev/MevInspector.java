package dev.soba.streams.processors.mev;

import dev.soba.streams.processors.mev.BlockInput.LoggedBlock;
import dev.soba.streams.processors.mev.BlockInput.TracedBlock;
import dev.soba.streams.processors.mev.calls.CallClassifier;
import dev.soba.streams.processors.mev.calls.Calls;
import dev.soba.streams.processors.mev.calls.ClassifiedCall;
import dev.soba.streams.processors.mev.detectors.ArbitrageDetector;
import dev.soba.streams.processors.mev.detectors.JitLiquidityDetector;
import dev.soba.streams.processors.mev.detectors.LiquidationDetector;
import dev.soba.streams.processors.mev.detectors.SandwichDetector;
import dev.soba.streams.processors.mev.flows.LogSwapParser;
import dev.soba.streams.processors.mev.flows.SwapParser;
import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.schemas.mev.MevSwap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The MEV ladder on one block, pure and stateless: traces → calls → classified calls → transfers and
 * swaps → sandwiches, arbitrages, liquidations, JIT liquidity. A block without traces goes from its
 * Swap logs straight to swaps, then to sandwiches and arbitrages. Thread-safe; the stream processor
 * calls {@link #inspect} once a block is complete, the CLI and the REST facade for offline blocks.
 */
public final class MevInspector {

    private static final MevInspector STANDARD = new MevInspector(CallClassifier.standard());

    private final CallClassifier classifier;

    public MevInspector(final CallClassifier classifier) {
        this.classifier = classifier;
    }

    /** The inspector of the standard protocol registry. */
    public static MevInspector standard() {
        return STANDARD;
    }

    public BlockAnalysis inspect(final BlockInput block) {
        if (block instanceof TracedBlock traced) {
            return inspectTraces(traced);
        }
        return inspectLogs((LoggedBlock) block);
    }

    private BlockAnalysis inspectTraces(final TracedBlock block) {
        final long number = block.blockNumber();
        final List<ClassifiedCall> calls = classifier.classify(Calls.fromTraces(block.traces(),
                block.transactionPositions()));
        final List<MevSwap> swaps = SwapParser.swaps(number, calls);
        final List<MevFinding> findings = new ArrayList<>();
        findings.addAll(SandwichDetector.find(number, swaps));
        findings.addAll(ArbitrageDetector.find(number, swaps));
        findings.addAll(LiquidationDetector.find(number, calls));
        findings.addAll(JitLiquidityDetector.find(number, calls, swaps));
        final Map<String, Long> positions = new HashMap<>();
        calls.forEach(c -> positions.putIfAbsent(c.call().transactionHash(), c.call().transactionPosition()));
        return new BlockAnalysis(number, BlockAnalysis.Evidence.TRACES, swaps, ordered(findings, positions));
    }

    private static BlockAnalysis inspectLogs(final LoggedBlock block) {
        final long number = block.blockNumber();
        final List<MevSwap> swaps = LogSwapParser.swaps(number, block.logs(), block.pools());
        final List<MevFinding> findings = new ArrayList<>();
        findings.addAll(SandwichDetector.find(number, swaps));
        findings.addAll(ArbitrageDetector.find(number, swaps));
        final Map<String, Long> positions = new HashMap<>();
        swaps.forEach(s -> positions.putIfAbsent(s.transactionHash(), s.transactionPosition()));
        return new BlockAnalysis(number, BlockAnalysis.Evidence.LOGS, swaps, ordered(findings, positions));
    }

    private static List<MevFinding> ordered(final List<MevFinding> findings, final Map<String, Long> positions) {
        final List<MevFinding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingLong((MevFinding f) -> positions.getOrDefault(f.transactionHash(),
                Long.MAX_VALUE)).thenComparing(MevFinding::kind));
        return sorted;
    }
}
