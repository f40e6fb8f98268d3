package dev.soba.streams.api.rest;

import dev.soba.streams.api.health.Area;
import dev.soba.streams.api.health.Areas;
import dev.soba.streams.api.health.HealthMetrics;
import dev.soba.streams.api.health.HealthReport;
import dev.soba.streams.api.health.PipelineHealth;
import dev.soba.streams.api.health.PipelineMetrics;
import dev.soba.streams.api.health.ServiceReport;
import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.http.Problem;
import dev.soba.streams.api.http.Public;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Health in the replaced system's shape, public like it was (and like {@code /q/health}): the
 * status of this instance with one entry per area, an entry alone, and an aggregate of the
 * instance's metrics. 503 when the instance, or the built area asked for, is unhealthy; a degraded
 * instance or an area not built yet answers 200 with what it is.
 */
@Path(Public.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Public
public class HealthResource {

    private final PipelineHealth health;
    private final PipelineMetrics metrics;

    public HealthResource(final PipelineHealth health, final PipelineMetrics metrics) {
        this.health = health;
        this.metrics = metrics;
    }

    @GET
    @APIResponse(responseCode = "200", description = "healthy or degraded (reasons say why)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthReport.class)))
    @APIResponse(responseCode = "503", description = "unhealthy: this instance cannot do its work (reasons say why)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthReport.class)))
    public Uni<Response> health() {
        return health.report().map(report -> Response
                .status(HealthReport.UNHEALTHY.equals(report.status()) ? 503 : 200)
                .entity(report)
                .build());
    }

    @GET
    @Path("/metrics")
    public HealthMetrics metrics() {
        return metrics.metrics();
    }

    @GET
    @Path("/service/{name}")
    @APIResponse(responseCode = "200", description = "the area's entry: healthy, degraded with the instance, or not built yet",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceReport.class)))
    @APIResponse(responseCode = "503", description = "a built area that is unhealthy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceReport.class)))
    @APIResponse(responseCode = "404", description = "no area of that name; the problem lists the names",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> service(@Parameter(description = "an area: data-processing, blockchain-intelligence, fraud-detection,"
            + " ml-models, nlp-translation; any case, _ for - (the replaced system's ML_MODELS)", schema = @Schema(
                    type = SchemaType.STRING, pattern = "^[A-Za-z_-]+$")) @PathParam("name") final String name) {
        final Area area = Areas.named(name).orElseThrow(() -> new ApiException(Problem.of(404, "Not Found",
                "no service '" + name + "'; the services are " + Areas.names()).withField("name")));
        return health.report().map(report -> {
            final ServiceReport service = report.services().get(area.name());
            return Response.status(service.built() && !service.healthy() ? 503 : 200).entity(service).build();
        });
    }
}
