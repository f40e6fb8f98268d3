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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @APIResponse(responseCode = "200", description = "the findings of the block, or of the searcher (newest first)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
                    oneOf = {BlockFindings.class, SearcherFindings.class})))
    public Response findings(@Parameter(description = "a block number (or give searcher)", schema = @Schema(
                                     type = SchemaType.INTEGER, format = "int64", minimum = "0"))
                             @QueryParam("block") final String block,
                             @Parameter(description = "a searcher address (or give block)", schema = @Schema(type = SchemaType.STRING,
                                     pattern = "^0x[0-9a-fA-F]{40}$")) @QueryParam("searcher") final String searcher,
                             @Parameter(description = "how many, default 100", schema = @Schema(type = SchemaType.INTEGER,
                                     format = "int32", minimum = "1", maximum = "1000")) @QueryParam("limit") final String limit,
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
