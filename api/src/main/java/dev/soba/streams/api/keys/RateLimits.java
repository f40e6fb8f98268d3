package dev.soba.streams.api.keys;

import dev.soba.streams.api.ratelimit.Rate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A key's own rate limits, for the groups where it does not take the configured default. Written
 * {@code read=100/m,write=10/s} on the command line and in the database.
 */
public record RateLimits(Map<Group, Rate> byGroup) {

    public static final RateLimits DEFAULTS = new RateLimits(Map.of());

    public RateLimits {
        byGroup = byGroup.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(byGroup));
    }

    /** Parses {@code GROUP=N/PERIOD,...}; blank means no override. */
    public static RateLimits parse(final String spec) {
        if (spec == null || spec.isBlank()) {
            return DEFAULTS;
        }
        final Map<Group, Rate> limits = new EnumMap<>(Group.class);
        for (final String entry : spec.split(",")) {
            final int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("a rate limit is GROUP=N/PERIOD (e.g. read=100/m), got '" + entry.strip() + "'");
            }
            final Group group = Group.of(entry.substring(0, eq));
            if (limits.put(group, Rate.parse(entry.substring(eq + 1))) != null) {
                throw new IllegalArgumentException("the rate limit of '" + group.label() + "' is given twice");
            }
        }
        return new RateLimits(limits);
    }

    public Optional<Rate> of(final Group group) {
        return Optional.ofNullable(byGroup.get(group));
    }

    public boolean isEmpty() {
        return byGroup.isEmpty();
    }

    /** The form {@link #parse} reads, in group order; empty for none. */
    @Override
    public String toString() {
        return byGroup.entrySet().stream()
                .map(entry -> entry.getKey().label() + "=" + entry.getValue())
                .collect(Collectors.joining(","));
    }
}
