package dev.soba.streams.api.cli;

import dev.soba.streams.api.keys.ApiKey;
import dev.soba.streams.api.keys.ApiKeyStore;
import dev.soba.streams.api.keys.CreatedApiKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The demo's API key, stable for a data directory: its secret is kept in {@value #FILE} there, readable
 * by the owner only (mode 600), and reused at every start while it is active. Revoked (or its
 * database gone), a new one replaces it.
 */
record DemoKey(String secret, long id, boolean reused, Path file) {

    static final String FILE = "demo-api-key";
    static final String NAME = "demo";

    static DemoKey obtain(final ApiKeyStore store, final Path dataDir) {
        final Path file = dataDir.resolve(FILE);
        final Optional<String> kept = read(file);
        if (kept.isPresent()) {
            final Optional<ApiKey> active = store.authenticate(kept.get()).await().atMost(KeyStoreConnection.TIMEOUT);
            if (active.isPresent()) {
                return new DemoKey(kept.get(), active.get().id(), true, file);
            }
        }
        // Keys of earlier demo runs (before the key was kept) would otherwise stay active unseen.
        store.revoke(NAME).await().atMost(KeyStoreConnection.TIMEOUT);
        final CreatedApiKey created = store.create(NAME, ApiKeyStore.ALL_SCOPES).await().atMost(KeyStoreConnection.TIMEOUT);
        write(file, created.secret());
        return new DemoKey(created.secret(), created.key().id(), false, file);
    }

    private static Optional<String> read(final Path file) {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            final String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
        } catch (final IOException e) {
            return Optional.empty();
        }
    }

    private static void write(final Path file, final String secret) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            // Created with mode 600 from the start, so the secret is never readable by others.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot keep the demo API key in " + file, e);
        }
    }
}
