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
    public Response swaps(@QueryParam("pool") final String pool,
                          @QueryParam("from_block") final String fromBlock,
                          @QueryParam("to_block") final String toBlock,
                          @QueryParam("limit") final String limit,
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
