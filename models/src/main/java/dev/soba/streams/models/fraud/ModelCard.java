package dev.soba.streams.models.fraud;

import java.util.List;

/**
 * What a fraud model file says about itself ({@code model.json} beside {@code model.tribuo}): which
 * feature definitions it reads, what it was trained on, how it did out of sample. The Tribuo
 * provenance inside the model file carries the same data hash, trainer and parameters.
 *
 * @param version         the first 12 hex digits of the SHA-256 of {@code model.tribuo}
 * @param featureVersion  {@link WalletFeature#VERSION} of the definitions it was trained on
 * @param threshold       the probability from which an address is alerted on
 * @param trainedOnSha256 SHA-256 of the training file
 */
public record ModelCard(
        String name,
        String version,
        String featureVersion,
        List<String> features,
        double threshold,
        String trainedOn,
        String trainedOnSha256,
        int trainedRows,
        int trainedIllicit,
        String trainer,
        String parameters,
        List<CrossValidation.Row> crossValidation,
        String createdAt) {

    public ModelCard {
        features = List.copyOf(features);
        crossValidation = List.copyOf(crossValidation);
    }
}
