package dev.soba.streams.api.keys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.api.ChainItems;
import dev.soba.streams.api.testing.RealServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A key that feeds market ticks ({@code write:market}) cannot write chain history, and a chain
 * feeder's key ({@code write:chain}) cannot write ticks: over HTTP, item by item in one batch;
 * {@code write} writes both, and the narrow scopes may still validate.
 */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class WriteScopesTest {

    private static final String TICK = """
            {"type": "market_tick", "exchange": "scopetest", "symbol": "ETH-USDT", "price": "1843.25", "quantity": "0.5",
             "side": "buy", "trade_id": "%s", "timestamp": 1700000000000}""";

    @Inject
    ApiKeys keys;

    private String key(final String scope) {
        return keys.store().create("scopes-" + scope + "-" + UUID.randomUUID(), Set.of(scope), RateLimits.parse(""))
                .await().atMost(Duration.ofSeconds(10)).secret();
    }

    private static JsonPath post(final String key, final String batch) {
        return given().auth().oauth2(key).contentType("application/json").body(batch)
                .post("/api/v1/data/process-event-stream").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void narrowWriteScopesWriteOnlyTheirItems() {
        final long height = ChainItems.blockNumber();
        final String block = ChainItems.block(height, ChainItems.hash("scope-block"), ChainItems.hash("scope-parent"));
        final String batch = "{\"items\": [" + TICK.formatted(UUID.randomUUID()) + ", " + block + "]}";

        final JsonPath market = post(key(ItemScopes.WRITE_MARKET), batch);
        assertThat(market.getInt("accepted")).isEqualTo(1);
        assertThat(market.getString("results[0].status")).isEqualTo("accepted");
        assertThat(market.getString("results[1].status")).isEqualTo("rejected");
        assertThat(market.getString("results[1].violations[0].field")).isEqualTo("type");
        assertThat(market.getString("results[1].violations[0].reason")).contains("write:chain");
        assertThat(market.getString("results[1].topic")).isNull();

        final JsonPath chain = post(key(ItemScopes.WRITE_CHAIN), batch);
        assertThat(chain.getString("results[0].status")).isEqualTo("rejected");
        assertThat(chain.getString("results[0].violations[0].reason")).contains("write:market");
        assertThat(chain.getString("results[1].status")).isEqualTo("accepted");

        final String otherBatch = "{\"items\": [" + TICK.formatted(UUID.randomUUID()) + "]}";
        assertThat(post(key(ItemScopes.WRITE), otherBatch).getInt("accepted")).isEqualTo(1);
    }

    @Test
    void narrowScopesMayValidateButNotRead() {
        final String market = key(ItemScopes.WRITE_MARKET);
        given().auth().oauth2(market).contentType("application/json").body(TICK.formatted("1"))
                .post("/api/v1/data/validate-market-data").then().statusCode(200);
        given().auth().oauth2(market).get("/api/v1/blocks/1").then().statusCode(403);
        given().auth().oauth2(market).get("/api/v1/instances").then().statusCode(403);
    }
}
