package dev.soba.streams.api.rest;

import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.http.EndpointGroup;
import dev.soba.streams.api.keys.Group;
import dev.soba.streams.api.pipeline.SobaConfig;
import dev.soba.streams.api.query.Caller;
import dev.soba.streams.api.query.InteractiveQueries;
import dev.soba.streams.api.query.QueryResponder;
import dev.soba.streams.processors.market.CandleBook;
import dev.soba.streams.processors.market.CandleInterval;
import dev.soba.streams.schemas.market.Candle;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Candles of a pair over a time range (name from the system we replace). Its own root path: JAX-RS
 * chooses the resource class by path before the method, so it cannot share {@code /api/v1/data}
 * with {@link DataResource}.
 */
@Path("/api/v1/data/aggregate-market-data")
@Produces(MediaType.APPLICATION_JSON)
@EndpointGroup(Group.READ)
public class CandleResource {

    static final int MAX_CANDLES = 5000;
    static final int DEFAULT_CANDLES = 100;
    private static final String TIME = "a window start: epoch millis (0 to 253402300799999) or ISO-8601 UTC";
    private static final String TIME_PATTERN = "^([0-9]{1,15}|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z)$";

    private final InteractiveQueries queries;
    private final QueryResponder responder;
    private final List<CandleInterval> intervals;

    public CandleResource(final InteractiveQueries queries, final QueryResponder responder, final SobaConfig config) {
        this.queries = queries;
        this.responder = responder;
        this.intervals = config.pipelineConfig().market().intervals();
    }

    /**
     * @param venue an exchange, a pool address, or {@code all} (default): the cross-venue candle
     * @param from  window start at or after (epoch millis or ISO-8601); default: 100 intervals before {@code to}
     * @param to    window start at or before; default: now
     */
    @GET
    @APIResponse(responseCode = "200", description = "the candles of the window, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandleSeries.class)))
    public Response candles(@Parameter(required = true, description = "BASE-QUOTE in upper case", example = "ETH-USDT",
                                    schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z0-9]+-[A-Z0-9]+$"))
                            @QueryParam("pair") final String pair,
                            @Parameter(required = true, description = "a candle interval of soba.market.candle-intervals"
                                    + " (by default 1m, 5m, 1h, 1d)",
                                    schema = @Schema(type = SchemaType.STRING, enumeration = {"1m", "5m", "1h", "1d"}))
                            @QueryParam("interval") final String interval,
                            @Parameter(description = TIME, schema = @Schema(type = SchemaType.STRING, pattern = TIME_PATTERN))
                            @QueryParam("from") final String from,
                            @Parameter(description = TIME, schema = @Schema(type = SchemaType.STRING, pattern = TIME_PATTERN))
                            @QueryParam("to") final String to,
                            @Parameter(description = "all (default), a pool address or an exchange name", schema = @Schema(
                                    type = SchemaType.STRING, pattern = "^(0x[0-9a-fA-F]{40}|[A-Za-z0-9][A-Za-z0-9._-]{0,63})$"))
                            @QueryParam("venue") final String venue,
                            @Context final HttpHeaders headers, @Context final UriInfo uri) {
        if (pair == null || !QueryParams.PAIR.matcher(pair).matches()) {
            throw ApiException.badRequest("pair", "pair is BASE-QUOTE in upper case, e.g. ETH-USDT or WETH-USDC; got "
                    + (pair == null ? "nothing" : "'" + pair + "'"));
        }
        final CandleInterval window = interval(interval);
        final long end = to == null || to.isBlank() ? System.currentTimeMillis() : QueryParams.time("to", to);
        final long start = from == null || from.isBlank()
                ? end - DEFAULT_CANDLES * window.millis() : QueryParams.time("from", from);
        if (start > end) {
            throw ApiException.badRequest("from", "from must not be after to");
        }
        // counted in windows, not in millis: end - start overflows a long for far-apart bounds
        if (Math.floorDiv(end, window.millis()) - Math.floorDiv(start, window.millis()) >= MAX_CANDLES) {
            throw ApiException.badRequest("from", "at most " + MAX_CANDLES + " " + window.name()
                    + " candles per request: narrow from/to or use a longer interval");
        }
        final String place = QueryParams.venue(venue, CandleBook.ALL_VENUES);
        return responder.answer(() -> queries.candles(pair, place, window, start, end),
                candles -> new CandleSeries(pair, place, window.name(), start, end, candles),
                "no candles for " + pair, Caller.get(headers, uri));
    }

    private CandleInterval interval(final String name) {
        final String configured = intervals.stream().map(CandleInterval::name).collect(Collectors.joining(", "));
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("interval", "interval is required: one of " + configured);
        }
        try {
            final CandleInterval parsed = CandleInterval.parse(name);
            if (intervals.contains(parsed)) {
                return parsed;
            }
        } catch (final IllegalArgumentException e) {
            // answered below with the configured list
        }
        throw ApiException.badRequest("interval", "interval must be one of " + configured + ", got '" + name + "'");
    }

    /** The window asked for and the candles in it, oldest first; live ones have closed=false. */
    public record CandleSeries(String pair, String venue, String interval, long from, long to, List<Candle> candles) {
    }
}
