package dev.soba.streams.api.rest;

import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.http.EndpointGroup;
import dev.soba.streams.api.keys.Group;
import dev.soba.streams.api.query.Caller;
import dev.soba.streams.api.query.InteractiveQueries;
import dev.soba.streams.api.query.QueryResponder;
import dev.soba.streams.schemas.market.Swap;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Decoded swaps of a pool by block range. */
@Path("/api/v1/dex")
@Produces(MediaType.APPLICATION_JSON)
@EndpointGroup(Group.READ)
public class DexResource {

    static final long MAX_BLOCK_RANGE = 100_000;
    static final int MAX_SWAPS = 10_000;

    private final InteractiveQueries queries;
    private final QueryResponder responder;

    public DexResource(final InteractiveQueries queries, final QueryResponder responder) {
        this.queries = queries;
        this.responder = responder;
    }

    @GET
    @Path("/swaps")
    @APIResponse(responseCode = "200", description = "the pool's swaps in chain order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SwapList.class)))
    public Response swaps(@Parameter(required = true, description = "the pool address", schema = @Schema(type = SchemaType.STRING,
                                  pattern = "^0x[0-9a-fA-F]{40}$")) @QueryParam("pool") final String pool,
                          @Parameter(required = true, description = "first block", schema = @Schema(type = SchemaType.INTEGER,
                                  format = "int64", minimum = "0")) @QueryParam("from_block") final String fromBlock,
                          @Parameter(description = "last block (default from_block)", schema = @Schema(type = SchemaType.INTEGER,
                                  format = "int64", minimum = "0")) @QueryParam("to_block") final String toBlock,
                          @Parameter(description = "how many swaps, default 1000", schema = @Schema(type = SchemaType.INTEGER,
                                  format = "int32", minimum = "1")) @QueryParam("limit") final String limit,
                          @Context final HttpHeaders headers, @Context final UriInfo uri) {
        final String address = QueryParams.address("pool", pool);
        final long first = QueryParams.block("from_block", fromBlock);
        final long last = toBlock == null || toBlock.isBlank() ? first : QueryParams.block("to_block", toBlock);
        if (last < first) {
            throw ApiException.badRequest("to_block", "to_block must not be below from_block");
        }
        if (last - first >= MAX_BLOCK_RANGE) {
            throw ApiException.badRequest("to_block", "at most " + MAX_BLOCK_RANGE + " blocks per request");
        }
        final int count = QueryParams.limit(limit, 1000, MAX_SWAPS);
        return responder.answer(() -> queries.swaps(address, first, last, count),
                swaps -> new SwapList(address, first, last, swaps),
                "no swaps for pool " + address, Caller.get(headers, uri));
    }

    /** Swaps in chain order (block, log index). */
    public record SwapList(String pool, long fromBlock, long toBlock, List<Swap> swaps) {
    }
}
