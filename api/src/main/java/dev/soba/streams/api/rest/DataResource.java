package dev.soba.streams.api.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.http.BearerAuthFilter;
import dev.soba.streams.api.http.EndpointGroup;
import dev.soba.streams.api.keys.ApiKey;
import dev.soba.streams.api.keys.Group;
import dev.soba.streams.api.keys.ItemScopes;
import dev.soba.streams.api.pipeline.EventProducer;
import dev.soba.streams.api.pipeline.SobaConfig;
import dev.soba.streams.schemas.Block;
import dev.soba.streams.schemas.Contract;
import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.ItemParser;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.LogItem;
import dev.soba.streams.schemas.MarketTick;
import dev.soba.streams.schemas.Token;
import dev.soba.streams.schemas.TokenTransfer;
import dev.soba.streams.schemas.Trace;
import dev.soba.streams.schemas.Transaction;
import dev.soba.streams.schemas.Validated;
import dev.soba.streams.schemas.Violation;
import dev.soba.streams.topology.Topics;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Synchronous data endpoints of the system we replace: validation with the stream's own rules,
 * and batch ingestion that writes each valid item to its input topic.
 */
@Path("/api/v1/data")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DataResource {

    static final int MAX_BATCH = 10_000;
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final EventProducer producer;
    private final Topics topics;

    public DataResource(final EventProducer producer, final SobaConfig config) {
        this.producer = producer;
        this.topics = config.pipelineConfig().topics();
    }

    @POST
    @Path("/validate-blockchain-event")
    @EndpointGroup(Group.VALIDATE)
    @APIResponse(responseCode = "200", description = "the verdict: valid, or every broken rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ValidationAnswer.class)))
    public ValidationAnswer validateBlockchainEvent(@RequestBody(required = true, description = "one item (its type field says which)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {Block.class, Transaction.class,
                    LogItem.class, TokenTransfer.class, Trace.class, Contract.class, Token.class, MarketTick.class})))
                                                    final JsonNode body) {
        return validate(requireBody(body), Optional.empty());
    }

    @POST
    @Path("/validate-market-data")
    @EndpointGroup(Group.VALIDATE)
    @APIResponse(responseCode = "200", description = "the verdict: valid, or every broken rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ValidationAnswer.class)))
    public ValidationAnswer validateMarketData(@RequestBody(required = true, description = "one market tick",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MarketTick.class)))
                                              final JsonNode body) {
        return validate(requireBody(body), Optional.of(ItemType.MARKET_TICK));
    }

    @POST
    @Path("/process-event-stream")
    @EndpointGroup(Group.WRITE)
    @APIResponse(responseCode = "200", description = "what happened to each item, by its index",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchAnswer.class)))
    public BatchAnswer processEventStream(@RequestBody(required = true, description = "at most " + MAX_BATCH
            + " items: {\"items\": [...]} or a bare array",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemBatch.class)))
                                          final JsonNode body, @Context final ContainerRequestContext request) {
        final JsonNode items = itemsOf(requireBody(body));
        final Set<String> scopes = request.getProperty(BearerAuthFilter.API_KEY) instanceof ApiKey key ? key.scopes() : Set.of();
        final List<ItemAnswer> answers = new ArrayList<>(items.size());
        final List<Future<RecordMetadata>> sends = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            final JsonNode node = items.get(index);
            final Validated<Item> parsed = ItemParser.parse(node, Optional.empty());
            if (parsed instanceof Validated.Valid<Item> valid && !ItemScopes.mayWrite(scopes, valid.value().itemType())) {
                final ItemType type = valid.value().itemType();
                sends.add(null);
                answers.add(new ItemAnswer(index, "rejected", type.typeName(), valid.value().identity(), null, null, null,
                        List.of(new Violation("type", "this key may not write " + type.typeName() + " items: they need the "
                                + ItemScopes.WRITE + " or " + ItemScopes.narrowScopeOf(type) + " scope, the key has "
                                + String.join(",", new TreeSet<>(scopes))))));
            } else if (parsed instanceof Validated.Valid<Item> valid) {
                final String topic = topics.input(valid.value().itemType());
                sends.add(producer.send(topic, Json.write(node)));
                answers.add(new ItemAnswer(index, "accepted", valid.value().itemType().typeName(),
                        valid.value().identity(), topic, null, null, null));
            } else {
                sends.add(null);
                answers.add(new ItemAnswer(index, "rejected", null, null, null, null, null,
                        ((Validated.Invalid<Item>) parsed).violations()));
            }
        }
        int accepted = 0;
        for (int index = 0; index < answers.size(); index++) {
            final Future<RecordMetadata> send = sends.get(index);
            if (send == null) {
                continue;
            }
            final ItemAnswer answer = answers.get(index);
            try {
                final RecordMetadata written = send.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                answers.set(index, answer.writtenAt(written.partition(), written.offset()));
                accepted++;
            } catch (final ExecutionException | TimeoutException e) {
                answers.set(index, answer.failed("could not be written to " + answer.topic() + ": "
                        + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage())));
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ApiException.unavailable("interrupted while writing to Kafka", 1);
            }
        }
        return new BatchAnswer(accepted, answers.size() - accepted, answers);
    }

    private static ValidationAnswer validate(final JsonNode body, final Optional<ItemType> expected) {
        final Validated<Item> parsed = ItemParser.parse(body, expected);
        if (parsed instanceof Validated.Valid<Item> valid) {
            return new ValidationAnswer(true, valid.value().itemType().typeName(), valid.value().identity(), List.of());
        }
        return new ValidationAnswer(false, body.path("type").asText(null), null,
                ((Validated.Invalid<Item>) parsed).violations());
    }

    private static JsonNode requireBody(final JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw ApiException.badRequest("", "a JSON request body is required");
        }
        return body;
    }

    private static JsonNode itemsOf(final JsonNode body) {
        final JsonNode items = body.isArray() ? body : body.get("items");
        if (items == null || !items.isArray()) {
            throw ApiException.badRequest("items", "send a JSON array of items, or an object with an 'items' array");
        }
        if (items.size() > MAX_BATCH) {
            throw ApiException.badRequest("items", "at most " + MAX_BATCH + " items per request, got " + items.size());
        }
        return items;
    }

    /** The verdict on one item. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ValidationAnswer(boolean valid, String type, String itemId, List<Violation> violations) {
    }

    /** What happened to each item of a batch, by its index in the request. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemAnswer(int index, String status, String type, String itemId, String topic,
                             Integer partition, Long offset, List<Violation> violations) {

        ItemAnswer writtenAt(final int writtenPartition, final long writtenOffset) {
            return new ItemAnswer(index, status, type, itemId, topic, writtenPartition, writtenOffset, violations);
        }

        ItemAnswer failed(final String reason) {
            return new ItemAnswer(index, "rejected", type, itemId, topic, null, null, List.of(new Violation("", reason)));
        }
    }

    public record BatchAnswer(int accepted, int rejected, List<ItemAnswer> results) {
    }

    /** The request of process-event-stream, as documented (the body is read as a tree and checked item by item). */
    @Schema(name = "ItemBatch")
    public record ItemBatch(@Schema(required = true, maxItems = MAX_BATCH, description = "ethereum-etl items and market"
            + " ticks, each an object with its type (block, transaction, log, token_transfer, trace, contract, token,"
            + " market_tick)") List<Map<String, Object>> items) {
    }
}
