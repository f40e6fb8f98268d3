package dev.soba.streams.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.http.EndpointGroup;
import dev.soba.streams.api.http.Problem;
import dev.soba.streams.api.keys.Group;
import dev.soba.streams.api.ml.ModelRegistry;
import dev.soba.streams.api.ml.PriceModels;
import dev.soba.streams.api.ml.PriceRequests;
import dev.soba.streams.api.ml.RegisteredModel;
import dev.soba.streams.api.ml.TrainingJobs;
import dev.soba.streams.api.query.InteractiveQueries;
import dev.soba.streams.api.query.QueryResult;
import dev.soba.streams.models.price.Horizon;
import dev.soba.streams.models.price.PriceFeatures;
import dev.soba.streams.models.price.PriceForecast;
import dev.soba.streams.models.price.PriceModel;
import dev.soba.streams.models.price.PriceSeries;
import dev.soba.streams.processors.market.CandleBook;
import dev.soba.streams.processors.market.CandleInterval;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Price models: training jobs on the candles the pipeline holds, the registry, activation. The
 * replaced system's {@code /api/python/ml/...} paths are aliases.
 */
@Path("/api/v1/ml")
@Produces(MediaType.APPLICATION_JSON)
public class MlResource {

    private static final Duration DB_WAIT = Duration.ofSeconds(30);

    private final TrainingJobs jobs;
    private final InteractiveQueries queries;
    private final PriceModels models;

    public MlResource(final TrainingJobs jobs, final InteractiveQueries queries, final PriceModels models) {
        this.jobs = jobs;
        this.queries = queries;
        this.models = models;
    }

    /** The answer to a train request: where to follow the job. */
    public record Accepted(String jobId, String state, String location) {
    }

    /** Which registered model made a forecast. */
    public record ModelRef(long id, String name, int version) {
    }

    /** A forecast computed on request, with the model that made it. */
    public record Forecast(String pair, String venue, String horizon, ModelRef model, String asOf, String targetTime,
                           double close, double predictedClose, double directionProbability, double lower,
                           double upper, double coverage) {
    }

    /** {@code force} of an activation's optional JSON body (numbers in it were checked by the hostile-number guard). */
    private static boolean forceIn(final String body) {
        if (body == null || body.isBlank()) {
            return false;
        }
        final JsonNode node;
        try {
            node = ACTIVATION_READER.readTree(body);
        } catch (final java.io.IOException e) {
            throw ApiException.badRequest("", "the body is not JSON: " + e.getMessage());
        }
        final JsonNode force = node == null ? null : node.get("force");
        if (force == null || force.isNull()) {
            return false;
        }
        if (!force.isBoolean()) {
            throw ApiException.badRequest("force", "force is true or false");
        }
        return force.booleanValue();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper ACTIVATION_READER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** The optional body of an activation: {@code {"force": true}} is the same as {@code ?force=true}. */
    public record ActivationRequest(Boolean force) {
    }

    /** An activation: the model now active and the one it replaced. */
    public record Activated(RegisteredModel model, RegisteredModel previous) {
    }

    /**
     * Starts training a price model on one-minute candles of the pipeline's store:
     * {@code {"pair": "ETH-USDT", "venue": "bybit", "interval": "1m", "horizon": "5m", "from": ..., "to": ...}}
     * (venue default {@code all}, interval default and only value {@code 1m}; times epoch millis or ISO-8601).
     */
    @POST
    @Path("/train")
    @Consumes(MediaType.APPLICATION_JSON)
    @EndpointGroup(Group.WRITE)
    @APIResponse(responseCode = "202", description = "the job is accepted: follow it at location (also the Location header)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    public Response train(final JsonNode body) {
        final Slot slot = Slot.of(body, "{\"pair\", \"horizon\", \"from\", \"to\"}");
        final long from = time(body, "from");
        final long to = time(body, "to");
        if (from >= to) {
            throw ApiException.badRequest("to", "to must be after from");
        }
        final TrainingJobs.Job job = jobs.submit(new TrainingJobs.Request(slot.pair(), slot.venue(), "1m",
                        slot.horizon().label(), from, to),
                this::candles);
        final String location = "/api/v1/ml/jobs/" + job.id();
        return Response.accepted(new Accepted(job.id(), job.state(), location)).header("Location", location).build();
    }

    @GET
    @Path("/jobs/{id}")
    @EndpointGroup(Group.READ)
    public TrainingJobs.Job job(@Parameter(description = "the job id answered by POST /api/v1/ml/train", schema = @Schema(
            type = SchemaType.STRING, pattern = "^[0-9a-fA-F-]{1,64}$")) @PathParam("id") final String id) {
        return jobs.find(id).orElseThrow(() -> ApiException.notFound("no training job " + id + " on this instance"));
    }

    @GET
    @Path("/models")
    @EndpointGroup(Group.READ)
    public List<RegisteredModel> models() {
        return jobs.registry().list().await().atMost(DB_WAIT);
    }

    /**
     * Makes a registered model the active one of its name if its metrics are at least as good as the
     * active model's ({@code force=true} skips that check).
     */
    @POST
    @Path("/models/{id}/activate")
    @EndpointGroup(Group.ADMIN)
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActivationRequest.class)))
    public Activated activate(@Parameter(description = "a registered model's number", schema = @Schema(
                                      type = SchemaType.INTEGER, format = "int64", minimum = "1")) @PathParam("id") final String id,
                              @Parameter(description = "swap even if its metrics are worse than the active model's",
                                      schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("force") final String force,
                              final String body) {
        final long modelId;
        try {
            modelId = Long.parseLong(id);
        } catch (final NumberFormatException e) {
            throw ApiException.badRequest("id", "id is a registered model's number; got " + quoted(id));
        }
        if (force != null && !force.equals("true") && !force.equals("false")) {
            throw ApiException.badRequest("force", "force is true or false; got " + quoted(force));
        }
        final boolean forced = "true".equals(force) || forceIn(body);
        final ModelRegistry.Activation activation = jobs.registry().activate(modelId, forced)
                .await().atMost(DB_WAIT);
        if (activation instanceof ModelRegistry.Activation.Activated done) {
            return new Activated(done.model(), done.previous().orElse(null));
        }
        if (activation instanceof ModelRegistry.Activation.Refused refused) {
            throw new ApiException(Problem.of(409, "Conflict", refused.reason()).withField("metrics." + refused.metric()));
        }
        throw ApiException.notFound("no registered model " + modelId);
    }

    /**
     * A forecast from the candles in the body, by the active model of the pair, venue and horizon:
     * {@code {"pair", "venue", "interval": "1m", "horizon", "candles": [{"open_time", "open", "high", "low",
     * "close", "volume"}, ...]}}, oldest first, at least 61 one-minute candles; the forecast is made at the last.
     */
    @POST
    @Path("/predict")
    @Consumes(MediaType.APPLICATION_JSON)
    @EndpointGroup(Group.READ)
    public Forecast predict(final JsonNode body) {
        final Slot slot = Slot.of(body, "{\"pair\", \"horizon\", \"candles\"}");
        final String pair = slot.pair();
        final String venue = slot.venue();
        final Horizon horizon = slot.horizon();
        final JsonNode candles = body.get("candles");
        if (candles == null || !candles.isArray()) {
            throw ApiException.badRequest("candles", "candles (an array of one-minute candles, oldest first) are required:"
                    + " forecasts from the stream are not served yet");
        }
        final PriceSeries series = PriceRequests.series(pair, candles);
        final PriceModels.Loaded loaded = models.active("price-" + pair + "-" + venue + "-" + horizon.label())
                .orElseThrow(() -> new ApiException(Problem.of(404, "Not Found", "no active " + horizon.label()
                        + " price model for " + pair + " on " + venue + ": train one (POST /api/v1/ml/train) and activate it")
                        .withField("horizon")));
        final int last = series.size() - 1;
        final PriceForecast f = loaded.model().forecast(series, PriceFeatures.compute(series), last);
        return new Forecast(pair, venue, horizon.label(),
                new ModelRef(loaded.registered().id(), loaded.registered().name(), loaded.registered().version()),
                Instant.ofEpochMilli(f.asOf()).toString(), Instant.ofEpochMilli(f.targetTime() + 60_000L).toString(),
                f.close(), f.predictedClose(), f.directionProbability(), f.lower(), f.upper(), PriceModel.COVERAGE);
    }

    /** The pair, venue and horizon a request names (price models read one-minute candles only). */
    private record Slot(String pair, String venue, Horizon horizon) {
        static Slot of(final JsonNode body, final String shape) {
            if (body == null || !body.isObject()) {
                throw ApiException.badRequest("", "a JSON object is required: " + shape);
            }
            final String pair = text(body, "pair");
            if (pair == null || !QueryParams.PAIR.matcher(pair).matches()) {
                throw ApiException.badRequest("pair", "pair is BASE-QUOTE in upper case, e.g. ETH-USDT; got " + quoted(pair));
            }
            final String interval = Optional.ofNullable(text(body, "interval")).orElse("1m");
            if (!interval.equals("1m")) {
                throw ApiException.badRequest("interval", "price models read 1m candles; got " + quoted(interval));
            }
            final String horizonText = text(body, "horizon");
            final Horizon horizon = Horizon.parse(horizonText).orElseThrow(() -> ApiException.badRequest("horizon",
                    "horizon is one of " + Horizon.names() + "; got " + quoted(horizonText)));
            final String venue = Optional.ofNullable(text(body, "venue")).filter(v -> !v.isBlank())
                    .orElse(CandleBook.ALL_VENUES);
            return new Slot(pair, venue, horizon);
        }
    }

    private TrainingJobs.Candles candles(final TrainingJobs.Request request) {
        final QueryResult<List<dev.soba.streams.schemas.market.Candle>> result = queries.candles(request.pair(),
                request.venue(), CandleInterval.ONE_MINUTE, request.from(), request.to());
        if (result instanceof QueryResult.Found<List<dev.soba.streams.schemas.market.Candle>> found) {
            return new TrainingJobs.Candles.Here(found.value().stream().filter(c -> c.closed()).toList());
        }
        if (result instanceof QueryResult.Remote<?> remote) {
            return new TrainingJobs.Candles.Elsewhere("the candles of " + request.pair() + " are kept by the instance at "
                    + remote.owner().host() + ":" + remote.owner().port() + "; send the training request there");
        }
        if (result instanceof QueryResult.Unavailable<?> unavailable) {
            return new TrainingJobs.Candles.Elsewhere("the candle store is not available now (" + unavailable.reason()
                    + "); try again shortly");
        }
        return new TrainingJobs.Candles.Here(List.of());
    }

    private static String text(final JsonNode body, final String field) {
        final JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(field, field + " must be a string");
        }
        return value.asText();
    }

    private static long time(final JsonNode body, final String field) {
        final JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest(field, field + " is required (epoch millis or ISO-8601)");
        }
        return value.canConvertToLong() && value.isIntegralNumber() ? value.asLong() : QueryParams.time(field, value.asText());
    }

    private static String quoted(final String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
