package dev.soba.streams.api.ml;

import java.util.Map;

/**
 * A model in the registry, without its bytes: what it is, what it was trained on, how it scored,
 * and whether it serves.
 *
 * @param name       the slot it competes for, e.g. {@code price-BTC-USD-5m}; one active model per name
 * @param kind       {@code price} or {@code fraud}
 * @param created    ISO-8601 UTC, as every time the API writes
 * @param version    1, 2, … per name
 * @param dataSha256 fingerprint of the training data
 * @param parameters the trainer's parameters (JSON object)
 * @param metrics    its evaluation figures by name
 * @param state      candidate, active or retired
 */
public record RegisteredModel(long id, String name, String kind, int version, String created, String dataSha256,
                              String dataFrom, String dataTo, Map<String, Object> parameters,
                              Map<String, Double> metrics, String state) {

    public static final String CANDIDATE = "candidate";
    public static final String ACTIVE = "active";
    public static final String RETIRED = "retired";
}
