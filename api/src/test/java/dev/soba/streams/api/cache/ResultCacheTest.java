package dev.soba.streams.api.cache;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.testing.RealServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** detect-mev's analyses come from Redis the second time, by the body's content, with the configured TTL. */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class ResultCacheTest {

    private static final String DETECT = "/api/v1/blockchain/detect-mev";

    @Inject
    ApiKeys keys;

    @Inject
    Redis redis;

    @Inject
    CacheConfig config;

    private String key;

    @BeforeEach
    void apiKey() {
        if (key == null) {
            key = keys.store().create("cache-test", Set.of("read")).await().atMost(Duration.ofSeconds(10)).secret();
        }
    }

    /** An empty Parity block (no traces, no receipts) of a height no other test uses. */
    static String parityBlock(final long number) {
        return "{\"block_number\": " + number + ", \"traces\": [], \"receipts\": []}";
    }

    private Response detect(final String path, final String body) {
        return given().auth().oauth2(key).contentType("application/json").body(body).post(path);
    }

    @Test
    void theSameBlockIsAHitWithTheSameBodyAndAnotherIsAMiss() {
        final long number = 900_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        final Response first = detect(DETECT, parityBlock(number));
        first.then().statusCode(200).header(ResultCache.HEADER, "miss");
        assertThat(first.jsonPath().getLong("blocks[0].block_number")).isEqualTo(number);

        final Response second = detect(DETECT, parityBlock(number));
        second.then().statusCode(200).header(ResultCache.HEADER, "hit").contentType("application/json");
        assertThat(second.asByteArray()).isEqualTo(first.asByteArray());

        // the same content in another member order and spacing, through the replaced system's path: still a hit
        final String reordered = "{ \"receipts\":[], \"block_number\":" + number + ",\"traces\" :[] }";
        detect("/api/python/blockchain/detect-mev", reordered).then().statusCode(200).header(ResultCache.HEADER, "hit");

        final Response other = detect(DETECT, parityBlock(number + 1));
        other.then().statusCode(200).header(ResultCache.HEADER, "miss");
        assertThat(other.jsonPath().getLong("blocks[0].block_number")).isEqualTo(number + 1);

        // stored findings change as the stream runs: never cached
        assertThat(detect(DETECT, "{\"block_number\": " + number + "}").header(ResultCache.HEADER)).isNull();
        // bad bodies are not cached either: the same error both times
        detect(DETECT, "{\"items\": 5}").then().statusCode(400);
        detect(DETECT, "{\"items\": 5}").then().statusCode(400);

        final String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("soba_result_cache_total{namespace=\"detect-mev\",outcome=\"hit\"}")
                .contains("soba_result_cache_total{namespace=\"detect-mev\",outcome=\"miss\"}");
    }

    @Test
    void entriesAreKeptUnderTheNamespaceWithTheConfiguredTtl() {
        final long number = 800_000_000L + ThreadLocalRandom.current().nextLong(100_000_000L);
        detect(DETECT, parityBlock(number)).then().statusCode(200).header(ResultCache.HEADER, "miss");
        final var found = redis.send(Request.cmd(Command.KEYS).arg(ResultCache.KEY_PREFIX + "detect-mev:*"))
                .await().atMost(Duration.ofSeconds(5));
        assertThat(found.size()).isPositive();
        final String stored = found.get(0).toString();
        assertThat(stored).matches("soba:cache:detect-mev:[^:]+:[0-9a-f]{64}");
        final long ttl = redis.send(Request.cmd(Command.PTTL).arg(stored)).await().atMost(Duration.ofSeconds(5)).toLong();
        assertThat(ttl).isPositive().isLessThanOrEqualTo(config.ttl().toMillis());
    }
}
