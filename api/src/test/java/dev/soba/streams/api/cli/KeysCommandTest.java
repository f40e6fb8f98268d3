package dev.soba.streams.api.cli;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.soba.streams.api.keys.ApiKey;
import dev.soba.streams.api.keys.ApiKeyStore;
import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.keys.RateLimits;
import dev.soba.streams.api.testing.RealServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code ./soba keys} against the real PostgreSQL, with the application answering requests. */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class KeysCommandTest {

    private static String keys(final String... args) {
        final String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--db-url";
        all[args.length + 1] = RealServersResource.servers().reactiveUrl();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(KeysCommand.run(all, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** An endpoint that answers without the stores, so only authentication decides the status. */
    private static io.restassured.response.Response authenticated(final String secret) {
        return given().auth().oauth2(secret).contentType("application/json").body("{}")
                .post("/api/v1/data/validate-market-data");
    }

    @Test
    void aCreatedKeyWorksUntilItIsRevoked() {
        final String name = "cli-" + UUID.randomUUID();
        final String secret = keys("create", "--name", name, "--scopes", "read").strip();
        assertThat(secret).startsWith("soba_").hasSizeGreaterThan(40);

        authenticated(secret).then().statusCode(200);
        assertThat(keys("list")).contains(name).contains("active").doesNotContain(secret);

        assertThat(keys("revoke", name)).contains("revoked 1 key");
        assertThat(keys("list")).containsPattern(name + ".*revoked");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                authenticated(secret).then().statusCode(401));
    }

    /** The operator's bootstrap key ({@code soba.api.bootstrap-key}): created once however often it is ensured. */
    @Test
    void aConfiguredKeyIsCreatedOnceWithEveryScope() {
        final String secret = UUID.randomUUID() + "-" + UUID.randomUUID();
        try (KeyStoreConnection connection = KeyStoreConnection.open(RealServersResource.servers().reactiveUrl(),
                RealServersResource.servers().username(), RealServersResource.servers().password())) {
            for (int i = 0; i < 2; i++) {
                connection.store().ensure(ApiKeys.BOOTSTRAP_KEY_NAME, secret, ApiKeyStore.ALL_SCOPES,
                        RateLimits.parse("read=5/1s")).await().atMost(KeyStoreConnection.TIMEOUT);
            }
            final List<ApiKey> bootstrap = connection.store().list().await().atMost(KeyStoreConnection.TIMEOUT).stream()
                    .filter(key -> key.prefix().equals(secret.substring(0, 11))).toList();
            assertThat(bootstrap).hasSize(1);
            assertThat(bootstrap.get(0).scopes()).containsExactlyInAnyOrderElementsOf(ApiKeyStore.ALL_SCOPES);
            assertThatThrownBy(() -> connection.store().ensure("short", "too-short", ApiKeyStore.ALL_SCOPES, RateLimits.DEFAULTS)
                    .await().atMost(KeyStoreConnection.TIMEOUT)).hasMessageContaining("at least 32 characters");
        }
        authenticated(secret).then().statusCode(200);
    }

    /** Names are unique among active keys; a name held by several (older data) is revoked by id only. */
    @Test
    void aDuplicateActiveNameIsRefusedAndAnAmbiguousRevokeNeedsAnId() {
        final String name = "dup-" + UUID.randomUUID();
        keys("create", "--name", name, "--scopes", "read");
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(KeysCommand.run(new String[] {"create", "--name", name, "--db-url",
                    RealServersResource.servers().reactiveUrl()}, System.out)).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("already named '" + name + "'", "keys revoke");

            // Two active keys of one name, as data from before the rule has them.
            try (KeyStoreConnection connection = KeyStoreConnection.open(RealServersResource.servers().reactiveUrl(),
                    RealServersResource.servers().username(), RealServersResource.servers().password())) {
                connection.store().create(name, java.util.Set.of("read")).await().atMost(KeyStoreConnection.TIMEOUT);
            }
            assertThat(KeysCommand.run(new String[] {"revoke", name, "--db-url",
                    RealServersResource.servers().reactiveUrl()}, System.out)).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("2 active keys are named '" + name + "'", "by its id");
        } finally {
            System.setErr(original);
        }
        assertThat(keys("list")).containsPattern(name + " .*active");
        final String id = keys("list").lines().filter(line -> line.contains(name)).findFirst().orElseThrow().split("\\s+")[0];
        assertThat(keys("revoke", id)).contains("revoked 1 key");
        assertThat(keys("revoke", name)).contains("revoked 1 key");
    }

    @Test
    void misuseIsAClearUsageError() {
        assertThatThrownBy(() -> keys("create")).hasMessageContaining("--name");
        assertThatThrownBy(() -> keys("create", "--name", "x", "--scopes", "root"))
                .hasMessageContaining("read, write, admin");
        assertThatThrownBy(() -> keys("rotate")).hasMessageContaining("unknown keys command");
        assertThatThrownBy(() -> keys("list", "--colour")).hasMessageContaining("unknown option --colour");
    }
}
