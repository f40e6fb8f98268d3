package dev.soba.streams.api.rest;

import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.http.EndpointGroup;
import dev.soba.streams.api.keys.Group;
import dev.soba.streams.api.query.Caller;
import dev.soba.streams.api.query.InteractiveQueries;
import dev.soba.streams.api.query.QueryResponder;
import dev.soba.streams.processors.chain.TransactionRef;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

/** Blocks, transactions and address histories, answered from the pipeline's state stores. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ChainResource {

    private static final Pattern HASH = Pattern.compile("^0x[0-9a-fA-F]{64}$");
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 1000;

    private final InteractiveQueries queries;
    private final QueryResponder responder;

    public ChainResource(final InteractiveQueries queries, final QueryResponder responder) {
        this.queries = queries;
        this.responder = responder;
    }

    @GET
    @Path("/blocks/{number}")
    @EndpointGroup(Group.READ)
    public Response block(@PathParam("number") final String number,
                          @Context final HttpHeaders headers, @Context final UriInfo uri) {
        final long height = QueryParams.block("number", number);
        return responder.answer(() -> queries.block(height), block -> block,
                "block " + height + " is not known (not yet ingested, or never produced)", Caller.get(headers, uri));
    }

    @GET
    @Path("/transactions/{hash}")
    @EndpointGroup(Group.READ)
    public Response transaction(@PathParam("hash") final String hash,
                                @Context final HttpHeaders headers, @Context final UriInfo uri) {
        if (!HASH.matcher(hash).matches()) {
            throw ApiException.badRequest("hash", "a transaction hash is 0x followed by 64 hex digits, got '" + hash + "'");
        }
        final String normalised = hash.toLowerCase(Locale.ROOT);
        return responder.answer(() -> queries.transaction(normalised), tx -> tx,
                "transaction " + normalised + " is not known", Caller.get(headers, uri));
    }

    @GET
    @Path("/addresses/{address}/transactions")
    @EndpointGroup(Group.READ)
    public Response addressTransactions(@PathParam("address") final String address,
                                        @QueryParam("limit") final String limit,
                                        @Context final HttpHeaders headers, @Context final UriInfo uri) {
        final String normalised = QueryParams.address("address", address);
        final int count = QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        return responder.answer(() -> queries.addressHistory(normalised),
                history -> new AddressTransactions(normalised, history.newest(count)),
                "no transactions known for address " + normalised, Caller.get(headers, uri));
    }

    /** The answer of the address endpoint: newest first. */
    public record AddressTransactions(String address, List<TransactionRef> transactions) {
    }
}
