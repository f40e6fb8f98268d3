package dev.soba.streams.models.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.hdbscan.HdbscanModel;
import org.tribuo.clustering.hdbscan.HdbscanTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * "Looks like" groups of wallets: Tribuo's HDBSCAN* over behaviour vectors, standardised per
 * feature over the population given. Density-based, so the number of groups is not fixed in
 * advance and wallets that resemble nobody are noise (group 0) rather than forced into a group.
 * A group says the wallets behave alike, not that one actor controls them.
 */
public final class BehaviourClusters {

    /** Tribuo's HDBSCAN label for noise (outliers). */
    public static final int NOISE = 0;

    /**
     * @param groups        address → group label (0: noise)
     * @param outlierScores address → GLOSH outlier score (0 inside a dense group, towards 1 for outliers)
     * @param provenance    the trainer and its parameters, as Tribuo records them
     */
    public record Result(Map<String, Integer> groups, Map<String, Double> outlierScores, String provenance) {
    }

    private BehaviourClusters() {
    }

    /**
     * Groups {@code vectors} (address → features named {@code names}); fewer than
     * {@code minClusterSize + 1} wallets are all noise (no density to speak of).
     */
    public static Result cluster(final Map<String, double[]> vectors, final String[] names, final int minClusterSize) {
        final List<String> addresses = new ArrayList<>(vectors.keySet());
        final Map<String, Integer> groups = new LinkedHashMap<>();
        final Map<String, Double> scores = new LinkedHashMap<>();
        if (addresses.size() <= minClusterSize) {
            addresses.forEach(a -> {
                groups.put(a, NOISE);
                scores.put(a, 1.0);
            });
            return new Result(groups, scores, "too few wallets for HDBSCAN (" + addresses.size() + ")");
        }
        final double[][] standardised = standardise(addresses.stream().map(vectors::get).toList(), names.length);
        final ClusteringFactory factory = new ClusteringFactory();
        final MutableDataset<ClusterID> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("wallet behaviour vectors", factory), factory);
        for (final double[] row : standardised) {
            data.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, row));
        }
        final HdbscanTrainer trainer = new HdbscanTrainer(minClusterSize);
        final HdbscanModel model = trainer.train(data);
        final List<Integer> labels = model.getClusterLabels();
        final List<Double> outliers = model.getOutlierScores();
        for (int i = 0; i < addresses.size(); i++) {
            groups.put(addresses.get(i), labels.get(i));
            scores.put(addresses.get(i), outliers.get(i));
        }
        return new Result(groups, scores, trainer.toString());
    }

    private static double[][] standardise(final List<double[]> rows, final int width) {
        final double[] mean = new double[width];
        final double[] sd = new double[width];
        for (final double[] row : rows) {
            for (int j = 0; j < width; j++) {
                mean[j] += row[j] / rows.size();
            }
        }
        for (final double[] row : rows) {
            for (int j = 0; j < width; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / rows.size();
            }
        }
        final double[][] out = new double[rows.size()][width];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < width; j++) {
                final double s = Math.sqrt(sd[j]);
                // a constant feature carries no information: 0 for everyone
                out[i][j] = s == 0 ? 0 : (rows.get(i)[j] - mean[j]) / s;
            }
        }
        return out;
    }
}
