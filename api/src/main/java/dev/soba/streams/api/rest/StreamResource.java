package dev.soba.streams.api.rest;

import dev.soba.streams.api.dashboard.LiveMevAlerts;
import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.http.EndpointGroup;
import dev.soba.streams.api.keys.Group;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
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

    @GET
    @Path("/mev-alerts")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @EndpointGroup(Group.READ)
    public Multi<String> mevAlerts(@QueryParam("seconds") final String seconds) {
        final int limit = seconds(seconds);
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
