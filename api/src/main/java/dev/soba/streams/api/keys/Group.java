package dev.soba.streams.api.keys;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The endpoint groups of the API. Each decides which scopes of a key may call it and which rate
 * limit applies; a resource method declares its group once with {@code @EndpointGroup}.
 * Validation changes nothing, so both readers and writers may call it. Which items a write key may
 * write is narrowed further by {@link ItemScopes}.
 */
public enum Group {
    READ(Set.of("read")),
    WRITE(Set.of("write", ItemScopes.WRITE_MARKET, ItemScopes.WRITE_CHAIN)),
    VALIDATE(Set.of("read", "write", ItemScopes.WRITE_MARKET, ItemScopes.WRITE_CHAIN)),
    ADMIN(Set.of("admin"));

    private final Set<String> scopes;

    Group(final Set<String> scopes) {
        this.scopes = scopes;
    }

    /** The lower-case name used in configuration, metrics and {@code --rate-limit}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A key may call the group when it has any of these scopes. */
    public Set<String> scopes() {
        return scopes;
    }

    public boolean allows(final Set<String> keyScopes) {
        return keyScopes.stream().anyMatch(scopes::contains);
    }

    public static Group of(final String label) {
        return Arrays.stream(values())
                .filter(group -> group.label().equals(label.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown endpoint group '" + label + "'; the groups are "
                        + Arrays.stream(values()).map(Group::label).collect(Collectors.joining(", "))));
    }
}
