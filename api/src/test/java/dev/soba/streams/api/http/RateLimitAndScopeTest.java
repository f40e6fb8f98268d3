package dev.soba.streams.api.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.keys.RateLimits;
import dev.soba.streams.api.testing.RealServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.Test;

/** Scopes per endpoint group and the Redis token buckets, over HTTP against the real servers. */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class RateLimitAndScopeTest {

    private static final String VALIDATE = "/api/v1/data/validate-market-data";

    @Inject
    ApiKeys keys;

    private String key(final Set<String> scopes, final String rateLimits) {
        return keys.store().create("rate-" + UUID.randomUUID(), scopes, RateLimits.parse(rateLimits))
                .await().atMost(Duration.ofSeconds(10)).secret();
    }

    private static Response validate(final String key, final String requestId) {
        return given().auth().oauth2(key).header("X-Request-Id", requestId)
                .contentType(ContentType.JSON).body("{}").post(VALIDATE);
    }

    @Test
    void theBucketOfTheKeyAndGroupIsEnforcedWithHeaders() {
        final String key = key(Set.of("read"), "validate=3/h");
        for (int remaining = 2; remaining >= 0; remaining--) {
            final Response allowed = validate(key, "fine-" + remaining);
            allowed.then().statusCode(200)
                    .header(RateLimitFilter.LIMIT, "3")
                    .header(RateLimitFilter.REMAINING, Integer.toString(remaining));
            assertThat(Long.parseLong(allowed.header(RateLimitFilter.RESET))).isBetween(1L, 3600L);
        }
        final List<LogRecord> debug = new CopyOnWriteArrayList<>();
        final Response refused = whileCapturingDebug(RateLimitFilter.class, debug, () -> validate(key, "over-the-limit-1"));
        refused.then().statusCode(429)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .header(RateLimitFilter.LIMIT, "3")
                .header(RateLimitFilter.REMAINING, "0")
                .header("X-Request-Id", "over-the-limit-1")
                .body("status", equalTo(429))
                .body("request_id", equalTo("over-the-limit-1"))
                .body("instance", equalTo(VALIDATE));
        // one token comes back every 20 minutes
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1100L, 1200L);
        assertThat(Long.parseLong(refused.header(RateLimitFilter.RESET))).isBetween(3500L, 3600L);
        // the line logged for the refusal carries the request's id (the filter runs on another thread than the Vert.x filter)
        assertThat(debug).anySatisfy(line -> assertThat(((ExtLogRecord) line).getMdc("request_id")).isEqualTo("over-the-limit-1"));

        // other groups have their own bucket, with the configured default
        given().auth().oauth2(key).get("/api/v1/blocks/{n}", 1L).then()
                .header(RateLimitFilter.LIMIT, "1200")
                .header(RateLimitFilter.REMAINING, "1199");
        // and the rejections are counted, by group and outcome only
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("soba_rate_limit_decisions_total{group=\"validate\",outcome=\"limited\"}"));
    }

    @Test
    void aKeyOnlyCallsTheGroupsItsScopesOpen() {
        final String reader = key(Set.of("read"), "");
        final String writer = key(Set.of("write"), "");
        final String admin = key(Set.of("admin"), "");
        final String batch = "{\"items\": []}";

        final Response forbidden = given().auth().oauth2(reader).header("X-Request-Id", "scope-check")
                .contentType(ContentType.JSON).body(batch).post("/api/v1/data/process-event-stream");
        forbidden.then().statusCode(403)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("status", equalTo(403))
                .body("request_id", equalTo("scope-check"))
                .body("detail", org.hamcrest.Matchers.containsString("write endpoints need one of write"));
        // a refused request does not spend tokens: no rate-limit headers
        assertThat(forbidden.header(RateLimitFilter.LIMIT)).isNull();

        given().auth().oauth2(writer).contentType(ContentType.JSON).body(batch)
                .post("/api/v1/data/process-event-stream").then().statusCode(200);
        given().auth().oauth2(writer).get("/api/v1/blocks/{n}", 1L).then().statusCode(403);
        given().auth().oauth2(admin).get("/api/v1/blocks/{n}", 1L).then().statusCode(403);
        // validation writes nothing: readers and writers may both call it
        validate(reader, "r").then().statusCode(200);
        validate(writer, "w").then().statusCode(200);
        validate(admin, "a").then().statusCode(403);
    }

    @Test
    void latencyIsMeasuredPerRouteTemplateNotPerPath() {
        final String key = key(Set.of("read"), "");
        given().auth().oauth2(key).get("/api/v1/blocks/{n}", 424_242L);
        given().get("/api/v1/blocks/{n}", 434_343L).then().statusCode(401);
        final String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("uri=\"/api/v1/blocks/{number}\"");
        // the raw paths must not become tags (any other metric's value may happen to hold those digits)
        assertThat(metrics.lines().filter(line -> line.contains("uri=\"")))
                .noneMatch(line -> line.contains("424242") || line.contains("434343"));
        assertThat(metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_bucket{")
                && line.contains("uri=\"/api/v1/blocks/{number}\"") && line.contains("le=\"0.1\""))).isNotEmpty();
        assertThat(metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds{")
                && line.contains("uri=\"/api/v1/blocks/{number}\"") && line.contains("quantile=\"0.99\""))).isNotEmpty();
    }

    /** Runs {@code call} while collecting what {@code source} logs at DEBUG, with the MDC of the moment. */
    private static <T> T whileCapturingDebug(final Class<?> source, final List<LogRecord> lines, final Supplier<T> call) {
        final Logger logger = Logger.getLogger(source.getName());
        final Level level = logger.getLevel();
        final Handler capture = new Handler() {
            @Override
            public void publish(final LogRecord line) {
                ((ExtLogRecord) line).copyMdc();
                lines.add(line);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.setLevel(Level.FINE);
        logger.addHandler(capture);
        try {
            return call.get();
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(level);
        }
    }
}
