package dev.soba.streams.api.rest;

import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.http.EndpointGroup;
import dev.soba.streams.api.keys.Group;
import dev.soba.streams.api.query.Caller;
import dev.soba.streams.api.query.InteractiveQueries;
import dev.soba.streams.api.query.QueryResponder;
import dev.soba.streams.processors.chain.TransactionRef;
import dev.soba.streams.schemas.Block;
import dev.soba.streams.schemas.Transaction;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @APIResponse(responseCode = "200", description = "the block as ethereum-etl writes it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Block.class)))
    public Response block(@Parameter(description = "a block number", schema = @Schema(type = SchemaType.INTEGER,
                                  format = "int64", minimum = "0")) @PathParam("number") final String number,
                          @Context final HttpHeaders headers, @Context final UriInfo uri) {
        final long height = QueryParams.block("number", number);
        return responder.answer(() -> queries.block(height), block -> block,
                "block " + height + " is not known (not yet ingested, or never produced)", Caller.get(headers, uri));
    }

    @GET
    @Path("/transactions/{hash}")
    @EndpointGroup(Group.READ)
    @APIResponse(responseCode = "200", description = "the transaction as ethereum-etl writes it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Transaction.class)))
    public Response transaction(@Parameter(description = "a transaction hash", schema = @Schema(type = SchemaType.STRING,
                                        pattern = "^0x[0-9a-fA-F]{64}$")) @PathParam("hash") final String hash,
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
    @APIResponse(responseCode = "200", description = "the address's transactions, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AddressTransactions.class)))
    public Response addressTransactions(@Parameter(description = "an address: 0x and 40 hex digits", schema = @Schema(
                                                type = SchemaType.STRING, pattern = "^0x[0-9a-fA-F]{40}$"))
                                        @PathParam("address") final String address,
                                        @Parameter(description = "how many, default 20", schema = @Schema(type = SchemaType.INTEGER,
                                                format = "int32", minimum = "1", maximum = "1000"))
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
