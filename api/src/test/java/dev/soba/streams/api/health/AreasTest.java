package dev.soba.streams.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.topology.PipelineConfig;
import dev.soba.streams.topology.SobaTopology;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** The areas' processors are the topology's own nodes, so their threads and lag are really theirs. */
class AreasTest {

    private static final TopologyDescription TOPOLOGY = SobaTopology.build(PipelineConfig.defaults()).describe();

    @Test
    void everyProcessorOfABuiltAreaIsANodeOfTheTopology() {
        final Set<String> nodes = TOPOLOGY.subtopologies().stream()
                .flatMap(sub -> sub.nodes().stream()).map(TopologyDescription.Node::name).collect(Collectors.toSet());
        for (final Area area : Areas.ALL) {
            assertThat(nodes).as(area.name()).containsAll(area.processors());
            // built: it has routes; processors too unless it is served on request only (nlp-translation)
            assertThat(area.built()).as(area.name() + " is built when it has routes")
                    .isEqualTo(!area.endpoints().isEmpty());
            assertThat(area.processors().isEmpty()).as(area.name() + " has processors unless served on request")
                    .isEqualTo(!area.built() || area.name().equals("nlp-translation"));
            assertThat(area.capabilities()).as(area.name()).isNotEmpty();
        }
    }

    @Test
    void eachBuiltAreaRunsInSubTopologiesAndUnbuiltOnesInNone() {
        final Map<String, Set<Integer>> subtopologies = PipelineHealth.subtopologies(TOPOLOGY, Areas.ALL);
        assertThat(subtopologies.get("data-processing")).isNotEmpty();
        assertThat(subtopologies.get("blockchain-intelligence")).isNotEmpty();
        assertThat(subtopologies.get("fraud-detection")).isNotEmpty();
        assertThat(subtopologies.get("ml-models")).isEmpty();
        assertThat(subtopologies.get("nlp-translation")).isEmpty();
    }

    @Test
    void namesAreFoundAsTheReplacedSystemWroteThem() {
        assertThat(Areas.named("DATA_PROCESSING")).map(Area::name).contains("data-processing");
        assertThat(Areas.named("fraud-detection")).map(Area::built).contains(true);
        assertThat(Areas.named("ml-models")).map(Area::built).contains(false);
        assertThat(Areas.named("pricing")).isEmpty();
        assertThat(Areas.names()).isEqualTo("data-processing, blockchain-intelligence, fraud-detection, ml-models, nlp-translation");
    }
}
