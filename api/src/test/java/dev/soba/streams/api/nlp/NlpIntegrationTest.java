package dev.soba.streams.api.nlp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.testing.RealServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Language detection and translation over HTTP, end to end: Lingua in the service, the real
 * apertium-apy it starts over Debian's installed pairs, the Redis result cache, and the replaced
 * system's {@code /api/python/nlp} paths.
 */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class NlpIntegrationTest {

    @Inject
    ApiKeys keys;

    private String key;

    @BeforeEach
    void startedWithApertium() {
        if (key == null) {
            key = keys.store().create("nlp-test", Set.of("read")).await().atMost(Duration.ofSeconds(10)).secret();
        }
        await().atMost(Duration.ofSeconds(120)).until(() ->
                Boolean.TRUE.equals(given().get("/api/v1/health/service/nlp-translation").jsonPath().get("healthy")));
    }

    private Response post(final String path, final Object body) {
        return given().auth().oauth2(key).contentType("application/json").body(body).post(path);
    }

    @Test
    void detectLanguageAnswersBothCodesConfidenceAlternativesAndReliability() {
        final JsonPath german = post("/api/v1/nlp/detect-language",
                Map.of("text", "Die Datei konnte nicht geöffnet werden, weil sie von einem anderen Prozess verwendet wird."))
                .then().statusCode(200).extract().jsonPath();
        assertThat(german.getString("language")).isEqualTo("de");
        assertThat(german.getString("iso6393")).isEqualTo("deu");
        assertThat(german.getBoolean("reliable")).isTrue();
        assertThat(german.getDouble("confidence")).isPositive();
        assertThat(german.getList("alternatives")).isNotEmpty();
        // the replaced system's path, a text too short to trust
        final JsonPath shortText = post("/api/python/nlp/detect-language", Map.of("text", "ok")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(shortText.getBoolean("reliable")).isFalse();
        assertThat(shortText.getString("reason")).isNotBlank();
    }

    @Test
    void translateGoesThroughApertiumAndIsCached() {
        final String text = "The house is very big and the garden is beautiful " + System.nanoTime();
        final Response first = post("/api/v1/nlp/translate", Map.of("text", text, "source", "en", "target", "es"));
        first.then().statusCode(200);
        assertThat(first.jsonPath().getString("translated_text").toLowerCase()).contains("casa").contains("jardín");
        assertThat(first.jsonPath().getString("backend")).isEqualTo("apertium");
        assertThat(first.header("X-Cache")).isEqualTo("miss");
        final Response again = post("/api/python/nlp/translate", Map.of("text", text, "source", "en", "target", "es"));
        assertThat(again.header("X-Cache")).isEqualTo("hit");
        assertThat(again.jsonPath().getString("translated_text")).isEqualTo(first.jsonPath().getString("translated_text"));
        // auto: detected, and the detection is part of the answer
        final JsonPath auto = post("/api/v1/nlp/translate", Map.of("text", "La casa es muy grande y el jardín es bonito.",
                "source", "auto", "target", "en")).then().statusCode(200).extract().jsonPath();
        assertThat(auto.getString("source")).isEqualTo("spa");
        assertThat(auto.getString("detected.language")).isEqualTo("es");
        assertThat(auto.getString("translated_text").toLowerCase()).contains("house");
    }

    @Test
    void badInputIsAProblemNamingTheFieldNeverA500() throws Exception {
        final Response unsupported = post("/api/v1/nlp/translate", Map.of("text", "Good morning", "source", "en", "target", "de"));
        assertThat(unsupported.statusCode()).isEqualTo(422);
        assertThat(unsupported.contentType()).startsWith("application/problem+json");
        assertThat(unsupported.jsonPath().getString("field")).isEqualTo("target");
        assertThat(unsupported.jsonPath().getString("detail")).contains("eng to deu").contains("eng-spa");
        // 1 MB of text: over the body limit
        final Response huge = post("/api/v1/nlp/translate", Map.of("text", "a".repeat(1_048_576), "target", "es"));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");
        // a text over the per-text limit inside a body under the body limit
        final Response longText = post("/api/v1/nlp/detect-language", Map.of("text", "a".repeat(70_000)));
        assertThat(longText.statusCode()).isEqualTo(413);
        assertThat(longText.jsonPath().getString("field")).isEqualTo("text");
        // invalid UTF-8 inside the text
        final ByteArrayOutputStream invalid = new ByteArrayOutputStream();
        invalid.write("{\"target\": \"es\", \"text\": \"caf".getBytes(StandardCharsets.UTF_8));
        invalid.write(new byte[] {(byte) 0xC3, (byte) 0x28});
        invalid.write("\"}".getBytes(StandardCharsets.UTF_8));
        // sent as raw bytes (a client that serialises a byte[] would send it as base64 text)
        final HttpResponse<String> notUtf8 = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/api/v1/nlp/translate"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(invalid.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notUtf8.statusCode()).as(notUtf8.body()).isEqualTo(400);
        assertThat(notUtf8.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(JsonPath.from(notUtf8.body()).getString("field")).as(notUtf8.body()).isEqualTo("text");
        assertThat(JsonPath.from(notUtf8.body()).getString("detail")).contains("UTF-8");
        final Response empty = post("/api/v1/nlp/detect-language", Map.of("text", ""));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.jsonPath().getString("field")).isEqualTo("text");
    }

    @Test
    void aBatchAnswersEachTextAndOneFailureDoesNotFailTheRest() {
        final List<Object> texts = new ArrayList<>(List.of("Good morning", "", "The cat is black", 5));
        final JsonPath batch = post("/api/python/nlp/translate-batch", Map.of("texts", texts, "source", "en", "target", "es"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(batch.getInt("succeeded")).isEqualTo(2);
        assertThat(batch.getInt("failed")).isEqualTo(2);
        assertThat(batch.getList("results.index", Integer.class)).containsExactly(0, 1, 2, 3);
        assertThat(batch.getList("results.status", Integer.class)).containsExactly(200, 400, 200, 400);
        assertThat(batch.getString("results[0].translation.translated_text").toLowerCase()).contains("buenos");
        assertThat(batch.getString("results[1].problem.field")).isEqualTo("texts[1]");
        assertThat(batch.getString("results[2].translation.translated_text").toLowerCase()).contains("gato");
        final List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add("text " + i);
        }
        final Response refused = post("/api/v1/nlp/translate-batch", Map.of("texts", tooMany, "target", "es"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.jsonPath().getString("field")).isEqualTo("texts");
    }

    @Test
    void supportedLanguagesAreTheInstalledPairsAndTheDetectableLanguages() {
        final JsonPath supported = given().auth().oauth2(key).get("/api/python/nlp/supported-languages")
                .then().statusCode(200).extract().jsonPath();
        assertThat(supported.getString("translation.backend")).isEqualTo("apertium");
        assertThat(supported.getBoolean("translation.available")).isTrue();
        final List<Map<String, Object>> pairs = supported.getList("translation.pairs");
        assertThat(pairs).anySatisfy(pair -> assertThat(pair).containsEntry("source", "eng").containsEntry("target", "spa")
                .containsEntry("source_iso6391", "en").containsEntry("target_iso6391", "es"));
        assertThat(pairs).anySatisfy(pair -> assertThat(pair).containsEntry("source", "cat").containsEntry("target", "eng"));
        assertThat(supported.getList("detection.languages.iso6391", String.class)).hasSize(75).contains("nb", "nn", "hr", "bs");
        assertThat(given().get("/api/v1/health").jsonPath().getList("reasons", String.class))
                .noneMatch(reason -> reason.contains("translation"));
    }
}
