package dev.soba.streams.models.fraud;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.soba.streams.schemas.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.impl.ArrayExample;

/**
 * A trained wallet model with its card: scores a feature vector ({@link WalletFeature#MODEL_INPUTS}
 * order) and names the features that pushed the score up (SHAP contributions of the trees).
 * Thread-safe for scoring.
 */
public final class FraudModel {

    public static final String MODEL_FILE = "model.tribuo";
    public static final String CARD_FILE = "model.json";
    public static final String ILLICIT = "illicit";
    public static final String NORMAL = "normal";

    /** A model directory or package that cannot be used; {@link #field()} names what is wrong. */
    public static final class InvalidModelException extends Exception {
        private final String field;

        public InvalidModelException(final String field, final String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** A feature that raised (positive weight) or lowered the score, in probability-log-odds units. */
    public record Contribution(String feature, double value, double weight) {
    }

    private final Model<Label> model;
    private final ModelCard card;
    private final byte[] modelBytes;
    private final Label illicit = new Label(ILLICIT);

    private FraudModel(final Model<Label> model, final ModelCard card, final byte[] modelBytes) {
        this.model = model;
        this.card = card;
        this.modelBytes = modelBytes;
    }

    /** Wraps a freshly trained model; the card's version is filled in from the model's bytes. */
    static FraudModel of(final Model<Label> model, final ModelCard card) {
        final byte[] bytes = serialize(model);
        final ModelCard versioned = new ModelCard(card.name(), sha256(bytes).substring(0, 12), card.featureVersion(), card.features(),
                card.threshold(), card.trainedOn(), card.trainedOnSha256(), card.trainedRows(), card.trainedIllicit(), card.trainer(),
                card.parameters(), card.crossValidation(), card.createdAt());
        return new FraudModel(model, versioned, bytes);
    }

    public ModelCard card() {
        return card;
    }

    public Model<Label> tribuoModel() {
        return model;
    }

    /** The probability that the address is illicit. */
    public double score(final double[] features) {
        final Prediction<Label> prediction = model.predict(example(features));
        final Label label = prediction.getOutputScores().get(ILLICIT);
        return label == null ? 0 : label.getScore();
    }

    /** Scores of many rows at once (the batch path: one native call). */
    public double[] score(final List<double[]> rows) {
        final List<Example<Label>> examples = new ArrayList<>(rows.size());
        for (final double[] row : rows) {
            examples.add(example(row));
        }
        final List<Prediction<Label>> predictions = model.predict(examples);
        final double[] scores = new double[rows.size()];
        for (int i = 0; i < scores.length; i++) {
            final Label label = predictions.get(i).getOutputScores().get(ILLICIT);
            scores[i] = label == null ? 0 : label.getScore();
        }
        return scores;
    }

    /** The {@code limit} features with the largest contributions towards "illicit", largest first. */
    public List<Contribution> topContributions(final double[] features, final int limit) {
        if (!(model instanceof XGBoostModel<Label> xgb)) {
            return List.of();
        }
        try {
            final ImmutableFeatureMap featureMap = model.getFeatureIDMap();
            final DMatrix row = Contributions.convert(example(features), featureMap);
            final Booster booster = xgb.getInnerModels().get(0);
            final float[][] contributions = booster.predictContrib(row, 0);
            final int width = featureMap.size() + 1;
            final int classes = contributions[0].length / width;
            final int illicitId = model.getOutputIDInfo().getID(illicit);
            final int offset = classes == 1 ? 0 : illicitId * width;
            final double sign = classes == 1 && illicitId == 0 ? -1 : 1;
            final List<Contribution> all = new ArrayList<>();
            for (int i = 0; i < WalletFeature.MODEL_INPUTS.size(); i++) {
                final String name = WalletFeature.MODEL_INPUTS.get(i).featureName();
                final int id = featureMap.getID(name);
                if (id >= 0) {
                    all.add(new Contribution(name, features[i], sign * contributions[0][offset + id]));
                }
            }
            all.sort(Comparator.comparingDouble(Contribution::weight).reversed());
            return all.subList(0, Math.min(limit, all.size())).stream().filter(c -> c.weight() > 0).toList();
        } catch (final XGBoostError | ReflectiveOperationException e) {
            return List.of();
        }
    }

    static Example<Label> example(final double[] features) {
        return example(features, new Label(NORMAL));
    }

    static Example<Label> example(final double[] features, final Label label) {
        final String[] names = new String[features.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = WalletFeature.MODEL_INPUTS.get(i).featureName();
        }
        return new ArrayExample<>(label, names, features.clone());
    }

    /** Writes {@code model.tribuo} and {@code model.json} to the directory (created if needed). */
    public void save(final Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.write(directory.resolve(MODEL_FILE), modelBytes);
        Files.writeString(directory.resolve(CARD_FILE), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(card));
    }

    /** Loads a model directory, refusing one made for other feature definitions. */
    public static FraudModel load(final Path directory) throws InvalidModelException {
        try {
            return fromParts(Files.readAllBytes(directory.resolve(MODEL_FILE)), Files.readAllBytes(directory.resolve(CARD_FILE)));
        } catch (final NoSuchFileException e) {
            throw new InvalidModelException("model", "model directory " + directory + " has no " + Path.of(e.getFile()).getFileName()
                    + " (expected " + MODEL_FILE + " and " + CARD_FILE + " written by ./soba fraud train)");
        } catch (final IOException e) {
            throw new InvalidModelException("model", "cannot read model directory " + directory + ": " + e.getMessage());
        }
    }

    /** The model and its card in one compressed package, for the activation topic. */
    public byte[] pack() {
        try {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(9);
                zip.putNextEntry(new ZipEntry(CARD_FILE));
                zip.write(Json.mapper().writeValueAsBytes(card));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(MODEL_FILE));
                zip.write(modelBytes);
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a {@link #pack()}ed model, refusing one made for other feature definitions. */
    public static FraudModel unpack(final byte[] packed) throws InvalidModelException {
        byte[] modelPart = null;
        byte[] cardPart = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(packed))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals(MODEL_FILE)) {
                    modelPart = zip.readAllBytes();
                } else if (entry.getName().equals(CARD_FILE)) {
                    cardPart = zip.readAllBytes();
                }
            }
        } catch (final IOException e) {
            throw new InvalidModelException("model", "not a model package: " + e.getMessage());
        }
        if (modelPart == null || cardPart == null) {
            throw new InvalidModelException("model", "model package lacks " + (modelPart == null ? MODEL_FILE : CARD_FILE));
        }
        return fromParts(modelPart, cardPart);
    }

    @SuppressWarnings("unchecked")
    private static FraudModel fromParts(final byte[] modelPart, final byte[] cardPart) throws InvalidModelException {
        final ModelCard card;
        try {
            card = Json.mapper().readValue(cardPart, ModelCard.class);
        } catch (final IOException e) {
            throw new InvalidModelException("model", CARD_FILE + " is not a model card: " + e.getMessage());
        }
        if (!WalletFeature.VERSION.equals(card.featureVersion())) {
            throw new InvalidModelException("feature_version", "model " + card.name() + " " + card.version() + " reads features "
                    + card.featureVersion() + ", this build computes " + WalletFeature.VERSION);
        }
        final Model<?> model;
        try {
            model = Model.deserializeFromStream(new ByteArrayInputStream(modelPart));
        } catch (final IOException | RuntimeException e) {
            throw new InvalidModelException("model", MODEL_FILE + " is not a Tribuo model: " + e.getMessage());
        }
        if (!model.validate(Label.class) || ((Model<Label>) model).getOutputIDInfo().getID(new Label(ILLICIT)) < 0) {
            throw new InvalidModelException("model", MODEL_FILE + " is not a classifier of " + ILLICIT + "/" + NORMAL);
        }
        if (!sha256(modelPart).startsWith(card.version())) {
            throw new InvalidModelException("version", "model.tribuo does not match version " + card.version() + " of its card");
        }
        return new FraudModel((Model<Label>) model, card, modelPart);
    }

    private static byte[] serialize(final Model<Label> model) {
        try {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            model.serializeToStream(out);
            return out.toByteArray();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(final byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tribuo's own example-to-row conversion (protected there), so contributions see the row prediction sees. */
    private static final class Contributions {
        private static final Method CONVERT;
        private static final Field DATA;

        static {
            try {
                CONVERT = XGBoostTrainer.class.getDeclaredMethod("convertExample", Example.class, ImmutableFeatureMap.class);
                CONVERT.setAccessible(true);
                DATA = Class.forName("org.tribuo.common.xgboost.XGBoostTrainer$DMatrixTuple").getField("data");
            } catch (final ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        static DMatrix convert(final Example<Label> example, final ImmutableFeatureMap featureMap) throws ReflectiveOperationException {
            return (DMatrix) DATA.get(CONVERT.invoke(null, example, featureMap));
        }
    }

    @Override
    public String toString() {
        try {
            return "FraudModel" + Json.mapper().writeValueAsString(card);
        } catch (final JsonProcessingException e) {
            return "FraudModel[" + card.version() + "]";
        }
    }
}
