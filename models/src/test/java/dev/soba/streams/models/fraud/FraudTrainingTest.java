package dev.soba.streams.models.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on a small generated table: the table, the model file, its provenance, loading and refusing. */
class FraudTrainingTest {

    @TempDir
    static Path dir;

    static FraudCsv.Table table;
    static FraudTraining.Result result;

    @BeforeAll
    static void train() throws Exception {
        table = FraudCsv.read(SyntheticTable.write(dir.resolve("train.csv"), 240, 7, true), true);
        final FraudTraining training = new FraudTraining(List.of(new FraudTraining.Settings(20, 3, 0.3)), 3, 1);
        result = training.train(table.rows(), "train.csv", "ab".repeat(32), message -> { });
    }

    @Test
    void crossValidationTableHasTheModelBesideBothBaselinesAndTheLeak() {
        assertThat(result.crossValidation()).extracting(CrossValidation.Row::method).satisfiesExactly(
                m -> assertThat(m).contains("ERC-20 emptiness only"),
                m -> assertThat(m).contains("45 features"),
                m -> assertThat(m).contains("without any ERC-20 column"),
                m -> assertThat(m).contains("blanks as a feature"));
        final CrossValidation.Row model = result.crossValidation().get(1);
        // the generated illicit rows send fast to many addresses: learnable out of sample
        assertThat(model.rocAuc()).isGreaterThan(0.95);
        assertThat(model.f1()).isGreaterThan(result.crossValidation().get(0).f1());
        assertThat(CrossValidation.table(result.crossValidation())).contains("| method | precision | recall | F1 | ROC-AUC | PR-AUC |");
    }

    @Test
    void theModelFileCarriesItsProvenanceAndLoadsBack() throws Exception {
        final Path out = dir.resolve("model");
        result.model().save(out);
        final FraudModel loaded = FraudModel.load(out);
        final ModelCard card = loaded.card();
        assertThat(card.version()).hasSize(12).isEqualTo(result.model().card().version());
        assertThat(card.featureVersion()).isEqualTo(WalletFeature.VERSION);
        assertThat(card.trainedOnSha256()).isEqualTo("ab".repeat(32));
        assertThat(card.trainedRows()).isEqualTo(240);
        assertThat(card.parameters()).contains("trees=20");
        final String provenance = loaded.tribuoModel().getProvenance().toString();
        assertThat(provenance).contains("ab".repeat(32)).contains("XGBoostClassificationTrainer").contains(WalletFeature.VERSION);
        final List<double[]> rows = table.rows().stream().map(LabelledWallet::features).toList();
        final double[] before = result.model().score(rows);
        final double[] after = loaded.score(rows);
        assertThat(after).containsExactly(before);
        assertThat(loaded.score(rows.get(0))).isEqualTo(before[0]);
    }

    @Test
    void aScoreIsExplainedByTheFeaturesThatRaisedIt() {
        final LabelledWallet illicit = table.rows().stream().filter(r -> r.illicit().orElseThrow() && !r.erc20Blank()).findFirst().orElseThrow();
        final List<FraudModel.Contribution> reasons = result.model().topContributions(illicit.features(), 3);
        assertThat(reasons).isNotEmpty();
        assertThat(reasons.get(0).feature()).isIn("Avg min between sent tnx", "Unique Sent To Addresses");
        assertThat(reasons).allSatisfy(c -> assertThat(c.weight()).isPositive());
    }

    @Test
    void aPackedModelUnpacksToTheSameModel() throws Exception {
        final byte[] packed = result.model().pack();
        final FraudModel unpacked = FraudModel.unpack(packed);
        assertThat(unpacked.card()).isEqualTo(result.model().card());
        assertThat(unpacked.score(table.rows().get(5).features())).isEqualTo(result.model().score(table.rows().get(5).features()));
        assertThatThrownBy(() -> FraudModel.unpack(new byte[] {1, 2, 3})).isInstanceOf(FraudModel.InvalidModelException.class);
    }

    @Test
    void aModelOfOtherFeatureDefinitionsOrAMissingDirectoryIsRefused() throws Exception {
        final Path out = dir.resolve("other-version");
        result.model().save(out);
        final Path card = out.resolve(FraudModel.CARD_FILE);
        Files.writeString(card, Files.readString(card).replace(WalletFeature.VERSION, "farrugia47-000000000000"));
        assertThatThrownBy(() -> FraudModel.load(out)).isInstanceOf(FraudModel.InvalidModelException.class)
                .hasMessageContaining("farrugia47-000000000000")
                .satisfies(e -> assertThat(((FraudModel.InvalidModelException) e).field()).isEqualTo("feature_version"));
        assertThatThrownBy(() -> FraudModel.load(dir.resolve("nowhere"))).isInstanceOf(FraudModel.InvalidModelException.class)
                .hasMessageContaining("model.tribuo");
    }

    @Test
    void foldsAreStratified() {
        final int[] fold = CrossValidation.folds(table.rows(), 3, 1);
        final List<Integer> illicitPerFold = new ArrayList<>(List.of(0, 0, 0));
        for (int i = 0; i < fold.length; i++) {
            if (table.rows().get(i).illicit().orElseThrow()) {
                illicitPerFold.set(fold[i], illicitPerFold.get(fold[i]) + 1);
            }
        }
        assertThat(illicitPerFold).containsExactly(27, 27, 26);
    }
}
