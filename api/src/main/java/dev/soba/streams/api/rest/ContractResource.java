package dev.soba.streams.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.api.cache.ResultCache;
import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.http.EndpointGroup;
import dev.soba.streams.api.keys.Group;
import dev.soba.streams.api.query.Caller;
import dev.soba.streams.api.query.ContractQueries;
import dev.soba.streams.api.query.QueryResponder;
import dev.soba.streams.processors.contracts.Bytecode;
import dev.soba.streams.processors.contracts.ContractAnalyzer;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.contracts.ContractAnalysis;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HexFormat;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.web3j.crypto.Hash;

/**
 * Contract analysis from bytecode (path of the system we replace): {@code {"address": "0x…"}}
 * answers the analysis the stream stored for that contract (from the instance that owns it);
 * {@code {"bytecode": "0x…"}} analyses the code on request, cached in Redis by its code hash
 * ({@link ResultCache}, {@code X-Cache: hit|miss}).
 */
@jakarta.ws.rs.Path("/api/v1/blockchain")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@EndpointGroup(Group.READ)
public class ContractResource {

    static final String CACHE_NAMESPACE = "analyze-contract";

    private final ContractQueries queries;
    private final QueryResponder responder;
    private final ResultCache cache;

    public ContractResource(final ContractQueries queries, final QueryResponder responder, final ResultCache cache) {
        this.queries = queries;
        this.responder = responder;
        this.cache = cache;
    }

    @POST
    @jakarta.ws.rs.Path("/analyze-contract")
    @APIResponse(responseCode = "200", description = "The contract's analysis: functions (selector, arguments,"
            + " state mutability), standards, proxy, compiler and risks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContractAnalysis.class)),
            headers = @Header(name = ResultCache.HEADER, description = "for bytecode: hit when the same code was"
                    + " analysed before (same code hash), miss otherwise; absent for address",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response analyzeContract(@RequestBody(required = true, description = "{\"address\": \"0x…\"} for the analysis the"
            + " stream stored, or {\"bytecode\": \"0x…\"} to analyse that code", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
                            oneOf = {StoredAnalysisRequest.class, BytecodeRequest.class})))
                                    final JsonNode body, @Context final HttpHeaders headers,
            @Context final UriInfo uri) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("", "a JSON object is required: {\"address\": \"0x…\"} or"
                    + " {\"bytecode\": \"0x…\"}");
        }
        if (body.has("bytecode")) {
            final JsonNode hex = body.get("bytecode");
            if (!hex.isTextual()) {
                throw ApiException.badRequest("bytecode", "bytecode is a hex string (0x…)");
            }
            final Bytecode.Parsed parsed = Bytecode.parse(hex.asText(), Bytecode.MAX_REQUEST_BYTES);
            if (parsed instanceof Bytecode.Invalid invalid) {
                throw ApiException.badRequest("bytecode", "bytecode " + invalid.reason());
            }
            final byte[] code = ((Bytecode.Ok) parsed).code();
            final String codeHash = "0x" + HexFormat.of().formatHex(Hash.sha3(code));
            final JsonNode cacheKey = Json.mapper().createObjectNode().put("code_hash", codeHash);
            final ResultCache.Answer answer = cache.answer(CACHE_NAMESPACE, cacheKey,
                    () -> ContractAnalyzer.analyze(null, code));
            return Response.ok(answer.json(), MediaType.APPLICATION_JSON_TYPE)
                    .header(ResultCache.HEADER, answer.outcome().header())
                    .build();
        }
        final JsonNode addressNode = body.get("address");
        if (addressNode == null) {
            throw ApiException.badRequest("", "send {\"address\": \"0x…\"} for a stored analysis or"
                    + " {\"bytecode\": \"0x…\"} to analyse code");
        }
        if (!addressNode.isTextual() || !QueryParams.ADDRESS.matcher(addressNode.asText()).matches()) {
            throw ApiException.badRequest("address", "address is 0x followed by 40 hex digits");
        }
        final String address = addressNode.asText().toLowerCase(Locale.ROOT);
        return responder.answer(() -> queries.analysis(address), analysis -> analysis,
                "no contract " + address + " has been analysed (the contracts topic has not brought it)",
                Caller.post(headers, uri, Json.write(body)));
    }

    /** The request forms, as documented (the body is read as a tree). */
    @Schema(name = "StoredAnalysisRequest")
    public record StoredAnalysisRequest(@Schema(required = true, pattern = "^0x[0-9a-fA-F]{40}$") String address) {
    }

    @Schema(name = "BytecodeRequest")
    public record BytecodeRequest(@Schema(required = true, pattern = "^(0[xX])?([0-9a-fA-F]{2})+$",
            description = "the contract's runtime bytecode as hex, at most 49152 bytes") String bytecode) {
    }
}
