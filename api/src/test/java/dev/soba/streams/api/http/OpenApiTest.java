package dev.soba.streams.api.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

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
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
