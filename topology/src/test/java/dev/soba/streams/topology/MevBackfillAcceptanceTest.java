package dev.soba.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.processors.mev.MevBlockFindings;
import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.Trace;
import dev.soba.streams.schemas.mev.BlockFiles;
import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.schemas.mev.MevKind;
import dev.soba.streams.schemas.mev.ParityBlock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backfill of a real mainnet block (mev-inspect-py's 12775690, its traces as {@code ./soba replay}
 * sends them) into a pipeline whose live feed already ran at higher heights and let its blocks go:
 * the findings equal those of the block processed alone, the sandwich among them. Needs
 * {@code -Dsoba.data}.
 */
class MevBackfillAcceptanceTest {

    private static final Topics TOPICS = new Topics("");
    private static final long BLOCK = 12_775_690L;

    @TempDir
    Path stateDir;

    private static List<Trace> traces() {
        final String dir = System.getProperty("soba.data");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property soba.data is not set: run with -Dsoba.data=<folder of the public data>");
        }
        final Path file = Path.of(dir, "mev-inspect", BLOCK + ".json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: point soba.data at the public data folder");
        }
        return ((ParityBlock) BlockFiles.read(file).get(0)).traces();
    }

    private List<MevFinding> findings(final boolean liveFeedFirst, final String name) {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "mev-backfill-" + name);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(name).toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(SobaTopology.build(PipelineConfig.defaults()), props)) {
            final TestInputTopic<byte[], byte[]> blocks = driver.createInputTopic(TOPICS.input(ItemType.BLOCK),
                    new ByteArraySerializer(), new ByteArraySerializer());
            final TestInputTopic<byte[], byte[]> traces = driver.createInputTopic(TOPICS.input(ItemType.TRACE),
                    new ByteArraySerializer(), new ByteArraySerializer());
            if (liveFeedFirst) {
                final long head = BLOCK + 5_000_000;
                for (long n = head; n < head + 70; n++) {
                    blocks.pipeInput(null, TestItems.block(n, TestItems.hash("live-" + n), TestItems.hash("live-" + (n - 1)), 0)
                            .getBytes(StandardCharsets.UTF_8));
                    driver.advanceWallClockTime(Duration.ofSeconds(1));
                }
                driver.advanceWallClockTime(Duration.ofSeconds(11));
                assertThat(driver.<Long, Long>getKeyValueStore(StoreNames.MEV_FORGOTTEN).get(head))
                        .as("the live feed's first blocks were analysed and let go").isNotNull();
            }
            traces().forEach(trace -> traces.pipeInput(null, Json.write((Item) trace)));
            driver.advanceWallClockTime(Duration.ofSeconds(3));
            driver.advanceWallClockTime(Duration.ofSeconds(11));
            final MevBlockFindings found = driver.<String, MevBlockFindings>getKeyValueStore(StoreNames.MEV_BY_BLOCK)
                    .get(Long.toString(BLOCK));
            return found == null ? List.of() : found.findings();
        }
    }

    @Test
    void aRealBlockBackfilledBelowALiveFeedIsAnalysedLikeTheBlockAlone() {
        final List<MevFinding> alone = findings(false, "alone");
        assertThat(alone).extracting(MevFinding::kind).contains(MevKind.SANDWICH);
        assertThat(findings(true, "after-live-feed")).isEqualTo(alone);
    }
}
