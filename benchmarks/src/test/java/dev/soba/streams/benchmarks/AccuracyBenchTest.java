package dev.soba.streams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.mev.MevStreamConfig;
import dev.soba.streams.simulator.GroundTruth;
import dev.soba.streams.simulator.MevScore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./soba bench accuracy} end to end on a few blocks: a real in-process broker, the full topology
 * with exactly-once, the alerts applied as a consumer would and scored against the ground truth read
 * back from its topic. The MEV timeout is shortened (the wait to settle is the timeout plus 3 s), the
 * detection itself is the production one.
 */
class AccuracyBenchTest {

    @TempDir
    Path dir;

    @Test
    void simulatedMevComesOutOfThePipelineAsInjected() throws Exception {
        final AccuracyBench.Report report = AccuracyBench.measure(12, 7, dir, System.err,
                MevStreamConfig.of(Duration.ofMillis(500), Duration.ofSeconds(3), MevStreamConfig.DEFAULT_KEEP_BLOCKS), false);

        assertThat(report.settled()).isTrue();
        assertThat(report.truth()).filteredOn(t -> t.kind() == GroundTruth.Kind.SANDWICH).isNotEmpty();
        assertThat(report.truth()).filteredOn(t -> t.kind() == GroundTruth.Kind.ARBITRAGE).isNotEmpty();
        for (final String kind : new String[] {"sandwich", "arbitrage"}) {
            final MevScore.Counts counts = report.pipeline().counts(kind);
            assertThat(counts.precision()).as("%s precision", kind).isGreaterThanOrEqualTo(0.99);
            assertThat(counts.recall()).as("%s recall", kind).isGreaterThanOrEqualTo(0.99);
            assertThat(report.direct().counts(kind).recall()).isEqualTo(1.0);
        }
        assertThat(report.pipeline().total().falsePositives()).isZero();

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        AccuracyBench.print(report, new PrintStream(out, true, StandardCharsets.UTF_8));
        final String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("sandwich", "arbitrage", "precision", "recall", "fraud alerts: not built yet",
                "MEV inspector on the same blocks without the broker", "wallet clusters of the drains");
        // every drain swept in these blocks is clustered with its cash-out sink, and no victim with it
        final long drains = report.truth().stream().filter(t -> t.kind() == GroundTruth.Kind.PHISHING_DRAIN)
                .map(GroundTruth::walletAddress).distinct().count();
        assertThat(report.clusters().heuristics().drains()).isEqualTo((int) drains);
        assertThat(report.clusters().heuristics().withSink()).isEqualTo((int) drains);
        assertThat(report.clusters().heuristics().victimsMerged()).isZero();
    }
}
