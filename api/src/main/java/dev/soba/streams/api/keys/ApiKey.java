package dev.soba.streams.api.keys;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * An API key as stored: never the key itself, only its hash and a short prefix to recognise it.
 *
 * @param scopes     what the key may do: {@code read}, {@code write}, {@code admin}
 * @param rateLimits the key's own limits, for the groups where the configured default does not apply
 */
public record ApiKey(long id, String name, String prefix, Set<String> scopes, Instant createdAt, Optional<Instant> revokedAt,
                     RateLimits rateLimits) {

    public boolean active() {
        return revokedAt.isEmpty();
    }
}
