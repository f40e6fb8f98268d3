package dev.soba.streams.api.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.soba.streams.api.testing.RealServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The replaced system's health as its monitors call it: {@code GET /api/python/health} (its first
 * endpoint) is the health of this instance, the body names each area by the old service name, and
 * {@code /api/health/service/{name}} accepts those names in any case.
 */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class LegacyHealthNamesTest {

    private static final List<String> OLD_NAMES =
            List.of("data_processing", "blockchain_intelligence", "fraud_detection", "ml_models", "nlp_translation");

    @Test
    void pythonHealthIsTheHealthWithTheOldServiceNames() {
        await().atMost(Duration.ofSeconds(90))
                .until(() -> "healthy".equals(given().get("/api/python/health").jsonPath().getString("status")));
        // NLP is served on request (no stream tasks): healthy once its engines have started
        await().atMost(Duration.ofSeconds(90))
                .until(() -> given().get("/api/v1/health").jsonPath().getBoolean("services.'nlp-translation'.healthy"));
        final JsonPath health = given().get("/api/python/health").then().statusCode(200)
                .body("pipeline_state", equalTo("RUNNING"))
                .extract().jsonPath();
        final Map<String, String> old = health.getMap("legacy_services", String.class, String.class);
        assertThat(old.keySet()).containsExactlyInAnyOrderElementsOf(OLD_NAMES);
        assertThat(old).containsEntry("data_processing", "healthy").containsEntry("blockchain_intelligence", "healthy")
                .containsEntry("fraud_detection", "healthy").containsEntry("ml_models", "not_built")
                .containsEntry("nlp_translation", "healthy");
        // the same body as the canonical route
        assertThat(given().get("/api/v1/health").jsonPath().getMap("services").keySet())
                .isEqualTo(health.getMap("services").keySet());
        // an exact alias: nothing below it is public (or served)
        given().get("/api/python/health/metrics").then().statusCode(401);
    }

    @Test
    void theOldServiceNamesAreAcceptedInAnyCase() {
        for (final String old : OLD_NAMES) {
            for (final String spelled : List.of(old, old.toUpperCase(java.util.Locale.ROOT))) {
                final String canonical = old.replace('_', '-');
                given().get("/api/health/service/" + spelled).then()
                        .statusCode(org.hamcrest.Matchers.isOneOf(200, 503))
                        .body("name", equalTo(canonical));
                given().get("/api/v1/health/service/" + spelled).then().body("name", equalTo(canonical));
            }
        }
    }
}
