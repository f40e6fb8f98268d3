package dev.soba.streams.api.rest;

import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.http.EndpointGroup;
import dev.soba.streams.api.keys.Group;
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
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * MEV findings from the stream's stores: {@code ?block=N} (the block's current findings, in block
 * order) or {@code ?searcher=ADDRESS} (newest block first, {@code limit} default 100). Exactly one of
 * the two; an empty list when nothing was found (or the block is not analysed yet).
 */
@Path("/api/v1/mev")
@Produces(MediaType.APPLICATION_JSON)
public class MevResource {

    private static final Pattern ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");
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
            final long number = parseBlockNumber(block.strip());
            return responder.answer(queries.byBlock(number), found -> new BlockFindings(number, found),
                    "block " + number + " has no findings", headers, uri);
        }
        if (!ADDRESS.matcher(searcher.strip()).matches()) {
            throw ApiException.badRequest("searcher", "an address is 0x followed by 40 hex digits, got '" + searcher + "'");
        }
        final String address = searcher.strip().toLowerCase(Locale.ROOT);
        return responder.answer(queries.bySearcher(address, parseLimit(limit)),
                found -> new SearcherFindings(address, found), "no findings for " + address, headers, uri);
    }

    private static long parseBlockNumber(final String number) {
        try {
            final long height = Long.parseLong(number);
            if (height < 0) {
                throw ApiException.badRequest("block", "a block number must not be negative, got " + number);
            }
            return height;
        } catch (final NumberFormatException e) {
            throw ApiException.badRequest("block", "a block number is a non-negative integer, got '" + number + "'");
        }
    }

    private static int parseLimit(final String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            final int value = Integer.parseInt(limit.strip());
            if (value < 1 || value > MAX_LIMIT) {
                throw ApiException.badRequest("limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + value);
            }
            return value;
        } catch (final NumberFormatException e) {
            throw ApiException.badRequest("limit", "limit must be an integer, got '" + limit + "'");
        }
    }
}
