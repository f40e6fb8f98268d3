package dev.soba.streams.api.http;

import java.util.List;
import java.util.Optional;

/**
 * The paths of the system we replace (five Python services behind a Node.js gateway), served as
 * aliases of the canonical {@code /api/v1} routes: {@code /api/python/data/...} is
 * {@code /api/v1/data/...}, {@code /api/python/blockchain/...} is {@code /api/v1/blockchain/...},
 * {@code /api/health...} is {@code /api/v1/health...}, {@code /api/python/health} is {@code /api/v1/health}. An alias is the same resource: same auth,
 * scopes, rate-limit bucket, problems and latency series ({@link AliasFilter} rewrites the path
 * before anything else looks at it).
 */
public final class Aliases {

    /** One alias prefix and the canonical prefix it stands for; an exact alias stands for that one path only. */
    public record Alias(String prefix, String canonical, boolean exact) {

        public Alias(final String prefix, final String canonical) {
            this(prefix, canonical, false);
        }

        boolean covers(final String path) {
            return path.equals(prefix) || !exact && path.startsWith(prefix + "/");
        }

        boolean standsFor(final String canonicalPath) {
            return canonicalPath.equals(canonical) || !exact && canonicalPath.startsWith(canonical + "/");
        }
    }

    public static final List<Alias> ALL = List.of(
            new Alias("/api/python/data", "/api/v1/data"),
            new Alias("/api/python/blockchain", "/api/v1/blockchain"),
            new Alias("/api/python/fraud", "/api/v1/fraud"),
            new Alias("/api/python/ml", "/api/v1/ml"),
            new Alias("/api/health", "/api/v1/health"),
            new Alias("/api/python/nlp", "/api/v1/nlp"),
            // the replaced system's first endpoint (its gateway's health), the health of this instance
            new Alias("/api/python/health", "/api/v1/health", true));

    private Aliases() {
    }

    /** The alias a request path uses, if any. */
    public static Optional<Alias> of(final String path) {
        return ALL.stream().filter(alias -> alias.covers(path)).findFirst();
    }

    /** The canonical path of {@code path} (itself when it is no alias). */
    public static String canonical(final String path) {
        return of(path).map(alias -> alias.canonical() + path.substring(alias.prefix().length())).orElse(path);
    }

    /** Every alias path of a canonical route path (none for most routes). */
    public static List<String> aliasesOf(final String canonicalPath) {
        return ALL.stream()
                .filter(alias -> alias.standsFor(canonicalPath))
                .map(alias -> alias.prefix() + canonicalPath.substring(alias.canonical().length()))
                .toList();
    }
}
