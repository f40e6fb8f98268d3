package dev.soba.streams.processors.fraud;

/** Keys of the fraud topics. */
public final class FraudTopicKeys {

    /** The one key of the compacted model-activation topic. */
    public static final String MODEL_KEY = "fraud";

    private FraudTopicKeys() {
    }
}
