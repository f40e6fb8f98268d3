package dev.soba.streams.cli;

import dev.soba.streams.models.price.ForecastScore;
import dev.soba.streams.models.price.Horizon;
import dev.soba.streams.models.price.PriceFeatures;
import dev.soba.streams.models.price.PriceForecast;
import dev.soba.streams.models.price.PriceModel;
import dev.soba.streams.models.price.PriceModelFile;
import dev.soba.streams.models.price.PriceSeries;
import dev.soba.streams.models.price.PriceTrainer;
import dev.soba.streams.models.price.WalkForward;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ./soba predict train|score|backtest}: price forecasts from one-minute candle CSVs, offline.
 * train fits a model for one horizon; score forecasts every row that has enough history with it (each
 * forecast reads its row and the rows before only); backtest runs the walk-forward evaluation beside
 * the three baselines.
 */
public final class PredictCommand {

    public static final String USAGE = """
            usage: soba predict train --data FILE.csv --horizon H --out DIR
                   soba predict score --model DIR --data FILE.csv [--out FILE]
                   soba predict backtest --data FILE.csv [--horizon H|all] [--initial-days N] [--step-days N]
                   soba predict bench --data FILE.csv [--horizon H] [--window N] [--forecasts N]
            H is 1m, 5m, 15m or 1h. FILE.csv: one-minute candles as ./soba replay reads them (a header with the open
            time, open, high, low, close, volume; Binance and Bybit kline exports as they are).
            train     fits the forecaster for one horizon on the whole file: DIR/price-model.bin and DIR/model.json
                      (training range, data hash, parameters, figures on the last 20 % of the file used for tuning).
            score     CSV on stdout (or --out): timestamp,predicted_close,direction_probability,lower,upper, one line per
                      row from which a forecast can be made with that row and the rows before it only: every row but
                      the first 60 (their count goes to stderr). timestamp is the row's open time (ISO-8601 UTC); the
                      forecast is for the close one horizon after that row's close; [lower, upper] is an 80 % interval.
            backtest  walk-forward in time order (train on the first --initial-days, default 7, forecast the next
                      --step-days, default 1, retrain on everything before, ...): MAE against no-change, direction
                      accuracy against the training base rate, 80 % interval coverage and interval (Winkler) score
                      against a constant-width interval from the training returns.
            bench     forecasts per second as on request: features of the last --window candles (default 120) and a
                      forecast, for --forecasts windows (default 20000) of the file, one thread, beside the trivial
                      no-change forecast over the same windows (the model is trained on the file first, not timed).""";

    private static final MathContext DIGITS = new MathContext(12);
    /** Held so its level sticks (java.util.logging keeps loggers weakly). */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    private PredictCommand() {
    }

    public static int run(final String[] argv, final PrintStream out) throws IOException {
        return run(argv, out, System.err);
    }

    public static int run(final String[] argv, final PrintStream out, final PrintStream err) throws IOException {
        if (argv.length == 0) {
            throw new Args.UsageException("predict needs a command: train, score or backtest");
        }
        quietTribuo();
        final String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
        return switch (argv[0]) {
            case "train" -> train(Args.parse(rest, Set.of("data", "horizon", "out"), Set.of()), out, err);
            case "score" -> score(Args.parse(rest, Set.of("model", "data", "out"), Set.of()), out, err);
            case "bench" -> bench(Args.parse(rest, Set.of("data", "horizon", "window", "forecasts"), Set.of()), out);
            case "backtest" -> backtest(Args.parse(rest, Set.of("data", "horizon", "initial-days", "step-days"),
                    Set.of()), out, err);
            default -> throw new Args.UsageException("unknown predict command '" + argv[0] + "' (train, score or backtest)");
        };
    }

    private static int train(final Args args, final PrintStream out, final PrintStream err) throws IOException {
        final PriceSeries series = series(args);
        final Horizon horizon = horizon(args.option("horizon")
                .orElseThrow(() -> new Args.UsageException("predict train needs --horizon (" + Horizon.names() + ")")));
        final Path dir = Path.of(args.option("out")
                .orElseThrow(() -> new Args.UsageException("predict train needs --out DIR")));
        final PriceModel model;
        try {
            model = PriceTrainer.train(series, horizon);
        } catch (final IllegalArgumentException e) {
            err.println("soba predict train: " + e.getMessage());
            return 1;
        }
        PriceModelFile.save(dir, model);
        out.printf(Locale.ROOT, "trained a %s model of %s on %d candles (%s .. %s), %d training rows; written to %s%n",
                horizon.label(), series.pair(), model.data().candles(), Instant.ofEpochMilli(model.data().from()),
                Instant.ofEpochMilli(model.data().to()), model.data().rows(), dir);
        out.printf(Locale.ROOT, "tuning rows (last 20 %%, not out of sample): MAE ratio to no-change %.4f, coverage %.3f, "
                        + "interval score gain over constant width %.1f %%%n", model.validation().get("mae_ratio"),
                model.validation().get("coverage"), 100 * model.validation().get("interval_score_gain"));
        return 0;
    }

    private static int score(final Args args, final PrintStream out, final PrintStream err) throws IOException {
        final Path modelDir = Path.of(args.option("model")
                .orElseThrow(() -> new Args.UsageException("predict score needs --model DIR")));
        final PriceSeries series = series(args);
        final PriceModel model = PriceModelFile.load(modelDir);
        final PriceFeatures.Table table = PriceFeatures.compute(series);
        final List<String> lines = new ArrayList<>(series.size() + 1);
        lines.add("timestamp,predicted_close,direction_probability,lower,upper");
        for (int i = PriceFeatures.WARMUP; i < series.size(); i++) {
            final PriceForecast f = model.forecast(series, table, i);
            lines.add(Instant.ofEpochMilli(f.asOf()) + "," + number(f.predictedClose()) + ","
                    + number(f.directionProbability()) + "," + number(f.lower()) + "," + number(f.upper()));
        }
        if (args.option("out").isPresent()) {
            Files.write(Path.of(args.option("out").get()), lines);
        } else {
            lines.forEach(out::println);
        }
        err.printf(Locale.ROOT, "%d forecasts (%s ahead); the first %d of %d rows lack history and have none%n",
                lines.size() - 1, model.horizon().label(), Math.min(PriceFeatures.WARMUP, series.size()), series.size());
        return 0;
    }

    private static int backtest(final Args args, final PrintStream out, final PrintStream err) throws IOException {
        final PriceSeries series = series(args);
        final String which = args.option("horizon").orElse("all");
        final List<Horizon> horizons = which.equals("all") ? List.of(Horizon.values()) : List.of(horizon(which));
        final WalkForward walk = new WalkForward((int) (args.longOption("initial-days", 7) * 1440),
                (int) (args.longOption("step-days", 1) * 1440));
        if (walk.initialCandles() <= 0 || walk.blockCandles() <= 0) {
            throw new Args.UsageException("--initial-days and --step-days must be positive");
        }
        final PriceFeatures.Table table = PriceFeatures.compute(series);
        out.printf(Locale.ROOT, "walk-forward on %s: %d candles, first training window %d days, retrained every %d day(s)%n",
                series.pair(), series.size(), walk.initialCandles() / 1440, walk.blockCandles() / 1440);
        out.println("| horizon | forecasts | MAE | no-change MAE | MAE ratio | direction accuracy | base rate accuracy"
                + " | coverage (80 %) | constant-width coverage | interval score | constant-width interval score | gain |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (final Horizon horizon : horizons) {
            final WalkForward.Report report;
            try {
                report = walk.run(series, table, horizon);
            } catch (final IllegalArgumentException e) {
                err.println("soba predict backtest: " + e.getMessage());
                return 1;
            }
            final ForecastScore s = report.score();
            out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.4f | %.4f | %.4f | %.3f | %.3f | %.2f | %.2f | %.1f %% |%n",
                    horizon.label(), s.count(), s.mae(), s.noChangeMae(), s.maeRatio(), s.directionAccuracy(),
                    s.baseRateAccuracy(), s.coverage(), s.constantCoverage(), s.intervalScore(),
                    s.constantIntervalScore(), 100 * s.intervalScoreGain());
        }
        return 0;
    }

    private static int bench(final Args args, final PrintStream out) throws IOException {
        final PriceSeries series = series(args);
        final Horizon horizon = horizon(args.option("horizon").orElse("5m"));
        final int window = (int) args.longOption("window", 120);
        final int forecasts = (int) args.longOption("forecasts", 20_000);
        if (window <= PriceFeatures.WARMUP || window > series.size() || forecasts <= 0) {
            throw new Args.UsageException("--window must be above " + PriceFeatures.WARMUP
                    + " and at most the file's rows, --forecasts positive");
        }
        final PriceModel model = PriceTrainer.train(series, horizon);
        final int starts = series.size() - window;
        // warm-up: the JIT sees both paths before either is timed
        run(series, model, window, Math.min(forecasts, 2000), starts, true);
        run(series, model, window, Math.min(forecasts, 2000), starts, false);
        final long t0 = System.nanoTime();
        double sink = run(series, model, window, forecasts, starts, true);
        final double modelSeconds = (System.nanoTime() - t0) / 1e9;
        final long t1 = System.nanoTime();
        sink += run(series, model, window, forecasts, starts, false);
        final double trivialSeconds = (System.nanoTime() - t1) / 1e9;
        out.printf(Locale.ROOT, "%d forecasts of %s %s from %d-candle windows, one thread:%n", forecasts, series.pair(),
                horizon.label(), window);
        out.printf(Locale.ROOT, "  model (features + Tribuo + interval): %,.0f forecasts/s, %.3f ms each%n",
                forecasts / modelSeconds, 1000 * modelSeconds / forecasts);
        out.printf(Locale.ROOT, "  trivial no-change baseline:          %,.0f forecasts/s, %.4f ms each%n",
                forecasts / trivialSeconds, 1000 * trivialSeconds / forecasts);
        out.printf(Locale.ROOT, "(checksum %.3f)%n", sink);
        return 0;
    }

    /** Forecasts at the end of {@code count} windows spread over the file: the model's, or no-change. */
    private static double run(final PriceSeries series, final PriceModel model, final int window, final int count,
                              final int starts, final boolean useModel) {
        double sum = 0;
        for (int k = 0; k < count; k++) {
            final int from = (int) ((long) k * 7919 % (starts + 1));
            final PriceSeries slice = series.slice(from, from + window);
            if (useModel) {
                sum += model.forecast(slice, PriceFeatures.compute(slice), window - 1).upper();
            } else {
                sum += slice.close(window - 1);
            }
        }
        return sum;
    }

    private static PriceSeries series(final Args args) throws IOException {
        final Path file = Path.of(args.option("data")
                .orElseThrow(() -> new Args.UsageException("needs --data FILE.csv (one-minute candles)")));
        if (!Files.isRegularFile(file)) {
            throw new Args.UsageException("--data: no such file " + file);
        }
        try {
            return PriceSeries.read(file);
        } catch (final IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Horizon horizon(final String text) {
        return Horizon.parse(text).orElseThrow(() ->
                new Args.UsageException("--horizon: '" + text + "' is not one of " + Horizon.names()));
    }

    private static String number(final double v) {
        return new BigDecimal(v).round(DIGITS).stripTrailingZeros().toPlainString();
    }

    /** Tribuo logs every training run at INFO; a command's output is its table. */
    private static void quietTribuo() {
        TRIBUO.setLevel(Level.WARNING);
    }
}
