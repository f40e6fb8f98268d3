package dev.soba.streams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soba.streams.models.fraud.FraudModel;
import dev.soba.streams.models.fraud.WalletFeature;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./soba fraud train} then {@code fraud score} on a generated table in the source's layout. */
class FraudCommandTest {

    @TempDir
    Path dir;

    private Path table(final String name, final int rows, final boolean withFlag) throws Exception {
        final Random random = new Random(11);
        final StringBuilder csv = new StringBuilder("Index,Address" + (withFlag ? ",FLAG" : ""));
        for (final WalletFeature feature : WalletFeature.values()) {
            csv.append(',').append(feature.column());
        }
        csv.append('\n');
        for (int i = 0; i < rows; i++) {
            final boolean illicit = i % 3 == 0;
            csv.append(i).append(',').append(String.format(Locale.ROOT, "0x%040x", 0xf00L + i));
            if (withFlag) {
                csv.append(',').append(illicit ? 1 : 0);
            }
            for (final WalletFeature feature : WalletFeature.values()) {
                csv.append(',');
                if (!feature.isModelInput()) {
                    csv.append('0');
                } else if (feature == WalletFeature.UNIQUE_SENT_TO) {
                    csv.append(illicit ? 30 + random.nextInt(20) : random.nextInt(4));
                } else {
                    csv.append(String.format(Locale.ROOT, "%.3f", random.nextDouble()));
                }
            }
            csv.append('\n');
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    private static String run(final String... args) throws Exception {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int code = FraudCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void trainPrintsTheTableAndWritesTheModelThenScorePrintsOneLinePerRow() throws Exception {
        final Path train = table("train.csv", 120, true);
        final Path out = dir.resolve("model");
        final String printed = run("train", "--data", train.toString(), "--out", out.toString());
        assertThat(printed).contains("read 120 rows (40 illicit").contains("| baseline: ERC-20 emptiness only |")
                .contains("without any ERC-20 column").contains("chosen: ");
        assertThat(FraudModel.load(out).card().trainedRows()).isEqualTo(120);

        final Path unlabelled = table("score.csv", 9, false);
        final List<String> lines = run("score", "--model", out.toString(), "--data", unlabelled.toString()).lines().toList();
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).isEqualTo("address,probability");
        assertThat(lines.get(1)).matches("0x0{37}f00,0\\.\\d{6}");
        final double illicit = Double.parseDouble(lines.get(1).split(",")[1]);
        final double normal = Double.parseDouble(lines.get(2).split(",")[1]);
        assertThat(illicit).isGreaterThan(0.5).isGreaterThan(normal);
    }

    @Test
    void badInvocationsAreUsageErrors() throws Exception {
        final Path unlabelled = table("u.csv", 6, false);
        assertThatThrownBy(() -> run("train", "--data", unlabelled.toString(), "--out", dir.resolve("m").toString()))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("FLAG");
        assertThatThrownBy(() -> run("train", "--data", dir.resolve("missing.csv").toString(), "--out", "x"))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> run("bogus")).isInstanceOf(Args.UsageException.class);
        final ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        assertThat(FraudCommand.run(new String[] {"score", "--model", dir.resolve("none").toString(), "--data", unlabelled.toString()},
                new PrintStream(ignored, true, StandardCharsets.UTF_8))).isEqualTo(1);
    }
}
