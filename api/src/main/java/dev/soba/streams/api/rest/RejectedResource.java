package dev.soba.streams.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.http.EndpointGroup;
import dev.soba.streams.api.keys.Group;
import dev.soba.streams.api.pipeline.SobaConfig;
import dev.soba.streams.cli.RejectedRecords;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The records the pipeline set aside, read from the rejected-records topic: the newest that match,
 * in the topic's own format, so an operator sees why input was refused without a Kafka client.
 */
@Path("/api/v1/rejected")
@Produces(MediaType.APPLICATION_JSON)
@EndpointGroup(Group.ADMIN)
public class RejectedResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final int MAX_FILTER = 200;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int RETRY_AFTER_SECONDS = 5;

    private final String bootstrap;
    private final String topic;

    public RejectedResource(final SobaConfig config) {
        this.bootstrap = config.kafka().bootstrapServers();
        this.topic = config.pipelineConfig().topics().rejected();
    }

    /**
     * The answer: the newest {@code count} matches, oldest first; {@code scanned} records were read and
     * {@code complete} is false when older ones were not (more than {@value RejectedRecords#SCAN_LIMIT}).
     */
    public record Rejected(String topic, int count, long scanned, boolean complete, List<JsonNode> records) {
    }

    @GET
    @APIResponse(responseCode = "200", description = "The newest rejected records that match, oldest first, as the"
            + " rejected-records topic holds them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rejected.class)))
    @APIResponse(responseCode = "503", description = "the rejected-records topic cannot be read now (Retry-After)")
    public Rejected rejected(@Parameter(description = "only records set aside from this source topic (at most 200"
                                     + " characters)", schema = @Schema(type = SchemaType.STRING, pattern = "^.{1,200}$"))
                             @QueryParam("topic") final String sourceTopic,
                             @Parameter(description = "only records whose reason contains this text (at most 200 characters)",
                                     schema = @Schema(type = SchemaType.STRING, pattern = "^.{1,200}$"))
                             @QueryParam("reason") final String reason,
                             @Parameter(description = "only records rejected at or after this time: epoch millis or ISO-8601"
                                     + " UTC", schema = @Schema(type = SchemaType.STRING,
                                     pattern = "^([0-9]{1,15}|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z)$"))
                             @QueryParam("since") final String since,
                             @Parameter(description = "how many, default 100", schema = @Schema(type = SchemaType.INTEGER,
                                     format = "int32", minimum = "1", maximum = "1000"))
                             @QueryParam("limit") final String limit) {
        final int count = QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        final RejectedRecords.Filter filter = new RejectedRecords.Filter(text("topic", sourceTopic), text("reason", reason),
                since == null || since.isBlank() ? OptionalLong.empty() : OptionalLong.of(QueryParams.time("since", since)));
        final RejectedRecords.Page page;
        try {
            page = RejectedRecords.newest(bootstrap, topic, filter, count, TIMEOUT);
        } catch (final KafkaException e) {
            throw ApiException.unavailable("cannot read " + topic + ": " + e.getMessage(), RETRY_AFTER_SECONDS);
        }
        return new Rejected(topic, page.records().size(), page.scanned(), page.complete(), page.records());
    }

    private static Optional<String> text(final String field, final String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > MAX_FILTER) {
            throw ApiException.badRequest(field, field + " is at most " + MAX_FILTER + " characters, got " + value.length());
        }
        return Optional.of(value.strip());
    }
}
