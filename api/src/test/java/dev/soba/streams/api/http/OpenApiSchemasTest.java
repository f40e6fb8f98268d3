package dev.soba.streams.api.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.api.testing.RealServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes what the API really takes and answers, for every operation under
 * {@code /api} (so an operation added later is held to it too): a success answer with a non-empty
 * JSON schema, a request body schema where there is a body, and typed parameters (an integer, an
 * enumeration, a pattern or a format, never a bare string); schemas use the API's snake_case names.
 */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class OpenApiSchemasTest {

    private static JsonPath document() {
        return given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasResponseAndRequestSchemasAndTypedParameters() {
        final JsonPath openApi = document();
        final Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        final Map<String, Object> components = openApi.getMap("components.schemas");
        final List<String> problems = new ArrayList<>();
        int operations = 0;
        for (final Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (final Map.Entry<String, Object> entry : path.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "delete", "patch").contains(entry.getKey())) {
                    continue;
                }
                operations++;
                final String name = entry.getKey().toUpperCase() + " " + path.getKey();
                final Map<String, Object> operation = (Map<String, Object>) entry.getValue();
                final Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                // the success answer: 200, or 202 for an operation that starts a job
                final Map<String, Object> ok = (Map<String, Object>) responses.getOrDefault("200", responses.get("202"));
                final Object okSchema = ok == null ? null : schemaOf(ok);
                if (!described(okSchema, components)) {
                    problems.add(name + ": the 200 answer has no schema: " + ok);
                }
                if (entry.getKey().equals("post")) {
                    final Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                    if (body == null || !described(schemaOf(body), components)) {
                        problems.add(name + ": the request body has no schema: " + body);
                    }
                    if (!responses.containsKey("413")) {
                        problems.add(name + ": 413 is not documented");
                    }
                }
                final List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
                for (final Map<String, Object> parameter : parameters) {
                    final Map<String, Object> schema = (Map<String, Object>) parameter.get("schema");
                    if (!typed(schema)) {
                        problems.add(name + ": parameter " + parameter.get("name") + " is untyped: " + schema);
                    }
                }
                if (!parameters.isEmpty() && !responses.containsKey("400")) {
                    problems.add(name + ": 400 is not documented");
                }
            }
        }
        assertThat(operations).as("operations under /api").isGreaterThanOrEqualTo(15);
        assertThat(problems).isEmpty();
    }

    @Test
    void schemasUseTheNamesAndTypesTheApiWrites() {
        final JsonPath openApi = document();
        assertThat(openApi.getMap("components.schemas.CandleSeries.properties")).containsKeys("pair", "venue", "interval", "candles");
        assertThat(openApi.getMap("components.schemas.Analysis.properties")).containsKeys("block_number", "swap_count", "findings");
        assertThat(openApi.getMap("components.schemas.HealthReport.properties"))
                .containsKeys("pipeline_state", "services", "legacy_services");
        assertThat(openApi.getString("components.schemas.MarketTick.properties.price.$ref")
                + openApi.getString("components.schemas.MarketTick.properties.price.type")).contains("ecimal");
        assertThat(openApi.getString("paths.'/api/v1/blocks/{number}'.get.parameters[0].schema.type")).isEqualTo("integer");
        assertThat(openApi.getList("paths.'/api/v1/data/aggregate-market-data'.get.parameters.find { it.name == 'interval' }.schema.enum"))
                .contains("1m", "1h");
    }

    @SuppressWarnings("unchecked")
    private static Object schemaOf(final Map<String, Object> answerOrBody) {
        final Map<String, Object> content = (Map<String, Object>) answerOrBody.get("content");
        if (content == null) {
            return null;
        }
        // JSON where the operation answers JSON; otherwise (a stream of server-sent events) its one media type
        final Map<String, Object> json = (Map<String, Object>) content.getOrDefault("application/json",
                content.size() == 1 ? content.values().iterator().next() : null);
        return json == null ? null : json.get("schema");
    }

    /** A schema that says something: a reference to a described component, a type with properties or items, alternatives. */
    @SuppressWarnings("unchecked")
    private static boolean described(final Object schema, final Map<String, Object> components) {
        if (!(schema instanceof Map<?, ?> map) || map.isEmpty()) {
            return false;
        }
        if (map.get("$ref") instanceof String ref) {
            final Object target = components.get(ref.substring(ref.lastIndexOf('/') + 1));
            return target instanceof Map<?, ?> component && !component.isEmpty()
                    && (component.containsKey("properties") || component.containsKey("oneOf") || component.containsKey("items"));
        }
        if (map.get("oneOf") instanceof List<?> alternatives) {
            return !alternatives.isEmpty() && alternatives.stream().allMatch(alternative -> described(alternative, components));
        }
        return map.containsKey("properties") || map.get("items") instanceof Map<?, ?>;
    }

    private static boolean typed(final Map<String, Object> schema) {
        if (schema == null || schema.isEmpty()) {
            return false;
        }
        final Object type = schema.get("type");
        if (type == null) {
            return schema.containsKey("$ref") || schema.containsKey("oneOf");
        }
        return !"string".equals(type) || schema.containsKey("pattern") || schema.containsKey("enum")
                || schema.containsKey("format");
    }
}
