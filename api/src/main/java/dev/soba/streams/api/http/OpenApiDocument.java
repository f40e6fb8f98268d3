package dev.soba.streams.api.http;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createComponents;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createHeader;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityRequirement;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityScheme;

import dev.soba.streams.api.tracing.RequestId;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What the resources cannot say about themselves in {@code /q/openapi}: every {@code /api}
 * operation needs the bearer key, may answer 401, 403 and 429 as problem+json, and carries the
 * request-id and rate-limit headers — except the public health routes; operations served under
 * alias paths of the replaced system list them in {@code x-soba-aliases}. Applied once, when the
 * application is built.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiDocument implements OASFilter {

    static final String BEARER = "bearer";
    /** Extension listing the paths of the replaced system that serve the same operation. */
    static final String ALIASES = "x-soba-aliases";
    private static final String PROBLEM = "Problem";
    private static final Map<String, String> HEADERS = Map.of(
            RequestId.HEADER, "The request's id: the caller's when acceptable (1-128 visible ASCII characters), else a new UUID",
            RateLimitFilter.LIMIT, "Size of the key's bucket for this endpoint group",
            RateLimitFilter.REMAINING, "Requests left in the bucket",
            RateLimitFilter.RESET, "Seconds until the bucket is full again");

    @Override
    public void filterOpenAPI(final OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(createComponents());
        }
        final Components components = openApi.getComponents();
        components.addSecurityScheme(BEARER, createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("soba API key")
                .description("An API key from `./soba keys create`, sent as `Authorization: Bearer <key>`"));
        HEADERS.forEach((name, description) -> components.addHeader(name, header(description)));
        components.addHeader("Retry-After", header("Seconds to wait before trying again"));
        components.addSchema(PROBLEM, problemSchema());
        components.addResponse("Unauthorized", problem("No key, or an unknown or revoked key"));
        components.addResponse("Forbidden", problem("The key's scopes do not open this endpoint group"));
        final APIResponse tooMany = problem("The key is over its rate limit for this endpoint group")
                .addHeader("Retry-After", createHeader().ref("Retry-After"));
        HEADERS.keySet().forEach(name -> tooMany.addHeader(name, createHeader().ref(name)));
        components.addResponse("TooManyRequests", tooMany);
        components.addResponse("BadRequest", problem("A parameter or a field of the body is malformed; field names it"));
        components.addResponse("ContentTooLarge", problem("The body is larger than the limit (10 MiB by default)"));
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        openApi.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/") && !BearerAuthFilter.isPublic(path) && item.getOperations() != null) {
                item.getOperations().values().forEach(OpenApiDocument::secure);
            }
            if (path.startsWith("/api/") && item.getOperations() != null) {
                item.getOperations().values().forEach(OpenApiDocument::refusesBadInput);
            }
            final List<String> aliases = Aliases.aliasesOf(path);
            if (!aliases.isEmpty() && item.getOperations() != null) {
                item.getOperations().values().forEach(operation -> operation.addExtension(ALIASES, aliases));
            }
        });
    }

    private static void secure(final Operation operation) {
        operation.addSecurityRequirement(createSecurityRequirement().addScheme(BEARER));
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().values().stream()
                .filter(response -> response.getRef() == null)
                .forEach(response -> HEADERS.keySet().forEach(name -> response.addHeader(name, createHeader().ref(name))));
        addIfAbsent(operation, "401", "Unauthorized");
        addIfAbsent(operation, "403", "Forbidden");
        addIfAbsent(operation, "429", "TooManyRequests");
    }

    /** Operations with parameters or a body answer 400 naming the field; those with a body, 413 over the limit. */
    private static void refusesBadInput(final Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        final boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (hasParameters || operation.getRequestBody() != null) {
            addIfAbsent(operation, "400", "BadRequest");
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(operation, "413", "ContentTooLarge");
        }
    }

    private static void addIfAbsent(final Operation operation, final String status, final String component) {
        if (!operation.getResponses().hasAPIResponse(status)) {
            operation.getResponses().addAPIResponse(status, createAPIResponse().ref(component));
        }
    }

    private static Header header(final String description) {
        return createHeader().description(description).schema(createSchema().addType(Schema.SchemaType.STRING));
    }

    private static APIResponse problem(final String description) {
        return createAPIResponse().description(description)
                .content(createContent().addMediaType(Problem.MEDIA_TYPE, createMediaType().schema(createSchema().ref(PROBLEM))))
                .addHeader(RequestId.HEADER, createHeader().ref(RequestId.HEADER));
    }

    private static Schema problemSchema() {
        final Schema text = createSchema().addType(Schema.SchemaType.STRING);
        return createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 7807 problem details, the one error shape of the API")
                .addProperty("type", text)
                .addProperty("title", text)
                .addProperty("status", createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty("field", createSchema().addType(Schema.SchemaType.STRING).description("the failing field or parameter"))
                .addProperty("violations", createSchema().addType(Schema.SchemaType.ARRAY).items(createSchema()
                        .addType(Schema.SchemaType.OBJECT)
                        .addProperty("field", text)
                        .addProperty("reason", text)))
                .addProperty("request_id", createSchema().addType(Schema.SchemaType.STRING).description("the X-Request-Id of the request"));
    }
}
