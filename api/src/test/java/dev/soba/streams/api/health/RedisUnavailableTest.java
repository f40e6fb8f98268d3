package dev.soba.streams.api.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.soba.streams.api.cache.ResultCache;
import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.testing.RealServersResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An application whose Redis is not there (a closed port; the other back-ends are the shared real
 * ones): it stays ready and answers, health says degraded and why, rate limits and the result cache
 * fail open.
 */
@QuarkusTest
@WithTestResource(value = RealServersResource.class,
        initArgs = @ResourceArg(name = RealServersResource.REDIS, value = "unreachable"))
class RedisUnavailableTest {

    @jakarta.inject.Inject
    ApiKeys keys;

    @Test
    void healthIsDegradedReadinessStaysUpAndRequestsAreAnswered() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "RUNNING".equals(given().get("/api/v1/health").jsonPath().getString("pipeline_state")));
        given().get("/api/health").then().statusCode(200)
                .body("status", equalTo("degraded"))
                .body("dependencies.redis.healthy", equalTo(false))
                .body("dependencies.redis.effect", startsWith("rate limits are not checked"))
                .body("dependencies.postgresql.healthy", equalTo(true))
                .body("reasons", hasItem(startsWith("Redis does not answer")))
                .body("services.'data-processing'.healthy", equalTo(true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Redis' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Redis' }.data.reachable", equalTo(false)));

        final String key = keys.store().create("no-redis", Set.of("read")).await().atMost(Duration.ofSeconds(10)).secret();
        final String body = "{\"block_number\": 1234567, \"traces\": [], \"receipts\": []}";
        for (int call = 0; call < 2; call++) {
            given().auth().oauth2(key).contentType("application/json").body(body)
                    .post("/api/v1/blockchain/detect-mev").then().statusCode(200)
                    .header(ResultCache.HEADER, "miss")
                    .body("blocks[0].block_number", equalTo(1234567));
        }
        final String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("soba_result_cache_total{namespace=\"detect-mev\",outcome=\"unavailable\"}")
                .contains("outcome=\"unchecked\"");
    }
}
