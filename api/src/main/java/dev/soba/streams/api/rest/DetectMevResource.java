package dev.soba.streams.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.api.cache.ResultCache;
import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.http.EndpointGroup;
import dev.soba.streams.api.keys.Group;
import dev.soba.streams.api.query.Caller;
import dev.soba.streams.api.query.MevQueries;
import dev.soba.streams.api.query.QueryResponder;
import dev.soba.streams.processors.mev.BlockAnalysis;
import dev.soba.streams.processors.mev.BlockInputs;
import dev.soba.streams.processors.mev.MevInspector;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.mev.BlockFile;
import dev.soba.streams.schemas.mev.BlockFileException;
import dev.soba.streams.schemas.mev.BlockFiles;
import dev.soba.streams.schemas.mev.MevFinding;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * MEV detection on request (name from the system we replace): a block in the body — mev-inspect's
 * Parity format (an object with {@code traces} and {@code receipts}) or ethereum-etl items
 * ({@code {"items": [...]}} or a bare array) — is analysed at once, with the stream's own
 * detectors; {@code {"block_number": N}} answers the findings the stream has stored for block N.
 * Analyses are cached by the body's content ({@link ResultCache}, {@code X-Cache: hit|miss}); the
 * stored findings, which change as the stream runs, are not.
 */
@jakarta.ws.rs.Path("/api/v1/blockchain")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@EndpointGroup(Group.READ)
public class DetectMevResource {

    private static final Path BODY_NAME = Path.of("request body");

    static final String CACHE_NAMESPACE = "detect-mev";

    private final MevQueries queries;
    private final QueryResponder responder;
    private final ResultCache cache;

    public DetectMevResource(final MevQueries queries, final QueryResponder responder, final ResultCache cache) {
        this.queries = queries;
        this.responder = responder;
        this.cache = cache;
    }

    @POST
    @jakarta.ws.rs.Path("/detect-mev")
    @APIResponse(responseCode = "200", description = "The analysed blocks, or the stored findings of block_number",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
                    oneOf = {Detection.class, MevResource.BlockFindings.class})),
            headers = @Header(name = ResultCache.HEADER, description = "hit when an identical block body was analysed"
                    + " before and the answer comes from the cache, miss otherwise; absent for block_number",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response detectMev(@RequestBody(required = true, description = "a block: mev-inspect's Parity format (traces and"
            + " receipts) or ethereum-etl items ({\"items\": [...]}); or {\"block_number\": N} for the stored findings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
                    oneOf = {StoredFindingsRequest.class, EtlBlockRequest.class, ParityBlockRequest.class})))
                              final JsonNode body, @Context final HttpHeaders headers, @Context final UriInfo uri) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ApiException.badRequest("", "a JSON body is required: a block (Parity traces + receipts, or "
                    + "ethereum-etl items) or {\"block_number\": N}");
        }
        if (body.isObject() && body.has("block_number") && !body.has("traces")) {
            final JsonNode number = body.get("block_number");
            // an integral JSON number only: 1.5 is not block 1, "1" is not a number
            if (!number.isIntegralNumber() || !number.canConvertToLong() || number.asLong() < 0) {
                throw ApiException.badRequest("block_number", "block_number is a non-negative integer, got "
                        + (number.isTextual() ? "a string" : number.toString()));
            }
            final long block = number.asLong();
            return responder.answer(() -> queries.byBlock(block), found -> new MevResource.BlockFindings(block, found),
                    "block " + block + " has no findings", Caller.post(headers, uri, Json.write(body)));
        }
        // a pure function of the body: the same block gets the same answer, so it is cached by content
        // (looked up before parsing: only a body that was parsed and analysed before can be a hit)
        final ResultCache.Answer answer = cache.answer(CACHE_NAMESPACE, body, () -> detect(blockBytes(body)));
        return Response.ok(answer.json(), MediaType.APPLICATION_JSON_TYPE)
                .header(ResultCache.HEADER, answer.outcome().header())
                .build();
    }

    private static Detection detect(final byte[] blockBytes) {
        final List<BlockFile> blocks;
        try {
            blocks = BlockFiles.read(BODY_NAME, blockBytes);
        } catch (final BlockFileException e) {
            throw ApiException.badRequest("", e.getMessage());
        }
        final List<Analysis> analyses = new ArrayList<>();
        for (final BlockFile block : blocks) {
            final BlockAnalysis analysis = MevInspector.standard().inspect(BlockInputs.of(block));
            analyses.add(new Analysis(analysis.blockNumber(), analysis.evidence().name().toLowerCase(),
                    analysis.swaps().size(), analysis.findings()));
        }
        return new Detection(analyses);
    }

    /** The body as the block file formats read it: a Parity block as it is, ethereum-etl items as JSON lines. */
    private static byte[] blockBytes(final JsonNode body) {
        final JsonNode items = body.isArray() ? body : body.get("items");
        if (body.isObject() && body.has("traces")) {
            return Json.write(body);
        }
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw ApiException.badRequest("items", "send a Parity block (an object with traces and receipts), "
                    + "ethereum-etl items ({\"items\": [...]}), or {\"block_number\": N}");
        }
        final StringBuilder lines = new StringBuilder();
        items.forEach(item -> lines.append(new String(Json.write(item), StandardCharsets.UTF_8)).append('\n'));
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One analysed block: from traces or logs, how many swaps were classified, and what was found. */
    public record Analysis(long blockNumber, String evidence, int swapCount, List<MevFinding> findings) {
    }

    public record Detection(List<Analysis> blocks) {
    }

    /** The request forms, as documented (the body is read as a tree). */
    @Schema(name = "StoredFindingsRequest")
    public record StoredFindingsRequest(@Schema(required = true, minimum = "0", format = "int64") long blockNumber) {
    }

    @Schema(name = "EtlBlockRequest")
    public record EtlBlockRequest(@Schema(required = true, description = "ethereum-etl items of one or more blocks",
            minItems = 1) List<Object> items) {
    }

    @Schema(name = "ParityBlockRequest", description = "a block file of mev-inspect-py")
    public record ParityBlockRequest(@Schema(required = true, minimum = "0") long blockNumber,
                                     @Schema(required = true) List<Object> traces,
                                     @Schema(required = true) List<Object> receipts) {
    }
}
