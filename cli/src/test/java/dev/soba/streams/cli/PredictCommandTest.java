package dev.soba.streams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./soba predict train|score|backtest} on a candle CSV written here: files, formats, no look-ahead, errors. */
class PredictCommandTest {

    private static final long START = 1_700_006_400_000L;

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run predict(final String... args) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int code = PredictCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A kline CSV (pandas-style times, as the market files have) of a random walk with clustering volatility. */
    private Path candles(final String name, final int minutes, final long seed) throws IOException {
        final Random random = new Random(seed);
        final StringBuilder csv = new StringBuilder("open_time,open,high,low,close,volume\n");
        double price = 23_000;
        double variance = 1e-7;
        double last = 0;
        for (int i = 0; i < minutes; i++) {
            variance = 2e-9 + 0.1 * last * last + 0.88 * variance;
            final double open = price;
            double high = open;
            double low = open;
            for (int step = 0; step < 6; step++) {
                price *= Math.exp(Math.sqrt(variance / 6) * random.nextGaussian());
                high = Math.max(high, price);
                low = Math.min(low, price);
            }
            last = Math.log(price / open);
            csv.append(Instant.ofEpochMilli(START + i * 60_000L).toString().replace("T", " ").replace("Z", "+00:00"))
                    .append(String.format(Locale.ROOT, ",%.2f,%.2f,%.2f,%.2f,%.4f%n", open, high, low, price,
                            1 + random.nextDouble() * 5));
        }
        final Path file = dir.resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void trainThenScoreGivesOneForecastPerRowWithHistoryAndNoneReadsAhead() throws IOException {
        final Path data = candles("binanceus_BTCUSD_1m_test.csv", 3000, 1);
        final Path model = dir.resolve("model");
        final Run train = predict("train", "--data", data.toString(), "--horizon", "5m", "--out", model.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("trained a 5m model of BTC-USD on 3000 candles");
        final JsonNode description = Json.tree(Files.readAllBytes(model.resolve("model.json")));
        assertThat(description.get("kind").asText()).isEqualTo("price");
        assertThat(description.get("horizon").asText()).isEqualTo("5m");
        assertThat(description.get("data_sha256").asText()).hasSize(64);
        assertThat(description.get("data_from").asText()).isEqualTo("2023-11-15T00:00:00Z");
        assertThat(description.get("parameters").get("features")).hasSize(15);

        final Run score = predict("score", "--model", model.toString(), "--data", data.toString());
        assertThat(score.code()).isZero();
        final List<String> lines = score.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("timestamp,predicted_close,direction_probability,lower,upper");
        assertThat(lines).hasSize(1 + 3000 - 60);
        assertThat(lines.get(1)).startsWith("2023-11-15T01:00:00Z,");
        assertThat(score.err()).contains("2940 forecasts").contains("the first 60 of 3000 rows lack history");
        for (final String line : lines.subList(1, lines.size())) {
            final String[] f = line.split(",");
            assertThat(f).hasSize(5);
            final double p = Double.parseDouble(f[2]);
            assertThat(p).isBetween(0.0, 1.0);
            assertThat(Double.parseDouble(f[3])).isLessThan(Double.parseDouble(f[1]));
            assertThat(Double.parseDouble(f[4])).isGreaterThan(Double.parseDouble(f[1]));
        }

        // the same rows without their future: the same forecasts, line for line
        final List<String> all = Files.readAllLines(data);
        final Path head = dir.resolve("head.csv");
        Files.write(head, all.subList(0, 1 + 2000));
        final Run truncated = predict("score", "--model", model.toString(), "--data", head.toString());
        assertThat(truncated.out().lines().toList()).isEqualTo(lines.subList(0, 1 + 2000 - 60));
    }

    @Test
    void backtestPrintsTheWalkForwardTableBesideTheBaselines() throws IOException {
        final Path data = candles("ETHUSDT.csv", 4 * 1440, 2);
        final Run run = predict("backtest", "--data", data.toString(), "--horizon", "15m", "--initial-days", "2");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("walk-forward on ETH-USDT: 5760 candles, first training window 2 days")
                .contains("| horizon | forecasts | MAE | no-change MAE | MAE ratio");
        final String row = run.out().lines().filter(l -> l.startsWith("| 15m |")).findFirst().orElseThrow();
        assertThat(row.split("\\|")[2].trim()).isEqualTo(String.valueOf(2 * 1440 - 15));
    }

    @Test
    void benchPrintsForecastsPerSecondBesideNoChange() throws IOException {
        final Path data = candles("ETHUSDT.csv", 1200, 4);
        final Run run = predict("bench", "--data", data.toString(), "--forecasts", "300");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("300 forecasts of ETH-USDT 5m from 120-candle windows")
                .containsPattern("model \\(features \\+ Tribuo \\+ interval\\): [0-9,]+ forecasts/s")
                .containsPattern("trivial no-change baseline: +[0-9,]+ forecasts/s");
    }

    @Test
    void badInputIsNamed() throws IOException {
        final Path data = candles("ETHUSDT.csv", 300, 3);
        assertThatThrownBy(() -> predict("train", "--data", data.toString(), "--horizon", "2m", "--out", "x"))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("--horizon: '2m' is not one of 1m, 5m, 15m, 1h");
        assertThatThrownBy(() -> predict("score", "--model", "m", "--data", dir.resolve("none.csv").toString()))
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> predict("score", "--model", dir.resolve("none").toString(), "--data", data.toString()))
                .hasMessageContaining("no price model at");
        assertThatThrownBy(() -> predict("forecast")).isInstanceOf(Args.UsageException.class);
        final Run tooFew = predict("train", "--data", data.toString(), "--horizon", "5m", "--out",
                dir.resolve("m").toString());
        assertThat(tooFew.code()).isEqualTo(1);
        assertThat(tooFew.err()).contains("too few candles to train a 5m model");
        assertThat(dir.resolve("m")).doesNotExist();
    }
}
