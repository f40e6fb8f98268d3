package dev.soba.streams.cli;

import dev.soba.streams.models.fraud.CrossValidation;
import dev.soba.streams.models.fraud.FraudCsv;
import dev.soba.streams.models.fraud.FraudModel;
import dev.soba.streams.models.fraud.FraudTraining;
import dev.soba.streams.models.fraud.LabelledWallet;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ./soba fraud train|score|activate}: trains the wallet model on a labelled table in the layout
 * of Farrugia et al.'s dataset (printing the cross-validation table), scores a table with a model
 * directory, and publishes a model directory to every running instance.
 */
public final class FraudCommand {

    public static final String USAGE = """
            usage: soba fraud train --data FILE.csv --out DIR
                   soba fraud score --model DIR --data FILE.csv
                   soba fraud activate DIR [--topic-prefix PREFIX] [--bootstrap-servers HOST:PORT]
            train: trains on every row of FILE (FLAG required: 1 illicit, 0 normal; Address and the 45 numeric
                   feature columns required; blank ERC-20 cells read as no ERC-20 activity; extra columns ignored),
                   prints the stratified 5-fold cross-validation table with its baselines, writes model.tribuo and
                   model.json to DIR.
            score: prints address,probability for every row of FILE (FLAG ignored).
            activate: publishes DIR's model to the fraud_model topic; every instance takes it up within seconds
                   (refused if its feature version differs from this build's).""";

    private FraudCommand() {
    }

    public static int run(final String[] argv, final PrintStream out) throws Exception {
        if (argv.length == 0) {
            throw new Args.UsageException("fraud takes: train, score or activate");
        }
        final String sub = argv[0];
        final String[] rest = java.util.Arrays.copyOfRange(argv, 1, argv.length);
        return switch (sub) {
            case "train" -> train(Args.parse(rest, Set.of("data", "out"), Set.of()), out);
            case "score" -> score(Args.parse(rest, Set.of("data", "model"), Set.of()), out);
            case "activate" -> FraudActivation.run(Args.parse(rest, Set.of("topic-prefix", "bootstrap-servers"), Set.of()), out);
            default -> throw new Args.UsageException("fraud takes: train, score or activate (not '" + sub + "')");
        };
    }

    private static int train(final Args args, final PrintStream out) throws IOException {
        final Path data = readable(args.option("data").orElseThrow(() -> new Args.UsageException("fraud train needs --data FILE.csv")));
        final Path dir = Path.of(args.option("out").orElseThrow(() -> new Args.UsageException("fraud train needs --out DIR")));
        final FraudCsv.Table table = table(data, true);
        final List<LabelledWallet> rows = table.rows();
        final long illicit = rows.stream().filter(r -> r.illicit().orElseThrow()).count();
        final long blank = rows.stream().filter(LabelledWallet::erc20Blank).count();
        out.printf(Locale.ROOT, "read %d rows (%d illicit; %d repeated addresses dropped; %d rows with blank ERC-20 cells read as no ERC-20 activity)%n",
                rows.size(), illicit, table.duplicatesDropped(), blank);
        if (illicit < FraudTraining.FOLDS || rows.size() - illicit < FraudTraining.FOLDS) {
            throw new Args.UsageException("FLAG needs at least " + FraudTraining.FOLDS + " rows of each class for cross-validation");
        }
        final FraudTraining.Result result = new FraudTraining().train(rows, data.getFileName().toString(), sha256(data),
                message -> System.err.println("fraud train: " + message));
        out.println("stratified " + FraudTraining.FOLDS + "-fold cross-validation (illicit class, threshold " + FraudTraining.THRESHOLD
                + "; out-of-fold scores pooled):");
        out.print(CrossValidation.table(result.crossValidation()));
        out.println("chosen: " + result.chosen().describe() + " (best out-of-fold PR-AUC); final model trained on all rows");
        result.model().save(dir);
        out.println("model " + result.model().card().name() + " " + result.model().card().version() + " (features "
                + result.model().card().featureVersion() + ") written to " + dir);
        return 0;
    }

    private static int score(final Args args, final PrintStream out) throws IOException {
        final Path data = readable(args.option("data").orElseThrow(() -> new Args.UsageException("fraud score needs --data FILE.csv")));
        final Path dir = Path.of(args.option("model").orElseThrow(() -> new Args.UsageException("fraud score needs --model DIR")));
        final FraudModel model;
        try {
            model = FraudModel.load(dir);
        } catch (final FraudModel.InvalidModelException e) {
            System.err.println("soba fraud score: " + e.getMessage());
            return 1;
        }
        final List<LabelledWallet> rows = table(data, false).rows();
        final double[] scores = model.score(rows.stream().map(LabelledWallet::features).toList());
        final StringBuilder text = new StringBuilder("address,probability\n");
        for (int i = 0; i < scores.length; i++) {
            text.append(rows.get(i).address()).append(',').append(String.format(Locale.ROOT, "%.6f", scores[i])).append('\n');
        }
        out.print(text);
        out.flush();
        return 0;
    }

    private static FraudCsv.Table table(final Path data, final boolean labelled) throws IOException {
        try {
            return FraudCsv.read(data, labelled);
        } catch (final FraudCsv.FormatException e) {
            throw new Args.UsageException(e.getMessage());
        }
    }

    static Path readable(final String name) {
        final Path path = Path.of(name);
        if (!Files.isReadable(path) || Files.isDirectory(path)) {
            throw new Args.UsageException("cannot read file " + path);
        }
        return path;
    }

    private static String sha256(final Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (final java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
