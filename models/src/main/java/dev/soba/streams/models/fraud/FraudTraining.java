package dev.soba.streams.models.fraud;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the wallet model: gradient-boosted trees (Tribuo XGBoost), the settings chosen by stratified
 * cross-validation (best out-of-fold PR-AUC), measured beside two baselines — the ERC-20 emptiness
 * alone, and the same trees without any ERC-20 column — and beside the same trees given the blanks
 * as a feature, to show what the blanks give away. Then trains on every row.
 */
public final class FraudTraining {

    public static final String MODEL_NAME = "wallet-fraud";
    public static final double THRESHOLD = 0.5;
    public static final int FOLDS = 5;
    public static final long SEED = 12;

    /** One setting of the trees. */
    public record Settings(int trees, int depth, double eta) {
        public String describe() {
            return String.format(Locale.ROOT, "trees=%d depth=%d eta=%.2f", trees, depth, eta);
        }
    }

    /** The settings compared by cross-validation. */
    public static final List<Settings> CANDIDATES = List.of(
            new Settings(100, 4, 0.3), new Settings(300, 6, 0.1), new Settings(600, 8, 0.05));

    /** The result of {@link #train}: the model (trained on every row) and its cross-validation table. */
    public record Result(FraudModel model, List<CrossValidation.Row> crossValidation, Settings chosen) {
    }

    private final List<Settings> candidates;
    private final int folds;
    private final int threads;

    public FraudTraining() {
        this(CANDIDATES, FOLDS, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public FraudTraining(final List<Settings> candidates, final int folds, final int threads) {
        this.candidates = List.copyOf(candidates);
        this.folds = folds;
        this.threads = threads;
    }

    public Result train(final List<LabelledWallet> rows, final String source, final String sourceSha256,
                        final Consumer<String> progress) {
        final boolean[] truth = CrossValidation.truth(rows);
        final int[] fold = CrossValidation.folds(rows, folds, SEED);
        final List<CrossValidation.Row> table = new ArrayList<>();

        table.add(CrossValidation.Row.of("baseline: ERC-20 emptiness only",
                ClassifierMetrics.of(truth, CrossValidation.outOfFold(rows, fold, folds, FraudTraining::emptinessRate), THRESHOLD)));
        progress.accept("baseline (ERC-20 emptiness) done");

        Settings best = null;
        ClassifierMetrics bestMetrics = null;
        for (final Settings settings : candidates) {
            final ClassifierMetrics m = ClassifierMetrics.of(truth,
                    CrossValidation.outOfFold(rows, fold, folds, (train, test) -> scores(fit(train, settings, Inputs.ALL), test, Inputs.ALL)),
                    THRESHOLD);
            table.add(CrossValidation.Row.of("XGBoost, 45 features, blanks as zero activity, " + settings.describe(), m));
            progress.accept("candidate " + settings.describe() + " done");
            if (bestMetrics == null || m.prAuc() > bestMetrics.prAuc()) {
                best = settings;
                bestMetrics = m;
            }
        }
        final Settings chosen = best;
        table.add(CrossValidation.Row.of("baseline: XGBoost without any ERC-20 column, " + chosen.describe(),
                ClassifierMetrics.of(truth, CrossValidation.outOfFold(rows, fold, folds,
                        (train, test) -> scores(fit(train, chosen, Inputs.NO_ERC20), test, Inputs.NO_ERC20)), THRESHOLD)));
        progress.accept("baseline (no ERC-20 columns) done");
        table.add(CrossValidation.Row.of("for comparison: XGBoost given the blanks as a feature (the leak), " + chosen.describe(),
                ClassifierMetrics.of(truth, CrossValidation.outOfFold(rows, fold, folds,
                        (train, test) -> scores(fit(train, chosen, Inputs.WITH_BLANK_FLAG), test, Inputs.WITH_BLANK_FLAG)), THRESHOLD)));
        progress.accept("blank-indicator comparison done");

        final Map<String, Provenance> run = new HashMap<>();
        run.put("data-sha256", new StringProvenance("data-sha256", sourceSha256));
        run.put("data-file", new StringProvenance("data-file", source));
        run.put("data-rows", new IntProvenance("data-rows", rows.size()));
        run.put("feature-version", new StringProvenance("feature-version", WalletFeature.VERSION));
        run.put("cv-chosen", new StringProvenance("cv-chosen", CrossValidation.table(table)));
        final Model<Label> model = fit(rows, chosen, Inputs.ALL, run, source + " sha256=" + sourceSha256);
        int illicit = 0;
        for (final boolean t : truth) {
            illicit += t ? 1 : 0;
        }
        final ModelCard card = new ModelCard(MODEL_NAME, "", WalletFeature.VERSION,
                WalletFeature.MODEL_INPUTS.stream().map(WalletFeature::featureName).toList(), THRESHOLD, source, sourceSha256,
                rows.size(), illicit, "XGBoostClassificationTrainer (Tribuo)", chosen.describe(), table, Instant.now().toString());
        return new Result(FraudModel.of(model, card), table, chosen);
    }

    /** Which columns a fit reads. */
    enum Inputs { ALL, NO_ERC20, WITH_BLANK_FLAG }

    private Model<Label> fit(final List<LabelledWallet> rows, final Settings settings, final Inputs inputs) {
        return fit(rows, settings, inputs, Map.of(), "cross-validation fold");
    }

    private Model<Label> fit(final List<LabelledWallet> rows, final Settings settings, final Inputs inputs,
                             final Map<String, Provenance> run, final String description) {
        final LabelFactory factory = new LabelFactory();
        final List<org.tribuo.Example<Label>> examples = new ArrayList<>(rows.size());
        for (final LabelledWallet row : rows) {
            examples.add(example(row, inputs, new Label(row.illicit().orElseThrow() ? FraudModel.ILLICIT : FraudModel.NORMAL)));
        }
        final MutableDataset<Label> dataset = new MutableDataset<>(
                new ListDataSource<>(examples, factory, new SimpleDataSourceProvenance(description, factory)));
        final XGBoostClassificationTrainer trainer = new XGBoostClassificationTrainer(settings.trees(), settings.eta(), 0, settings.depth(),
                1, 1, 1, 1, 0, threads, true, SEED);
        return trainer.train(dataset, run);
    }

    private static double[] scores(final Model<Label> model, final List<LabelledWallet> rows, final Inputs inputs) {
        final List<org.tribuo.Example<Label>> examples = new ArrayList<>(rows.size());
        for (final LabelledWallet row : rows) {
            examples.add(example(row, inputs, new Label(FraudModel.NORMAL)));
        }
        final var predictions = model.predict(examples);
        final double[] scores = new double[rows.size()];
        for (int i = 0; i < scores.length; i++) {
            final Label label = predictions.get(i).getOutputScores().get(FraudModel.ILLICIT);
            scores[i] = label == null ? 0 : label.getScore();
        }
        return scores;
    }

    private static org.tribuo.Example<Label> example(final LabelledWallet row, final Inputs inputs, final Label label) {
        if (inputs == Inputs.ALL) {
            return FraudModel.example(row.features(), label);
        }
        final List<String> names = new ArrayList<>();
        final List<Double> values = new ArrayList<>();
        for (int i = 0; i < row.features().length; i++) {
            final WalletFeature feature = WalletFeature.MODEL_INPUTS.get(i);
            if (inputs == Inputs.NO_ERC20 && feature.isErc20()) {
                continue;
            }
            names.add(feature.featureName());
            values.add(row.features()[i]);
        }
        if (inputs == Inputs.WITH_BLANK_FLAG) {
            names.add("ERC20 cells blank");
            values.add(row.erc20Blank() ? 1.0 : 0.0);
        }
        return new ArrayExample<>(label, names.toArray(String[]::new), values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The baseline: the share of illicit rows among the training rows with the same ERC-20 emptiness. */
    private static double[] emptinessRate(final List<LabelledWallet> train, final List<LabelledWallet> test) {
        final int[] illicit = new int[2];
        final int[] all = new int[2];
        for (final LabelledWallet row : train) {
            final int blank = row.erc20Blank() ? 1 : 0;
            all[blank]++;
            illicit[blank] += row.illicit().orElseThrow() ? 1 : 0;
        }
        final double[] scores = new double[test.size()];
        for (int i = 0; i < scores.length; i++) {
            final int blank = test.get(i).erc20Blank() ? 1 : 0;
            scores[i] = all[blank] == 0 ? 0 : (double) illicit[blank] / all[blank];
        }
        return scores;
    }
}
