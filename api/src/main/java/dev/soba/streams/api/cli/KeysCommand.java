package dev.soba.streams.api.cli;

import dev.soba.streams.api.keys.ApiKey;
import dev.soba.streams.api.keys.ApiKeyStore;
import dev.soba.streams.api.keys.CreatedApiKey;
import dev.soba.streams.api.keys.RateLimits;
import dev.soba.streams.cli.Args;
import dev.soba.streams.cli.CliConfig;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code ./soba keys create --name NAME [--scopes read,write] [--rate-limit read=100/m] | list | revoke ID|NAME}. */
final class KeysCommand {

    static final String USAGE = """
            usage: soba keys create --name NAME [--scopes read,write,admin] [--rate-limit GROUP=N/PERIOD,...]
                   soba keys list
                   soba keys revoke ID|NAME
            Scopes: read, write, admin; write:market or write:chain write only market ticks or only chain items.
            Names are unique among active keys: create refuses a name an active key has, and revoke NAME refuses
            when several active keys have it (older data), naming their ids to revoke one by id. The key is printed once, on creation; only its hash is stored (PostgreSQL at
            quarkus.datasource.reactive.url, or SOBA_DB_URL / SOBA_DB_USER / SOBA_DB_PASSWORD).
            --rate-limit gives the key its own token buckets instead of the configured defaults
            (soba.rate-limit.GROUP): GROUP is read, write, validate or admin; PERIOD is s, m, h or d,
            optionally with a count. Example: --rate-limit read=6000/m,write=10/s,validate=100/15m""";

    private KeysCommand() {
    }

    static int run(final String[] argv, final PrintStream out) {
        final Args args = Args.parse(argv, Set.of("name", "scopes", "rate-limit", "db-url"), Set.of());
        if (args.positional().isEmpty()) {
            throw new Args.UsageException("which keys command? create, list or revoke");
        }
        final CliConfig config = CliConfig.load();
        final String url = args.option("db-url").orElseGet(() -> config.get("quarkus.datasource.reactive.url"));
        try (KeyStoreConnection connection = KeyStoreConnection.open(url,
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
            final ApiKeyStore store = connection.store();
            return switch (args.positional().get(0)) {
                case "create" -> create(store, args, out);
                case "list" -> list(store, out);
                case "revoke" -> revoke(store, args, out);
                default -> throw new Args.UsageException("unknown keys command '" + args.positional().get(0) + "'");
            };
        }
    }

    private static int create(final ApiKeyStore store, final Args args, final PrintStream out) {
        final String name = args.option("name").orElseThrow(() -> new Args.UsageException("keys create needs --name NAME"));
        final Set<String> scopes = args.option("scopes")
                .map(s -> (Set<String>) new LinkedHashSet<>(Arrays.asList(s.split(","))))
                .orElse(ApiKeyStore.DEFAULT_SCOPES);
        final RateLimits limits = rateLimits(args);
        final List<ApiKey> same = active(store, name.strip());
        if (!same.isEmpty()) {
            System.err.printf("an active key is already named '%s' (id %s): revoke it first (./soba keys revoke %s) "
                    + "or choose another --name%n", name.strip(), ids(same), same.get(0).id());
            return 1;
        }
        final CreatedApiKey created = store.create(name, scopes, limits).await().atMost(KeyStoreConnection.TIMEOUT);
        out.println(created.secret());
        System.err.printf("created key %d '%s' with scopes %s and rate limits %s — store it now, it is not shown again%n",
                created.key().id(), created.key().name(), String.join(",", created.key().scopes()),
                describe(created.key().rateLimits()));
        return 0;
    }

    private static int list(final ApiKeyStore store, final PrintStream out) {
        final List<ApiKey> keys = store.list().await().atMost(KeyStoreConnection.TIMEOUT);
        out.printf("%-6s %-24s %-14s %-18s %-22s %-30s %s%n", "ID", "NAME", "PREFIX", "SCOPES", "CREATED", "STATUS", "RATE LIMITS");
        for (final ApiKey key : keys) {
            out.printf("%-6d %-24s %-14s %-18s %-22s %-30s %s%n", key.id(), key.name(), key.prefix() + "…",
                    String.join(",", key.scopes()), key.createdAt().toString().substring(0, 19) + "Z",
                    key.revokedAt().map(at -> "revoked " + at.toString().substring(0, 19) + "Z").orElse("active"),
                    describe(key.rateLimits()));
        }
        return 0;
    }

    /** The active keys named {@code name} (none when it is an id: ids are digits, names of digits are ids). */
    private static List<ApiKey> active(final ApiKeyStore store, final String name) {
        return store.list().await().atMost(KeyStoreConnection.TIMEOUT).stream()
                .filter(key -> key.name().equals(name) && key.revokedAt().isEmpty())
                .toList();
    }

    private static String ids(final List<ApiKey> keys) {
        return String.join(", ", keys.stream().map(key -> Long.toString(key.id())).toList());
    }

    private static RateLimits rateLimits(final Args args) {
        try {
            return RateLimits.parse(args.option("rate-limit").orElse(""));
        } catch (final IllegalArgumentException e) {
            throw new Args.UsageException("--rate-limit: " + e.getMessage());
        }
    }

    private static String describe(final RateLimits limits) {
        return limits.isEmpty() ? "defaults" : limits.toString();
    }

    private static int revoke(final ApiKeyStore store, final Args args, final PrintStream out) {
        if (args.positional().size() != 2) {
            throw new Args.UsageException("keys revoke needs one ID or NAME");
        }
        final String idOrName = args.positional().get(1);
        final List<ApiKey> named = active(store, idOrName);
        if (named.size() > 1) {
            System.err.printf("%d active keys are named '%s' (ids %s): revoke one by its id (./soba keys revoke ID)%n",
                    named.size(), idOrName, ids(named));
            return 1;
        }
        final int revoked = store.revoke(idOrName).await().atMost(KeyStoreConnection.TIMEOUT);
        if (revoked == 0) {
            System.err.println("no active key with id or name '" + args.positional().get(1) + "'");
            return 1;
        }
        out.println("revoked " + revoked + " key(s); every instance refuses them within seconds");
        return 0;
    }
}
