package dev.soba.streams.api.keys;

/** A new key: the only moment the secret exists outside the caller's hands. */
public record CreatedApiKey(ApiKey key, String secret) {
}
