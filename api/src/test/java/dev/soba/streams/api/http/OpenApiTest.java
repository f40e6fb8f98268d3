package dev.soba.streams.api.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.soba.streams.api.testing.RealServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and Swagger UI are open, and say that /api needs the bearer key. */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class OpenApiTest {

    @Test
    void theDocumentIsOpenAndDeclaresTheBearerScheme() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/blocks/{number}'.get.security.bearer", hasItem(notNullValue()))
                .body("paths.'/api/v1/data/process-event-stream'.post.security.bearer", hasItem(notNullValue()))
                .body("paths.'/api/v1/blocks/{number}'.get.responses.'429'.$ref", equalTo("#/components/responses/TooManyRequests"))
                .body("components.responses.TooManyRequests.headers", org.hamcrest.Matchers.hasKey("Retry-After"))
                .body("components.schemas.Problem.properties", org.hamcrest.Matchers.hasKey("request_id"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("openapi:"));
    }

    @Test
    void healthIsPublicAndAliasesAndTheCacheHeaderAreDocumented() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/health'.get.security", nullValue())
                .body("paths.'/api/v1/health'.get.responses", not(hasKey("401")))
                .body("paths.'/api/v1/health'.get.responses", hasKey("503"))
                .body("paths.'/api/v1/health/service/{name}'.get.responses", hasKey("404"))
                .body("paths.'/api/v1/health/service/{name}'.get.security", nullValue())
                .body("paths.'/api/v1/health/metrics'.get.x-soba-aliases", contains("/api/health/metrics"))
                .body("paths.'/api/v1/data/aggregate-market-data'.get.x-soba-aliases",
                        contains("/api/python/data/aggregate-market-data"))
                .body("paths.'/api/v1/blockchain/detect-mev'.post.x-soba-aliases", contains("/api/python/blockchain/detect-mev"))
                .body("paths.'/api/v1/blockchain/detect-mev'.post.responses.'200'.headers", hasKey("X-Cache"))
                .body("paths.'/api/v1/blockchain/detect-mev'.post.responses.'401'.$ref", equalTo("#/components/responses/Unauthorized"))
                .body("paths.'/api/v1/blocks/{number}'.get", not(hasKey("x-soba-aliases")));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
