package dev.soba.streams.api.nlp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.testing.RealServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A machine with only a JDK (what {@code ./soba demo} needs): apertium-apy is not there, so
 * detection works, translation answers 503 naming what to install, and health says degraded why.
 */
@QuarkusTest
@TestProfile(NlpWithoutApertiumTest.NoApertium.class)
@WithTestResource(RealServersResource.class)
class NlpWithoutApertiumTest {

    /** apertium-apy looked for where it is not installed. */
    public static class NoApertium implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("soba.nlp.apertium-command", "/nonexistent/apertium-apy");
        }
    }

    @Inject
    ApiKeys keys;

    @Test
    void detectionWorksTranslationSaysWhatToInstallAndHealthIsDegraded() {
        final String key = keys.store().create("nlp-no-apertium", Set.of("read")).await().atMost(Duration.ofSeconds(10)).secret();
        await().atMost(Duration.ofSeconds(120)).until(() ->
                Boolean.TRUE.equals(given().get("/api/v1/health/service/nlp-translation").jsonPath().get("healthy")));
        final JsonPath area = given().get("/api/v1/health/service/nlp-translation").then().statusCode(200).extract().jsonPath();
        assertThat(area.getString("detail")).startsWith("degraded").contains("apt-get install");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !"unhealthy".equals(given().get("/api/v1/health").jsonPath().getString("status")));
        final JsonPath health = given().get("/api/v1/health").then().statusCode(200).extract().jsonPath();
        assertThat(health.getString("status")).isEqualTo("degraded");
        assertThat(health.getList("reasons", String.class)).anyMatch(reason -> reason.contains("translation is unavailable")
                && reason.contains("apertium-apy is not installed"));

        given().auth().oauth2(key).contentType("application/json").body(Map.of("text", "Die Datei wurde nicht gefunden, bitte erneut versuchen."))
                .post("/api/v1/nlp/detect-language").then().statusCode(200);
        final Response translate = given().auth().oauth2(key).contentType("application/json")
                .body(Map.of("text", "Good morning", "source", "en", "target", "es")).post("/api/python/nlp/translate");
        assertThat(translate.statusCode()).isEqualTo(503);
        assertThat(translate.contentType()).startsWith("application/problem+json");
        assertThat(translate.header("Retry-After")).isNotBlank();
        assertThat(translate.jsonPath().getString("detail")).contains("apt-get install -y apertium apertium-apy");
        final JsonPath supported = given().auth().oauth2(key).get("/api/v1/nlp/supported-languages").then().statusCode(200)
                .extract().jsonPath();
        assertThat(supported.getBoolean("translation.available")).isFalse();
        assertThat(supported.getList("translation.pairs")).isEmpty();
        assertThat(supported.getString("translation.reason")).contains("not installed");
        assertThat(supported.getList("detection.languages")).hasSize(75);
    }
}
