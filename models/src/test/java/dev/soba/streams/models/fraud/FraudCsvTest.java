package dev.soba.streams.models.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FraudCsvTest {

    @TempDir
    Path dir;

    @Test
    void fortySevenDefinitionsOfWhichFortyFiveAreModelInputs() {
        assertThat(WalletFeature.values()).hasSize(47);
        assertThat(WalletFeature.MODEL_INPUTS).hasSize(45);
        assertThat(WalletFeature.ERC20).hasSize(25);
        assertThat(WalletFeature.VERSION).startsWith("farrugia47-");
        for (final WalletFeature feature : WalletFeature.values()) {
            assertThat(feature.definition()).isNotBlank();
            assertThat(feature.unit()).isIn("min", "count", "ether", "token", "name");
        }
    }

    @Test
    void blankErc20CellsAreReadAsNoActivityAndMarked() throws Exception {
        final Path file = SyntheticTable.write(dir.resolve("t.csv"), 30, 1, true);
        final FraudCsv.Table table = FraudCsv.read(file, true);
        assertThat(table.rows()).hasSize(30);
        final LabelledWallet blank = table.rows().stream().filter(LabelledWallet::erc20Blank).findFirst().orElseThrow();
        assertThat(blank.illicit()).contains(true);
        for (int i = 0; i < WalletFeature.MODEL_INPUTS.size(); i++) {
            if (WalletFeature.MODEL_INPUTS.get(i).isErc20()) {
                assertThat(blank.features()[i]).isZero();
            }
        }
        assertThat(table.rows().get(1).address()).isEqualTo(String.format("0x%040x", 0xabc001L));
    }

    @Test
    void repeatedAddressesAreDroppedAndCounted() throws Exception {
        final Path file = SyntheticTable.write(dir.resolve("t.csv"), 10, 1, true);
        final String[] lines = Files.readString(file).split("\n");
        Files.writeString(file, String.join("\n", lines) + "\n" + lines[3] + "\n");
        final FraudCsv.Table table = FraudCsv.read(file, true);
        assertThat(table.rows()).hasSize(10);
        assertThat(table.duplicatesDropped()).isEqualTo(1);
    }

    @Test
    void flagIsRequiredForTrainingOnlyAndIgnoredForScoring() throws Exception {
        final Path unlabelled = SyntheticTable.write(dir.resolve("u.csv"), 5, 1, false);
        assertThatThrownBy(() -> FraudCsv.read(unlabelled, true)).isInstanceOf(FraudCsv.FormatException.class).hasMessageContaining("FLAG");
        assertThat(FraudCsv.read(unlabelled, false).rows()).allSatisfy(r -> assertThat(r.illicit()).isEmpty());
        final Path labelled = SyntheticTable.write(dir.resolve("l.csv"), 5, 1, true);
        assertThat(FraudCsv.read(labelled, false).rows()).hasSize(5).allSatisfy(r -> assertThat(r.illicit()).isEmpty());
    }

    @Test
    void aMissingColumnOrABadNumberIsNamed() throws Exception {
        final Path file = SyntheticTable.write(dir.resolve("t.csv"), 5, 1, true);
        final String text = Files.readString(file);
        Files.writeString(dir.resolve("missing.csv"), text.replace("Sent tnx,", "Sent things,"));
        assertThatThrownBy(() -> FraudCsv.read(dir.resolve("missing.csv"), true)).hasMessageContaining("'Sent tnx' is missing");
        final String[] lines = text.split("\n");
        lines[2] = lines[2].replaceFirst(",0x([0-9a-f]+),0,([0-9.]+),", ",0x$1,0,abc,");
        Files.writeString(dir.resolve("bad.csv"), String.join("\n", lines));
        assertThatThrownBy(() -> FraudCsv.read(dir.resolve("bad.csv"), true))
                .hasMessageContaining("line 3").hasMessageContaining("Avg min between sent tnx").hasMessageContaining("abc");
    }

    @Test
    void quotedCellsKeepTheirCommas() {
        assertThat(FraudCsv.split("a,\"b,c\",\"d\"\"e\",")).containsExactly("a", "b,c", "d\"e", "");
    }
}
