package dev.soba.streams.models.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BehaviourClustersTest {

    private static final String[] NAMES = {"x", "y"};

    @Test
    void twoDenseGroupsAreFoundAndAFarWalletIsNoise() {
        final SplittableRandom rng = new SplittableRandom(7);
        final Map<String, double[]> vectors = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            vectors.put("a" + i, new double[] {rng.nextDouble(0, 0.5), rng.nextDouble(0, 0.5)});
            vectors.put("b" + i, new double[] {10 + rng.nextDouble(0, 0.5), 10 + rng.nextDouble(0, 0.5)});
        }
        vectors.put("far", new double[] {100, -50});

        final BehaviourClusters.Result result = BehaviourClusters.cluster(vectors, NAMES, 5);
        final int a = result.groups().get("a0");
        final int b = result.groups().get("b0");
        assertThat(a).isNotEqualTo(BehaviourClusters.NOISE);
        assertThat(b).isNotEqualTo(BehaviourClusters.NOISE).isNotEqualTo(a);
        for (int i = 0; i < 20; i++) {
            assertThat(result.groups().get("a" + i)).isEqualTo(a);
            assertThat(result.groups().get("b" + i)).isEqualTo(b);
        }
        assertThat(result.groups().get("far")).isEqualTo(BehaviourClusters.NOISE);
        assertThat(result.provenance()).contains("minClusterSize");
    }

    @Test
    void tooFewWalletsAreAllNoise() {
        final BehaviourClusters.Result result = BehaviourClusters.cluster(Map.of("a", new double[] {1, 2}), NAMES, 3);
        assertThat(result.groups()).containsEntry("a", BehaviourClusters.NOISE);
    }
}
