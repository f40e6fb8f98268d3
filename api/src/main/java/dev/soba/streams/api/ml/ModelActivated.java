package dev.soba.streams.api.ml;

/**
 * A CDI event fired on every instance when a registered model becomes the active one of its name (the
 * activation is announced on a compacted topic and each instance fires this event as it reads it). Observers
 * swap the model they serve: price forecasts in the stream and on request, fraud scoring.
 *
 * @param model the registry entry now active
 * @param bytes the model's serialised form, as stored in the registry
 */
public record ModelActivated(RegisteredModel model, byte[] bytes) {
}
