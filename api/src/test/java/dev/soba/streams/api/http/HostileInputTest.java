package dev.soba.streams.api.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.keys.RateLimits;
import dev.soba.streams.api.testing.RealServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hostile numbers and parameters over HTTP: every POST route the application has (found by
 * {@link ResourceRoutes}, so a route added later is covered too) and each of its alias paths
 * answers 400 problem+json naming the field for a number that cannot be read ({@code 1e2147483648},
 * {@code 1e-2147483648}) or that is absurdly large ({@code 1e999999999} as a price or quantity), at
 * the top of the body, inside an item and inside a batch; caps and parameters cannot be bypassed.
 */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class HostileInputTest {

    private static final String TICK = """
            {"type": "market_tick", "exchange": "binance", "symbol": "ETH-USDT", "price": %s, "quantity": %s,
             "side": "buy", "trade_id": "1", "timestamp": 1700000000000}""";

    /** Each hostile body and the field its 400 must name. */
    private static final Map<String, String> BODIES = Map.of(
            "{\"x\": 1e2147483648}", "x",
            "{\"x\": 1e-2147483648}", "x",
            "{\"block_number\": 1e999999999}", "block_number",
            TICK.formatted("1e999999999", "\"1\""), "price",
            TICK.formatted("\"1\"", "1e999999999"), "quantity",
            "{\"items\": [" + TICK.formatted("\"1\"", "\"1\"") + ", " + TICK.formatted("1e2147483648", "\"1\"") + "]}",
            "items[1].price",
            "[" + TICK.formatted("\"1\"", "1e-2147483648") + "]", "[0].quantity",
            "{\"a\": {\"b\": [1, 2, 1" + "0".repeat(1200) + "]}}", "a.b[2]");

    @Inject
    ApiKeys keys;

    private String key() {
        return keys.store().create("hostile-" + UUID.randomUUID(), Set.of("read", "write", "admin"), RateLimits.parse(""))
                .await().atMost(Duration.ofSeconds(10)).secret();
    }

    @Test
    void everyPostRouteAndAliasRefusesHostileNumbersNamingTheField() {
        final String key = key();
        final List<String> paths = new ArrayList<>();
        for (final ResourceRoutes.Route route : ResourceRoutes.all()) {
            if (route.httpMethod().equals("POST")) {
                final String path = route.path().replaceAll("\\{[^}]+}", "1");
                paths.add(path);
                paths.addAll(Aliases.aliasesOf(path));
            }
        }
        assertThat(paths).as("POST routes and their aliases").hasSizeGreaterThanOrEqualTo(8);
        for (final String path : paths) {
            BODIES.forEach((body, field) -> {
                final Response answer = given().auth().oauth2(key).contentType("application/json").body(body).post(path);
                assertThat(answer.statusCode()).as(path + " " + field + ": " + answer.asString()).isEqualTo(400);
                assertThat(answer.contentType()).as(path).startsWith(Problem.MEDIA_TYPE);
                assertThat(answer.jsonPath().getString("field")).as(path + ": " + answer.asString()).isEqualTo(field);
                assertThat(answer.jsonPath().getString("instance")).isEqualTo(path);
            });
        }
    }

    @Test
    void numbersThatAreMerelyLargeOrPreciseStillReachTheValidator() {
        final String key = key();
        // 78 digits (a uint256) and a price with 18 decimals are ordinary
        given().auth().oauth2(key).contentType("application/json")
                .body(TICK.formatted("1843.250000000000000001", "1" + "0".repeat(77)))
                .post("/api/v1/data/validate-market-data")
                .then().statusCode(200).body("valid", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void anItemOverTheProducersRequestSizeIsRejectedAloneWithItsReason() {
        final String key = key();
        final String big = TICK.formatted("\"1\"", "\"1\"").replace("\"trade_id\": \"1\"",
                "\"trade_id\": \"big-" + java.util.UUID.randomUUID() + "\", \"note\": \"" + "x".repeat(1_100_000) + "\"");
        final String small = TICK.formatted("\"1\"", "\"1\"").replace("\"trade_id\": \"1\"",
                "\"trade_id\": \"small-" + java.util.UUID.randomUUID() + "\"");
        final io.restassured.path.json.JsonPath answer = given().auth().oauth2(key).contentType("application/json")
                .body("{\"items\": [" + big + ", " + small + "]}").post("/api/v1/data/process-event-stream")
                .then().statusCode(200).extract().jsonPath();
        assertThat(answer.getString("results[0].status")).isEqualTo("rejected");
        assertThat(answer.getString("results[0].violations[0].reason")).contains("could not be written");
        assertThat(answer.getString("results[1].status")).isEqualTo("accepted");
    }

    @Test
    void detectMevRefusesAFractionalOrTextualBlockNumber() {
        final String key = key();
        for (final String number : List.of("1.5", "1e0", "\"1\"", "-1", "18446744073709551616")) {
            final Response answer = given().auth().oauth2(key).contentType("application/json")
                    .body("{\"block_number\": " + number + "}").post("/api/v1/blockchain/detect-mev");
            assertThat(answer.statusCode()).as(number + ": " + answer.asString()).isEqualTo(400);
            assertThat(answer.jsonPath().getString("field")).isEqualTo("block_number");
        }
    }

    @Test
    void theCandleCapHoldsForFarApartBoundsAndVenuesAreChecked() {
        final String key = key();
        final String candles = "/api/v1/data/aggregate-market-data?pair=ETH-USDT&interval=1m";
        for (final String range : List.of("&from=-9000000000000000000&to=9000000000000000000",
                "&from=0&to=253402300799999", "&from=0&to=300000000")) {
            final Response answer = given().auth().oauth2(key).urlEncodingEnabled(false).get(candles + range);
            assertThat(answer.statusCode()).as(range + ": " + answer.asString()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith(Problem.MEDIA_TYPE);
            assertThat(answer.jsonPath().getString("field")).as(range).isIn("from", "to");
        }
        // exactly 5,000 one-minute windows are allowed
        assertThat(given().auth().oauth2(key).get(candles + "&from=0&to=" + 4999 * 60_000L).statusCode()).isIn(200, 404);
        for (final String venue : List.of("0x12", "bin%20ance", "a".repeat(65), "%3Cscript%3E", "-x")) {
            final Response answer = given().auth().oauth2(key).urlEncodingEnabled(false).get(candles + "&venue=" + venue);
            assertThat(answer.statusCode()).as(venue + ": " + answer.asString()).isEqualTo(400);
            assertThat(answer.jsonPath().getString("field")).isEqualTo("venue");
        }
        for (final String venue : List.of("all", "binance", "coinbase-pro", "okx.us", "0x" + "A".repeat(40))) {
            assertThat(given().auth().oauth2(key).get(candles + "&venue=" + venue).statusCode()).as(venue).isIn(200, 404);
        }
    }
}
