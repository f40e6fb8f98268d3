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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @APIResponse(responseCode = "200", description = "the registry entry of the pool",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PoolView.class)))
    public Response pool(@Parameter(description = "the pool address: 0x and 40 hex digits", schema = @Schema(
                                 type = SchemaType.STRING, pattern = "^0x[0-9a-fA-F]{40}$")) @PathParam("address") final String address,
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
