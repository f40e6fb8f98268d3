package dev.soba.streams.api.rest;

import dev.soba.streams.api.dashboard.LiveMevAlerts;
import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.http.EndpointGroup;
import dev.soba.streams.api.http.RateLimitFilter;
import dev.soba.streams.api.keys.Group;
import dev.soba.streams.schemas.mev.MevFinding;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Live feeds as server-sent events, authenticated like every other route ({@code Authorization: Bearer}; a
 * browser reads them with {@code fetch}, since {@code EventSource} cannot send the header). A stream ends
 * after {@code seconds} (default 600, at most 3,600) so that no connection is held for ever; the client opens
 * another. Each event's data is one {@code mev_alerts} record as published; a comment line every 15 s keeps
 * proxies from closing a quiet stream.
 */
@Path("/api/v1/stream")
public class StreamResource {

    private static final int DEFAULT_SECONDS = 600;
    private static final int MAX_SECONDS = 3_600;

    @Inject
    LiveMevAlerts alerts;

    @Inject
    CurrentVertxRequest vertxRequest;

    /** One event of the MEV feed: the finding as published on {@code mev_alerts} and its status. */
    public record LiveAlert(@Schema(enumeration = {"new", "correction", "retraction"}) String status, MevFinding finding) {
    }

    @GET
    @Path("/mev-alerts")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @EndpointGroup(Group.READ)
    @APIResponse(responseCode = "200", description = "server-sent events, each data line one alert (or a heartbeat)",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = LiveAlert.class)))
    public Multi<String> mevAlerts(@Parameter(description = "how long the stream stays open, default 600",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "3600"))
                                   @QueryParam("seconds") final String seconds) {
        final int limit = seconds(seconds);
        // a stream's headers go out before response filters could add the rate-limit headers
        RateLimitFilter.putHeaders(vertxRequest.getCurrent());
        final Multi<String> heartbeats = Multi.createFrom().ticks().every(Duration.ofSeconds(15))
                .map(tick -> "{\"heartbeat\": true}");
        return Multi.createBy().merging().streams(alerts.stream(), heartbeats)
                .select().first(Duration.ofSeconds(limit));
    }

    private static int seconds(final String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_SECONDS;
        }
        try {
            final int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1 && parsed <= MAX_SECONDS) {
                return parsed;
            }
        } catch (final NumberFormatException e) {
            // below
        }
        throw ApiException.badRequest("seconds", "seconds must be a whole number from 1 to " + MAX_SECONDS);
    }
}
