package dev.soba.streams.api.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.soba.streams.api.health.Area;
import dev.soba.streams.api.health.Areas;
import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.keys.Group;
import dev.soba.streams.api.keys.RateLimits;
import dev.soba.streams.api.testing.RealServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole API catalogue, route by route and through every alias path of the replaced system:
 * no key → 401, a key without the route's scope → 403, each malformed parameter or body → 400
 * naming its field, a wrong method → 405, unknown routes → 404, all as problem+json; the public
 * health routes answer without a key. The table must list every resource method the application
 * has ({@link ResourceRoutes}), and each route's aliases must be the ones {@link Aliases} serves.
 */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class ApiCatalogueTest {

    private static final String ZERO_HASH = "0x" + "0".repeat(64);
    private static final String ZERO_ADDRESS = "0x" + "0".repeat(40);
    /** A body that is not JSON: the failing field is the whole body, {@code ""} (a JSON Pointer to the root). */
    private static final String NOT_JSON = "{\"type\": ";
    /** 61 one-minute candles, the fewest a price forecast reads. */
    private static final String PRICE_CANDLES = String.join(",", java.util.stream.IntStream.range(0, 61)
            .mapToObj(i -> "{\"open_time\": " + (i * 60_000L) + ", \"open\": 10, \"high\": 11, \"low\": 9,"
                    + " \"close\": 10, \"volume\": 1}").toList());

    /** A malformed request and the field its 400 must name (or another status, e.g. 404 for an unknown name). */
    record Bad(String path, String body, String field, int status) {
        static Bad param(final String path, final String field) {
            return new Bad(path, null, field, 400);
        }

        static Bad body(final String body, final String field) {
            return new Bad(null, body, field, 400);
        }
    }

    /**
     * One route: method, template, group ({@code null} for public), the alias paths of the
     * replaced system, a well-formed request (path, body), the malformed ones, a method it does not serve.
     */
    record Row(String method, String template, Group group, List<String> aliases, String sample, String body,
               List<Bad> bads, String wrongMethod) {
        String signature() {
            return method + " " + template;
        }
    }

    private static final List<Row> CATALOGUE = List.of(
            new Row("GET", "/api/v1/instances", Group.ADMIN, List.of(), "/api/v1/instances", null, List.of(), "POST"),
            new Row("GET", "/api/v1/rejected", Group.ADMIN, List.of(), "/api/v1/rejected?topic=blocks&limit=5", null,
                    List.of(Bad.param("/api/v1/rejected?since=soon", "since"), Bad.param("/api/v1/rejected?limit=0", "limit")),
                    "POST"),
            new Row("GET", "/api/v1/blocks/{number}", Group.READ, List.of(), "/api/v1/blocks/1", null,
                    List.of(Bad.param("/api/v1/blocks/abc", "number"), Bad.param("/api/v1/blocks/-1", "number")), "DELETE"),
            new Row("GET", "/api/v1/transactions/{hash}", Group.READ, List.of(), "/api/v1/transactions/" + ZERO_HASH, null,
                    List.of(Bad.param("/api/v1/transactions/0x12", "hash")), "POST"),
            new Row("GET", "/api/v1/addresses/{address}/transactions", Group.READ, List.of(),
                    "/api/v1/addresses/" + ZERO_ADDRESS + "/transactions", null,
                    List.of(Bad.param("/api/v1/addresses/0x12/transactions", "address"),
                            Bad.param("/api/v1/addresses/" + ZERO_ADDRESS + "/transactions?limit=0", "limit")), "DELETE"),
            new Row("GET", "/api/v1/data/aggregate-market-data", Group.READ,
                    List.of("/api/python/data/aggregate-market-data"),
                    "/api/v1/data/aggregate-market-data?pair=ETH-USDT&interval=1m", null,
                    List.of(Bad.param("/api/v1/data/aggregate-market-data?pair=eth&interval=1m", "pair"),
                            Bad.param("/api/v1/data/aggregate-market-data?pair=ETH-USDT&interval=7m", "interval"),
                            Bad.param("/api/v1/data/aggregate-market-data?pair=ETH-USDT&interval=1m&from=yesterday", "from")),
                    "POST"),
            new Row("GET", "/api/v1/dex/swaps", Group.READ, List.of(),
                    "/api/v1/dex/swaps?pool=" + ZERO_ADDRESS + "&from_block=1", null,
                    List.of(Bad.param("/api/v1/dex/swaps?pool=0x12&from_block=1", "pool"),
                            Bad.param("/api/v1/dex/swaps?pool=" + ZERO_ADDRESS + "&from_block=x", "from_block"),
                            Bad.param("/api/v1/dex/swaps?pool=" + ZERO_ADDRESS + "&from_block=5&to_block=4", "to_block")),
                    "DELETE"),
            new Row("GET", "/api/v1/mev", Group.READ, List.of(), "/api/v1/mev?block=1", null,
                    List.of(Bad.param("/api/v1/mev", "block"), Bad.param("/api/v1/mev?block=x", "block"),
                            Bad.param("/api/v1/mev?searcher=0x12", "searcher"),
                            Bad.param("/api/v1/mev?searcher=" + ZERO_ADDRESS + "&limit=5000", "limit")), "POST"),
            new Row("POST", "/api/v1/blockchain/detect-mev", Group.READ, List.of("/api/python/blockchain/detect-mev"),
                    "/api/v1/blockchain/detect-mev", "{\"block_number\": 1}",
                    List.of(Bad.body("{\"block_number\": -1}", "block_number"), Bad.body("{\"items\": 5}", "items"),
                            Bad.body(NOT_JSON, "")), "GET"),
            new Row("POST", "/api/v1/blockchain/analyze-contract", Group.READ,
                    List.of("/api/python/blockchain/analyze-contract"), "/api/v1/blockchain/analyze-contract",
                    "{\"bytecode\": \"0x6001\"}",
                    List.of(Bad.body("{\"bytecode\": \"0x123\"}", "bytecode"), Bad.body("{\"address\": \"0x12\"}", "address"),
                            Bad.body(NOT_JSON, "")), "GET"),
            new Row("GET", "/api/v1/blockchain/transaction-graph", Group.READ,
                    List.of("/api/python/blockchain/transaction-graph"),
                    "/api/v1/blockchain/transaction-graph?address=" + ZERO_ADDRESS, null,
                    List.of(Bad.param("/api/v1/blockchain/transaction-graph", "address"),
                            Bad.param("/api/v1/blockchain/transaction-graph?address=" + ZERO_ADDRESS + "&depth=4", "depth"),
                            Bad.param("/api/v1/blockchain/transaction-graph?address=" + ZERO_ADDRESS + "&limit=0", "limit")),
                    "POST"),
            new Row("POST", "/api/v1/blockchain/analyze-wallet-cluster", Group.READ,
                    List.of("/api/python/blockchain/analyze-wallet-cluster"), "/api/v1/blockchain/analyze-wallet-cluster",
                    "{\"address\": \"" + ZERO_ADDRESS + "\"}",
                    List.of(Bad.body("{\"addresses\": []}", "addresses"), Bad.body("{\"address\": \"0x1\"}", "address"),
                            Bad.body(NOT_JSON, "")), "GET"),
            new Row("POST", "/api/v1/blockchain/address-state", Group.READ,
                    List.of("/api/python/blockchain/address-state"), "/api/v1/blockchain/address-state",
                    "{\"state\": \"counterparties\", \"addresses\": [\"" + ZERO_ADDRESS + "\"]}",
                    List.of(Bad.body("{\"state\": \"x\", \"addresses\": [\"" + ZERO_ADDRESS + "\"]}", "state"),
                            Bad.body("{\"state\": \"risk\"}", "addresses"), Bad.body(NOT_JSON, "")), "GET"),
            new Row("GET", "/api/v1/stream/mev-alerts", Group.READ, List.of(), "/api/v1/stream/mev-alerts?seconds=1", null,
                    List.of(Bad.param("/api/v1/stream/mev-alerts?seconds=0", "seconds"),
                            Bad.param("/api/v1/stream/mev-alerts?seconds=x", "seconds")), "POST"),
            new Row("POST", "/api/v1/fraud/assess-risk", Group.READ, List.of("/api/python/fraud/assess-risk"),
                    "/api/v1/fraud/assess-risk", "{\"address\": \"" + ZERO_ADDRESS + "\"}",
                    List.of(Bad.body("{\"address\": \"0x12\"}", "address"), Bad.body("{\"transaction_hash\": 5}", "transaction_hash"),
                            Bad.body("{\"transaction\": {\"type\": \"transaction\", \"hash\": \"0x12\"}}", "transaction.hash"),
                            Bad.body(NOT_JSON, "")), "GET"),
            new Row("GET", "/api/v1/pools/{address}", Group.READ, List.of(), "/api/v1/pools/" + ZERO_ADDRESS, null,
                    List.of(Bad.param("/api/v1/pools/0x12", "address")), "PUT"),
            new Row("POST", "/api/v1/data/validate-blockchain-event", Group.VALIDATE,
                    List.of("/api/python/data/validate-blockchain-event"), "/api/v1/data/validate-blockchain-event",
                    "{\"type\": \"block\"}", List.of(Bad.body(NOT_JSON, "")), "GET"),
            new Row("POST", "/api/v1/data/validate-market-data", Group.VALIDATE,
                    List.of("/api/python/data/validate-market-data"), "/api/v1/data/validate-market-data",
                    "{}", List.of(Bad.body(NOT_JSON, "")), "GET"),
            new Row("POST", "/api/v1/data/process-event-stream", Group.WRITE,
                    List.of("/api/python/data/process-event-stream"), "/api/v1/data/process-event-stream",
                    "{\"items\": []}", List.of(Bad.body("{\"items\": 5}", "items"), Bad.body(NOT_JSON, "")), "GET"),
            new Row("POST", "/api/v1/nlp/detect-language", Group.READ, List.of("/api/python/nlp/detect-language"),
                    "/api/v1/nlp/detect-language", "{\"text\": \"Das ist ein kurzer deutscher Satz.\"}",
                    List.of(Bad.body("{\"text\": \"\"}", "text"), Bad.body("{\"text\": 5}", "text"), Bad.body(NOT_JSON, "")),
                    "GET"),
            new Row("POST", "/api/v1/nlp/translate", Group.READ, List.of("/api/python/nlp/translate"),
                    "/api/v1/nlp/translate", "{\"text\": \"Good morning\", \"source\": \"en\", \"target\": \"es\"}",
                    List.of(Bad.body("{\"source\": \"en\", \"target\": \"es\"}", "text"),
                            Bad.body("{\"text\": \"Good morning\", \"source\": \"en\"}", "target"),
                            Bad.body("{\"text\": \"Good morning\", \"source\": \"english!\", \"target\": \"es\"}", "source"),
                            new Bad(null, "{\"text\": \"Good morning\", \"source\": \"en\", \"target\": \"fr\"}", "target", 422),
                            Bad.body(NOT_JSON, "")), "GET"),
            new Row("POST", "/api/v1/nlp/translate-batch", Group.READ, List.of("/api/python/nlp/translate-batch"),
                    "/api/v1/nlp/translate-batch", "{\"texts\": [\"Good morning\"], \"source\": \"en\", \"target\": \"es\"}",
                    List.of(Bad.body("{\"texts\": [], \"target\": \"es\"}", "texts"), Bad.body(NOT_JSON, "")), "GET"),
            new Row("GET", "/api/v1/nlp/supported-languages", Group.READ, List.of("/api/python/nlp/supported-languages"),
                    "/api/v1/nlp/supported-languages", null, List.of(), "POST"),
            new Row("GET", "/api/v1/health", null, List.of("/api/health", "/api/python/health"), "/api/v1/health", null,
                    List.of(), "POST"),
            new Row("POST", "/api/v1/ml/train", Group.WRITE, List.of("/api/python/ml/train"), "/api/v1/ml/train",
                    "{\"pair\": \"ETH-USDT\", \"horizon\": \"5m\", \"from\": 0, \"to\": 60000}",
                    List.of(Bad.body("{\"pair\": \"eth\", \"horizon\": \"5m\", \"from\": 0, \"to\": 1}", "pair"),
                            Bad.body("{\"pair\": \"ETH-USDT\", \"horizon\": \"2m\", \"from\": 0, \"to\": 1}", "horizon"),
                            Bad.body("{\"pair\": \"ETH-USDT\", \"horizon\": \"5m\", \"interval\": \"5m\", \"from\": 0, \"to\": 1}", "interval"),
                            Bad.body("{\"pair\": \"ETH-USDT\", \"horizon\": \"5m\", \"to\": 1}", "from"),
                            Bad.body("{\"pair\": \"ETH-USDT\", \"horizon\": \"5m\", \"from\": 5, \"to\": 1}", "to"),
                            Bad.body(NOT_JSON, "")), "GET"),
            new Row("POST", "/api/v1/ml/predict", Group.READ, List.of("/api/python/ml/predict"), "/api/v1/ml/predict",
                    "{\"pair\": \"ETH-USDT\", \"horizon\": \"5m\", \"candles\": [" + PRICE_CANDLES + "]}",
                    List.of(Bad.body("{\"pair\": \"ETH-USDT\", \"horizon\": \"5m\"}", "candles"),
                            Bad.body("{\"pair\": \"ETH-USDT\", \"horizon\": \"5m\", \"candles\": [{}]}", "candles"),
                            Bad.body("{\"pair\": \"ETH-USDT\", \"horizon\": \"7m\", \"candles\": []}", "horizon"),
                            Bad.body(NOT_JSON, "")), "GET"),
            new Row("GET", "/api/v1/ml/jobs/{id}", Group.READ, List.of("/api/python/ml/jobs/{id}"),
                    "/api/v1/ml/jobs/none", null, List.of(new Bad("/api/v1/ml/jobs/none", null, null, 404)), "DELETE"),
            new Row("GET", "/api/v1/ml/models", Group.READ, List.of("/api/python/ml/models"), "/api/v1/ml/models", null,
                    List.of(), "DELETE"),
            new Row("POST", "/api/v1/ml/models/{id}/activate", Group.ADMIN, List.of("/api/python/ml/models/{id}/activate"),
                    "/api/v1/ml/models/999999999/activate", null,
                    List.of(Bad.param("/api/v1/ml/models/x/activate", "id"),
                            Bad.param("/api/v1/ml/models/1/activate?force=maybe", "force")), "GET"),
            new Row("GET", "/api/v1/health/metrics", null, List.of("/api/health/metrics"), "/api/v1/health/metrics",
                    null, List.of(), "DELETE"),
            new Row("GET", "/api/v1/health/service/{name}", null, List.of("/api/health/service/{name}"),
                    "/api/v1/health/service/data-processing", null,
                    List.of(new Bad("/api/v1/health/service/pricing", null, "name", 404)), "POST"));

    /** A scope that does not open each group. */
    private static final Map<Group, String> WRONG_SCOPE = new EnumMap<>(Map.of(
            Group.READ, "write", Group.WRITE, "read", Group.VALIDATE, "admin", Group.ADMIN, "read"));

    @Inject
    ApiKeys keys;

    private final Map<String, String> keysByScope = new java.util.HashMap<>();

    private String key(final String scope) {
        return keysByScope.computeIfAbsent(scope, s -> keys.store()
                .create("catalogue-" + s + "-" + UUID.randomUUID(), Set.of(s), RateLimits.parse(""))
                .await().atMost(Duration.ofSeconds(10)).secret());
    }

    private String rightKey(final Group group) {
        return key(group == Group.WRITE ? "write" : group == Group.ADMIN ? "admin" : "read");
    }

    @BeforeEach
    void pipelineIsRunning() {
        // healthy, not only up: while rebalancing a query may answer 503
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "healthy".equals(given().get("/api/v1/health").jsonPath().getString("status")));
    }

    @Test
    void theTableListsEveryResourceMethodAndEveryAlias() {
        final Set<String> served = ResourceRoutes.all().stream().map(ResourceRoutes.Route::signature)
                .collect(Collectors.toCollection(TreeSet::new));
        final Set<String> listed = CATALOGUE.stream().map(Row::signature).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).as("the catalogue table (add a row for every new route)").isEqualTo(served);
        for (final Row row : CATALOGUE) {
            assertThat(row.aliases()).as("aliases of " + row.signature()).isEqualTo(Aliases.aliasesOf(row.template()));
            final boolean isPublic = ResourceRoutes.all().stream()
                    .filter(route -> route.signature().equals(row.signature())).allMatch(ResourceRoutes.Route::isPublic);
            assertThat(row.group() == null).as(row.signature() + " is public").isEqualTo(isPublic);
        }
        // what the health entries say an area serves is served
        for (final Area area : Areas.ALL) {
            assertThat(served).as(area.name() + "'s endpoints").containsAll(area.endpoints());
        }
        // the replaced system's paths named in the issue
        assertThat(Aliases.canonical("/api/python/data/aggregate-market-data")).isEqualTo("/api/v1/data/aggregate-market-data");
        assertThat(Aliases.canonical("/api/python/blockchain/detect-mev")).isEqualTo("/api/v1/blockchain/detect-mev");
        assertThat(Aliases.canonical("/api/health")).isEqualTo("/api/v1/health");
        assertThat(Aliases.canonical("/api/python/nlp/translate")).isEqualTo("/api/v1/nlp/translate");
        assertThat(Aliases.canonical("/api/healthcheck")).isEqualTo("/api/healthcheck");
    }

    @Test
    void everyRouteAndAliasAnswersAuthScopesBadInputAndWrongMethodsWithProblems() {
        final List<String> walked = new ArrayList<>();
        for (final Row row : CATALOGUE) {
            for (final Optional<String> alias : variants(row)) {
                final String sample = on(row.sample(), row, alias);
                walked.add(row.method() + " " + sample);
                if (row.group() == null) {
                    // public: no key, a key of any scope, even a wrong key: the same answer
                    call(given(), row.method(), sample, row.body()).then().statusCode(200);
                    call(given().auth().oauth2("not-a-key"), row.method(), sample, row.body()).then().statusCode(200);
                    call(given().auth().oauth2(key("admin")), row.method(), sample, row.body()).then().statusCode(200);
                } else {
                    expectProblem(call(given(), row.method(), sample, row.body()), 401, sample);
                    expectProblem(call(given().auth().oauth2(key(WRONG_SCOPE.get(row.group()))), row.method(), sample,
                            row.body()), 403, sample);
                    final Response fine = call(given().auth().oauth2(rightKey(row.group())), row.method(), sample, row.body());
                    assertThat(fine.statusCode()).as(row.method() + " " + sample + ": " + fine.asString()).isIn(200, 202, 404);
                    assertThat(fine.header(RateLimitFilter.LIMIT)).as("rate-limited: " + sample).isNotNull();
                }
                for (final Bad bad : row.bads()) {
                    final String path = on(bad.path() == null ? row.sample() : bad.path(), row, alias);
                    final Response answer = call(given().auth().oauth2(rightKey(row.group())), row.method(), path,
                            bad.body() == null ? row.body() : bad.body());
                    expectProblem(answer, bad.status(), path);
                    assertThat(answer.jsonPath().getString("field")).as(row.method() + " " + path + " " + bad.body())
                            .isEqualTo(bad.field());
                }
                final String wrongKey = row.group() == null ? key("read") : rightKey(row.group());
                expectProblem(call(given().auth().oauth2(wrongKey), row.wrongMethod(), sample, row.body()), 405, sample);
            }
        }
        assertThat(walked).hasSizeGreaterThan(CATALOGUE.size());
        // every answer above, 405s and aliases included, is measured under a route template, never a raw path
        final List<String> uris = given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .map(line -> line.replaceAll(".*uri=\"([^\"]*)\".*", "$1")).distinct().toList();
        assertThat(uris).as("latency series").isNotEmpty()
                .noneMatch(uri -> uri.startsWith("/api/python") || uri.startsWith("/api/health"))
                .noneMatch(uri -> uri.contains(ZERO_ADDRESS) || uri.contains("abc") || uri.contains("/-1"));
    }

    @Test
    void unknownRoutesAreProblemsToo() {
        final String reader = key("read");
        for (final String path : List.of("/api/v1/nope", "/api/v1/blocks", "/api/v2/blocks/1", "/api/nope",
                "/api/python/data/nope", "/api/python/data/no such action", "/api/python/fraud/score-address",
                "/api/python/ml/sentiment")) {
            expectProblem(given().auth().oauth2(reader).get(path), 404, path);
            // the key is checked before the route: without one, 401 whatever the path
            expectProblem(given().get(path), 401, path);
        }
        // the public prefix opens nothing else: a path that climbs out of it is not let through
        for (final String path : List.of("/api/v1/health/../blocks/1", "/api/v1/health/%2e%2e/blocks/1",
                "/api/health/../v1/blocks/1", "/api/v1/health%2f..%2fblocks%2f1")) {
            final Response answer = given().urlEncodingEnabled(false).get(path);
            assertThat(answer.statusCode()).as(path + ": " + answer.asString()).isIn(400, 401, 404);
            assertThat(answer.contentType()).as(path).startsWith(Problem.MEDIA_TYPE);
        }
        // under the public prefix an unknown route is a 404 even without a key
        for (final String path : List.of("/api/v1/health/nope", "/api/health/nope", "/api/v1/health/service")) {
            expectProblem(given().get(path), 404, path);
        }
    }

    @Test
    void anAliasIsTheSameResourceBucketAndLatencySeries() {
        final String key = keys.store().create("alias-" + UUID.randomUUID(), Set.of("read"), RateLimits.parse("read=100/h"))
                .await().atMost(Duration.ofSeconds(10)).secret();
        final String canonical = "/api/v1/data/aggregate-market-data?pair=ALIAS-USDT&interval=1m";
        final String alias = "/api/python/data/aggregate-market-data?pair=ALIAS-USDT&interval=1m";
        given().auth().oauth2(key).get(canonical).then().header(RateLimitFilter.REMAINING, "99");
        given().auth().oauth2(key).get(alias).then().header(RateLimitFilter.REMAINING, "98");
        // a problem names the path the caller used
        given().auth().oauth2(key).get("/api/python/data/aggregate-market-data?pair=bad&interval=1m").then()
                .statusCode(400)
                .body("instance", org.hamcrest.Matchers.equalTo("/api/python/data/aggregate-market-data"))
                .body("field", org.hamcrest.Matchers.equalTo("pair"));
        final String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("uri=\"/api/v1/data/aggregate-market-data\"");
        assertThat(metrics.lines().filter(line -> line.contains("uri=\"/api/python") || line.contains("uri=\"/api/health")))
                .as("aliases are measured under the canonical route template").isEmpty();
        assertThat(metrics).contains("soba_api_alias_requests_total{alias=\"/api/python/data\"");
    }

    private static List<Optional<String>> variants(final Row row) {
        final List<Optional<String>> variants = new ArrayList<>();
        variants.add(Optional.empty());
        row.aliases().forEach(alias -> variants.add(Optional.of(alias)));
        return variants;
    }

    /** The canonical {@code path} as called through {@code alias} (an alias path of {@code row}'s template). */
    private static String on(final String path, final Row row, final Optional<String> alias) {
        if (alias.isEmpty()) {
            return path;
        }
        final String aliasPrefix = Aliases.ALL.stream().filter(a -> alias.get().startsWith(a.prefix()))
                .findFirst().orElseThrow().prefix();
        final String canonicalPrefix = Aliases.canonical(aliasPrefix);
        assertThat(path).as(row.signature()).startsWith(canonicalPrefix);
        return aliasPrefix + path.substring(canonicalPrefix.length());
    }

    private static Response call(final RequestSpecification request, final String method, final String path,
                                 final String body) {
        final RequestSpecification withBody = body == null ? request : request.contentType("application/json").body(body);
        return withBody.urlEncodingEnabled(false).request(method, path);
    }

    private static void expectProblem(final Response response, final int status, final String path) {
        assertThat(response.statusCode()).as(path + ": " + response.asString()).isEqualTo(status);
        assertThat(response.contentType()).as(path).startsWith(Problem.MEDIA_TYPE);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.jsonPath().getString("request_id")).as(path).isNotBlank();
        assertThat(response.jsonPath().getString("instance")).as(path).isEqualTo(path.replaceAll("\\?.*", ""));
    }
}
