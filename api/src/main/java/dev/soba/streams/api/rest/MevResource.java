package dev.soba.streams.api.rest;

import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.http.EndpointGroup;
import dev.soba.streams.api.keys.Group;
import dev.soba.streams.api.query.Caller;
import dev.soba.streams.api.query.MevQueries;
import dev.soba.streams.api.query.QueryResponder;
import dev.soba.streams.schemas.mev.MevFinding;
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

/**
 * MEV findings from the stream's stores: {@code ?block=N} (the block's current findings, in block
 * order) or {@code ?searcher=ADDRESS} (newest block first, {@code limit} default 100). Exactly one of
 * the two; an empty list when nothing was found (or the block is not analysed yet).
 */
@Path("/api/v1/mev")
@Produces(MediaType.APPLICATION_JSON)
public class MevResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final MevQueries queries;
    private final QueryResponder responder;

    public MevResource(final MevQueries queries, final QueryResponder responder) {
        this.queries = queries;
        this.responder = responder;
    }

    /** The answer for a block. */
    public record BlockFindings(long blockNumber, List<MevFinding> findings) {
    }

    /** The answer for a searcher: newest first. */
    public record SearcherFindings(String searcherAddress, List<MevFinding> findings) {
    }

    @GET
    @EndpointGroup(Group.READ)
    public Response findings(@QueryParam("block") final String block, @QueryParam("searcher") final String searcher,
                             @QueryParam("limit") final String limit,
                             @Context final HttpHeaders headers, @Context final UriInfo uri) {
        final boolean byBlock = block != null && !block.isBlank();
        final boolean bySearcher = searcher != null && !searcher.isBlank();
        if (byBlock == bySearcher) {
            throw ApiException.badRequest(byBlock ? "searcher" : "block",
                    "give exactly one of block (a block number) and searcher (an address)");
        }
        if (byBlock) {
            final long number = QueryParams.block("block", block);
            return responder.answer(() -> queries.byBlock(number), found -> new BlockFindings(number, found),
                    "block " + number + " has no findings", Caller.get(headers, uri));
        }
        final String address = QueryParams.address("searcher", searcher.strip());
        return responder.answer(() -> queries.bySearcher(address, QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT)),
                found -> new SearcherFindings(address, found), "no findings for " + address, Caller.get(headers, uri));
    }
}
