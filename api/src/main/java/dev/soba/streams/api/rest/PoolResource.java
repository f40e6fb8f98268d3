package dev.soba.streams.api.rest;

import dev.soba.streams.api.http.EndpointGroup;
import dev.soba.streams.api.keys.Group;
import dev.soba.streams.api.query.Caller;
import dev.soba.streams.api.query.InteractiveQueries;
import dev.soba.streams.api.query.QueryResponder;
import dev.soba.streams.processors.dex.PairNaming;
import dev.soba.streams.processors.dex.PairOrientation;
import dev.soba.streams.processors.dex.PoolDirectory;
import dev.soba.streams.schemas.market.PoolInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The pool registry (every instance holds it whole). */
@Path("/api/v1/pools")
@Produces(MediaType.APPLICATION_JSON)
@EndpointGroup(Group.READ)
public class PoolResource {

    private final InteractiveQueries queries;
    private final QueryResponder responder;

    public PoolResource(final InteractiveQueries queries, final QueryResponder responder) {
        this.queries = queries;
        this.responder = responder;
    }

    @GET
    @Path("/{address}")
    public Response pool(@PathParam("address") final String address,
                         @Context final HttpHeaders headers, @Context final UriInfo uri) {
        final String normalised = QueryParams.address("address", address);
        return responder.answer(() -> queries.pool(normalised), PoolView::of,
                "pool " + normalised + " is not in the registry (no factory log seen, not imported)", Caller.get(headers, uri));
    }

    /** A registry entry with what it means for candles. */
    public record PoolView(String address, String protocol, String token0, String token1, Integer fee,
                           String token0Symbol, String token1Symbol, Integer token0Decimals, Integer token1Decimals,
                           String source, String pair, boolean resolved, boolean trustedForAggregate) {
        static PoolView of(final PoolInfo pool) {
            return new PoolView(pool.address(), pool.protocol(), pool.token0(), pool.token1(), pool.fee(),
                    pool.token0Symbol(), pool.token1Symbol(), pool.token0Decimals(), pool.token1Decimals(),
                    pool.source(), pool.resolved() ? PairNaming.orient(pool).map(PairOrientation::pair).orElse(null) : null,
                    pool.resolved(), PoolDirectory.trustedForAggregate(pool));
        }
    }
}
