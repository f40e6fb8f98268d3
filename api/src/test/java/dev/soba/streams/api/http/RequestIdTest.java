package dev.soba.streams.api.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.testing.RealServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** X-Request-Id: accepted when sane, generated otherwise, on every response and in every problem. */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class RequestIdTest {

    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static String key;

    @Inject
    ApiKeys keys;

    @BeforeEach
    void apiKey() {
        if (key == null) {
            key = keys.store().create("request-id-test", Set.of("read", "write"))
                    .await().atMost(Duration.ofSeconds(10)).secret();
        }
    }

    @Test
    void aSaneIdIsEchoedAndAnyOtherIsReplaced() {
        final String id = "client-" + UUID.randomUUID();
        given().header("X-Request-Id", id).get("/q/health/live").then().header("X-Request-Id", id);
        assertThat(given().get("/q/health/live").header("X-Request-Id")).matches(UUID_FORM);
        final String longest = "x".repeat(128);
        given().header("X-Request-Id", longest).get("/q/health/live").then().header("X-Request-Id", longest);
        for (final String insane : new String[] {"x".repeat(129), "has space", "tab\there", "é-accent", ""}) {
            assertThat(given().header("X-Request-Id", insane).get("/q/health/live").header("X-Request-Id"))
                    .as(insane).matches(UUID_FORM);
        }
        // two requests without an id never share one
        assertThat(given().get("/q/health/live").header("X-Request-Id"))
                .isNotEqualTo(given().get("/q/health/live").header("X-Request-Id"));
    }

    @Test
    void everyProblemNamesItsRequest() {
        given().header("X-Request-Id", "no-key").get("/api/v1/blocks/1").then().statusCode(401)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .header("X-Request-Id", "no-key")
                .body("request_id", equalTo("no-key"));
        given().auth().oauth2(key).header("X-Request-Id", "bad-number").get("/api/v1/blocks/twelve").then().statusCode(400)
                .body("request_id", equalTo("bad-number")).body("field", equalTo("number"));
        given().auth().oauth2(key).header("X-Request-Id", "nowhere").get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("request_id", equalTo("nowhere"));
        given().auth().oauth2(key).header("X-Request-Id", "wrong-method").delete("/api/v1/blocks/1").then().statusCode(405)
                .body("request_id", equalTo("wrong-method"));
        given().auth().oauth2(key).header("X-Request-Id", "bad-json").contentType(ContentType.JSON).body("{\"items\": [1,")
                .post("/api/v1/data/process-event-stream").then().statusCode(400)
                .header("X-Request-Id", "bad-json")
                .body("request_id", equalTo("bad-json"));
        final Response generated = given().get("/api/v1/blocks/1");
        assertThat(generated.jsonPath().getString("request_id")).isEqualTo(generated.header("X-Request-Id")).matches(UUID_FORM);
    }
}
