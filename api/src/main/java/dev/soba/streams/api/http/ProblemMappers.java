package dev.soba.streams.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into RFC 7807 problem+json: our own {@link ApiException}, the framework's
 * 404/405/415 answers, unreadable bodies (400 with the failing field) and, for defects, a 500
 * that never leaks internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(final ApiException e, final UriInfo uri) {
        final Response.ResponseBuilder response = respond(e.problem(), uri);
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response unreadableJson(final JsonProcessingException e, final UriInfo uri) {
        final String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        final String detail = e instanceof MismatchedInputException
                ? "the request body does not have the expected shape: " + e.getOriginalMessage()
                : "the request body is not valid JSON: " + e.getOriginalMessage();
        return respond(Problem.of(400, "Bad Request", detail).withField(field), uri).build();
    }

    @ServerExceptionMapper
    public Response web(final WebApplicationException e, final UriInfo uri) {
        final int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        final String title = Response.Status.fromStatusCode(status) == null
                ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        final String detail = switch (status) {
            case 404 -> "no resource at " + uri.getPath();
            case 405 -> "method not allowed on " + uri.getPath();
            case 415 -> "unsupported media type: send application/json";
            case 406 -> "not acceptable: this resource answers application/json";
            default -> e.getMessage();
        };
        return respond(Problem.of(status, title, detail), uri).build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response defect(final Throwable e, final UriInfo uri) {
        LOG.errorf(e, "unexpected failure on %s", uri.getPath());
        return respond(Problem.of(500, "Internal Server Error",
                "an unexpected error occurred; it has been logged"), uri).build();
    }

    private static Response.ResponseBuilder respond(final Problem problem, final UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.at(uri.getPath(), null));
    }

    private static String path(final JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
