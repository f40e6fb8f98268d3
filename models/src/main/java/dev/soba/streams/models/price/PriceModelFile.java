package dev.soba.streams.models.price;

import dev.soba.streams.schemas.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model directory as {@code ./soba predict train --out DIR} writes it: {@code price-model.bin}
 * (the model with its Tribuo provenance) and {@code model.json} (what it is, for people: horizon,
 * training data range and hash, parameters, validation figures).
 */
public final class PriceModelFile {

    public static final String MODEL = "price-model.bin";
    public static final String DESCRIPTION = "model.json";

    private PriceModelFile() {
    }

    public static void save(final Path dir, final PriceModel model) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(MODEL), model.toBytes());
        Files.write(dir.resolve(DESCRIPTION), Json.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(describe(model)));
    }

    public static PriceModel load(final Path dir) throws IOException {
        final Path file = Files.isDirectory(dir) ? dir.resolve(MODEL) : dir;
        try {
            return PriceModel.fromBytes(Files.readAllBytes(file));
        } catch (final NoSuchFileException e) {
            throw new IOException("no price model at " + file + " (a directory written by predict train)", e);
        }
    }

    /** The parameters of a model, by name (snake_case), as the registry and model.json show them. */
    public static Map<String, Object> parameters(final PriceModel model) {
        final Map<String, Object> p = new LinkedHashMap<>();
        p.put("horizon", model.horizon().label());
        p.put("features", PriceFeatures.NAMES);
        p.put("return_learner", "tribuo LinearSGDTrainer(Huber, AdaGrad 0.05, 3 epochs) on the volatility-standardised return");
        p.put("direction_learner", "tribuo LinearSGDTrainer(LogMulticlass, AdaGrad 0.05, 3 epochs) + Platt scaling");
        p.put("shrink", model.shrink());
        p.put("platt_a", model.calibration().a());
        p.put("platt_b", model.calibration().b());
        p.put("volatility_half_lives_minutes", PriceFeatures.HALF_LIVES);
        p.put("volatility_weights", model.volatility().weights());
        p.put("volatility_hour_of_day", model.volatility().usesHourOfDay());
        p.put("residual_quantile_10", model.residualLow());
        p.put("residual_quantile_90", model.residualHigh());
        p.put("baseline_return_quantile_10", model.baselines().returnLow());
        p.put("baseline_return_quantile_90", model.baselines().returnHigh());
        p.put("baseline_up_rate", model.baselines().upRate());
        return p;
    }

    public static Map<String, Object> describe(final PriceModel model) {
        final Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", "price");
        d.put("pair", model.data().pair());
        d.put("horizon", model.horizon().label());
        d.put("data_from", Instant.ofEpochMilli(model.data().from()).toString());
        d.put("data_to", Instant.ofEpochMilli(model.data().to()).toString());
        d.put("data_candles", model.data().candles());
        d.put("data_rows", model.data().rows());
        d.put("data_sha256", model.data().sha256());
        d.put("parameters", parameters(model));
        d.put("validation", model.validation());
        return d;
    }
}
