package dev.soba.streams.api.keys;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API keys in PostgreSQL. Keys are 256-bit random secrets, so a plain SHA-256 is the right hash:
 * slow password hashes protect guessable secrets, and these are not guessable. Used by the
 * application (for every request) and by {@code ./soba keys} (without starting the application).
 */
public final class ApiKeyStore {

    /** {@code write} writes every item; {@code write:market} market ticks only, {@code write:chain} chain items only. */
    public static final Set<String> ALL_SCOPES = Set.of("read", "write", "admin", ItemScopes.WRITE_MARKET, ItemScopes.WRITE_CHAIN);
    public static final Set<String> DEFAULT_SCOPES = Set.of("read", "write");
    /** A key given in configuration is not generated here: it must at least be long enough not to be guessed. */
    public static final int MIN_CONFIGURED_SECRET = 32;
    private static final String KEY_PREFIX = "soba_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, name, key_prefix, scopes, created_at, revoked_at, rate_limits";

    private final Pool pool;

    public ApiKeyStore(final Pool pool) {
        this.pool = pool;
    }

    /** Creates or upgrades the table; every step is idempotent, so every instance may run it at start. */
    public Uni<Void> migrate() {
        return pool.query("""
                CREATE TABLE IF NOT EXISTS api_keys (
                    id          BIGSERIAL PRIMARY KEY,
                    name        TEXT        NOT NULL,
                    key_prefix  TEXT        NOT NULL,
                    key_hash    TEXT        NOT NULL UNIQUE,
                    scopes      TEXT        NOT NULL,
                    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
                    revoked_at  TIMESTAMPTZ
                )""").execute()
                // the key's own rate limits (GROUP=N/PERIOD,...); NULL: the configured defaults
                .chain(() -> pool.query("ALTER TABLE api_keys ADD COLUMN IF NOT EXISTS rate_limits TEXT").execute())
                .replaceWithVoid();
    }

    public Uni<CreatedApiKey> create(final String name, final Set<String> scopes) {
        return create(name, scopes, RateLimits.DEFAULTS);
    }

    public Uni<CreatedApiKey> create(final String name, final Set<String> scopes, final RateLimits rateLimits) {
        if (name == null || name.isBlank()) {
            return Uni.createFrom().failure(new IllegalArgumentException("a key needs a name (--name NAME)"));
        }
        final Set<String> unknown = new LinkedHashSet<>(scopes);
        unknown.removeAll(ALL_SCOPES);
        if (scopes.isEmpty() || !unknown.isEmpty()) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "scopes must be some of read, write, admin, write:market, write:chain; got " + String.join(",", scopes)));
        }
        final byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        final String secret = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        final String prefix = secret.substring(0, KEY_PREFIX.length() + 6);
        return pool.preparedQuery("INSERT INTO api_keys (name, key_prefix, key_hash, scopes, rate_limits)"
                        + " VALUES ($1, $2, $3, $4, $5) RETURNING " + COLUMNS)
                .execute(Tuple.of(name.strip(), prefix, hash(secret), String.join(",", sorted(scopes)),
                        rateLimits.isEmpty() ? null : rateLimits.toString()))
                .map(rows -> new CreatedApiKey(toKey(rows.iterator().next()), secret));
    }

    /**
     * Makes sure a key with this secret exists (the operator's bootstrap key, given in configuration):
     * created with the given name, scopes and limits the first time, left as it is afterwards (also
     * when an operator revoked it). Several instances starting at once create it once.
     */
    public Uni<Void> ensure(final String name, final String secret, final Set<String> scopes, final RateLimits rateLimits) {
        if (secret.length() < MIN_CONFIGURED_SECRET) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "a configured key must have at least " + MIN_CONFIGURED_SECRET + " characters"));
        }
        final String prefix = secret.substring(0, Math.min(secret.length(), KEY_PREFIX.length() + 6));
        return pool.preparedQuery("INSERT INTO api_keys (name, key_prefix, key_hash, scopes, rate_limits)"
                        + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key_hash) DO NOTHING")
                .execute(Tuple.of(name, prefix, hash(secret), String.join(",", sorted(scopes)),
                        rateLimits.isEmpty() ? null : rateLimits.toString()))
                .replaceWithVoid();
    }

    public Uni<List<ApiKey>> list() {
        return pool.query("SELECT " + COLUMNS + " FROM api_keys ORDER BY id")
                .execute()
                .map(ApiKeyStore::toKeys);
    }

    /** Revokes by id or by name (every active key of that name); answers how many were revoked. */
    public Uni<Integer> revoke(final String idOrName) {
        final boolean byId = idOrName.chars().allMatch(Character::isDigit) && !idOrName.isEmpty();
        final String sql = byId
                ? "UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL"
                : "UPDATE api_keys SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL";
        final Tuple args = byId ? Tuple.of(Long.parseLong(idOrName)) : Tuple.of(idOrName);
        return pool.preparedQuery(sql).execute(args).map(RowSet::rowCount);
    }

    /** The active key with this secret, if any. */
    public Uni<Optional<ApiKey>> authenticate(final String secret) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL")
                .execute(Tuple.of(hash(secret)))
                .map(rows -> rows.size() == 0 ? Optional.<ApiKey>empty() : Optional.of(toKey(rows.iterator().next())));
    }

    static String hash(final String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static List<String> sorted(final Set<String> scopes) {
        return scopes.stream().sorted().toList();
    }

    private static List<ApiKey> toKeys(final RowSet<Row> rows) {
        final List<ApiKey> keys = new ArrayList<>();
        rows.forEach(row -> keys.add(toKey(row)));
        return keys;
    }

    private static ApiKey toKey(final Row row) {
        final OffsetDateTime revoked = row.getOffsetDateTime("revoked_at");
        return new ApiKey(
                row.getLong("id"),
                row.getString("name"),
                row.getString("key_prefix"),
                new LinkedHashSet<>(Arrays.asList(row.getString("scopes").split(","))),
                row.getOffsetDateTime("created_at").toInstant(),
                Optional.ofNullable(revoked).map(OffsetDateTime::toInstant),
                RateLimits.parse(row.getString("rate_limits")));
    }
}
