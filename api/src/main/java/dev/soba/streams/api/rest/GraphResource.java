package dev.soba.streams.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.http.EndpointGroup;
import dev.soba.streams.api.keys.Group;
import dev.soba.streams.api.query.Caller;
import dev.soba.streams.api.query.GraphQueries;
import dev.soba.streams.api.query.QueryResponder;
import dev.soba.streams.processors.graph.BehaviourGroups;
import dev.soba.streams.processors.graph.GraphEdge;
import dev.soba.streams.processors.graph.GraphFormats;
import dev.soba.streams.processors.graph.GraphQuery;
import dev.soba.streams.processors.graph.GraphWalk;
import dev.soba.streams.processors.graph.TransactionGraph;
import dev.soba.streams.processors.graph.WalletClusters;
import dev.soba.streams.schemas.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The wallet graph and clusters: {@code POST /analyze-wallet-cluster} applies the clustering
 * heuristics ({@link WalletClusters}) and the behavioural grouping ({@link BehaviourGroups}) to
 * the counterparty stores; {@code GET /transaction-graph} walks the counterparty stores breadth-first
 * (each hop's addresses read on the instances that own them, one request per owner), and
 * {@code POST /address-state} is that per-owner batch read, open to clients as well.
 */
@Path("/api/v1/blockchain")
public class GraphResource {

    static final String GRAPHML = "application/graphml+xml";
    static final String DOT = "text/vnd.graphviz";
    private static final int DEFAULT_DEPTH = 2;
    private static final int MAX_BATCH = 1000;
    private static final String ADDRESS_PATTERN = "^0x[0-9a-fA-F]{40}$";

    private final GraphQueries graph;

    public GraphResource(final GraphQueries graph) {
        this.graph = graph;
    }

    @GET
    @Path("/transaction-graph")
    @Produces({MediaType.APPLICATION_JSON, GRAPHML, DOT})
    @EndpointGroup(Group.READ)
    @APIResponse(responseCode = "200", description = "The graph around address, breadth-first: nodes (with risk scores"
            + " where known) and edges; as JSON, or GraphML or DOT with format",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TransactionGraph.class)),
                @Content(mediaType = GRAPHML, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = DOT, schema = @Schema(type = SchemaType.STRING))})
    public Response transactionGraph(@Parameter(required = true, description = "the address the walk starts from",
                                             schema = @Schema(type = SchemaType.STRING, pattern = ADDRESS_PATTERN))
                                     @QueryParam("address") final String address,
                                     @Parameter(description = "hops from address, default 2", schema = @Schema(
                                             type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "3"))
                                     @QueryParam("depth") final String depth,
                                     @Parameter(description = "at most this many nodes, default 100", schema = @Schema(
                                             type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "1000"))
                                     @QueryParam("limit") final String limit,
                                     @Parameter(description = "only transfers from this block on", schema = @Schema(
                                             type = SchemaType.INTEGER, format = "int64", minimum = "0"))
                                     @QueryParam("from_block") final String fromBlock,
                                     @Parameter(description = "only transfers up to this block", schema = @Schema(
                                             type = SchemaType.INTEGER, format = "int64", minimum = "0"))
                                     @QueryParam("to_block") final String toBlock,
                                     @Parameter(description = "only transfers of this token (its address) or of ETH",
                                             schema = @Schema(type = SchemaType.STRING,
                                                     pattern = "^(0x[0-9a-fA-F]{40}|[Ee][Tt][Hh])$"))
                                     @QueryParam("token") final String token,
                                     @Parameter(description = "the answer's format, default json", schema = @Schema(
                                             type = SchemaType.STRING, enumeration = {"json", "graphml", "dot"}))
                                     @QueryParam("format") final String format,
                                     @Context final HttpHeaders headers, @Context final UriInfo uri) {
        final String root = QueryParams.address("address", address);
        final int hops = depth(depth);
        final int nodes = QueryParams.limit(limit, GraphQuery.DEFAULT_LIMIT, GraphQuery.MAX_LIMIT);
        final long from = fromBlock == null || fromBlock.isBlank() ? 0 : QueryParams.block("from_block", fromBlock);
        final long to = toBlock == null || toBlock.isBlank() ? Long.MAX_VALUE : QueryParams.block("to_block", toBlock);
        if (from > to) {
            throw ApiException.badRequest("to_block", "to_block (" + to + ") is below from_block (" + from + ")");
        }
        final Optional<String> tokenFilter = token == null || token.isBlank() ? Optional.empty()
                : Optional.of(GraphEdge.ETH.equalsIgnoreCase(token.strip()) ? GraphEdge.ETH : QueryParams.address("token", token.strip()));
        final String answerFormat = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
        if (!List.of("json", "graphml", "dot").contains(answerFormat)) {
            throw ApiException.badRequest("format", "format is json, graphml or dot, got '" + format + "'");
        }
        final Caller caller = Caller.get(headers, uri);
        final TransactionGraph answer = new GraphWalk(
                addresses -> graph.counterparties(addresses, caller),
                addresses -> graph.risks(addresses, caller))
                .walk(new GraphQuery(root, hops, nodes, from, to, tokenFilter));
        return switch (answerFormat) {
            case "graphml" -> Response.ok(GraphFormats.graphml(answer), GRAPHML).build();
            case "dot" -> Response.ok(GraphFormats.dot(answer), DOT).build();
            default -> Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    @POST
    @Path("/address-state")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @EndpointGroup(Group.READ)
    @APIResponse(responseCode = "200", description = "The state of each address found (by address), the addresses never"
            + " seen, and (on a forwarded read) those stored on another instance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GraphQueries.LocalPart.class)))
    public GraphQueries.LocalPart addressState(@RequestBody(required = true, description = "which state and for which"
            + " addresses (1 to 1000)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AddressStateRequest.class)))
                                               final JsonNode body, @Context final HttpHeaders headers,
                                               @Context final UriInfo uri) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("", "a JSON object is required: {\"state\": \"counterparties\", \"addresses\": [...]}");
        }
        final GraphQueries.State state = state(body.get("state"));
        final List<String> addresses = addresses(body.get("addresses"), MAX_BATCH);
        if (headers.getHeaderString(QueryResponder.FORWARDED_HEADER) != null) {
            return graph.readLocal(state, addresses);
        }
        // a client's batch: every key answered, wherever it is stored
        final var found = graph.read(state, new LinkedHashSet<>(addresses), Caller.post(headers, uri, Json.write(body)));
        final List<String> absent = addresses.stream().filter(a -> !found.containsKey(a)).toList();
        return new GraphQueries.LocalPart(found, absent, List.of());
    }

    @POST
    @Path("/analyze-wallet-cluster")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @EndpointGroup(Group.READ)
    @APIResponse(responseCode = "200", description = "The clusters of wallets tied by the heuristics (with their evidence"
            + " and highest risk score), the unknown addresses, and the behavioural groups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClusterAnalysis.class)))
    public ClusterAnalysis analyzeWalletCluster(@RequestBody(required = true, description = "the wallets to cluster: an"
            + " address, or 1 to 1000 addresses", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
                    oneOf = {ClusterAddressesRequest.class, ClusterAddressRequest.class})))
                                                final JsonNode body, @Context final HttpHeaders headers,
                                                @Context final UriInfo uri) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("", "a JSON object is required: {\"addresses\": [...]} or {\"address\": \"0x...\"}");
        }
        final List<String> addresses;
        if (body.has("addresses")) {
            addresses = addresses(body.get("addresses"), MAX_BATCH);
        } else {
            final JsonNode single = body.get("address");
            addresses = List.of(QueryParams.address("address", single != null && single.isTextual() ? single.asText() : null));
        }
        final Caller caller = Caller.post(headers, uri, Json.write(body));
        final WalletClusters.Analysis analysis = new WalletClusters(
                batch -> graph.counterparties(batch, caller), WalletClusters.Settings.defaults()).analyse(addresses);
        final Set<String> members = new LinkedHashSet<>();
        analysis.clusters().forEach(c -> members.addAll(c.members()));
        final Map<String, Double> risks = graph.risks(members, caller);
        final List<ClusterAnswer> clusters = analysis.clusters().stream().map(c -> {
            final List<Double> known = c.members().stream().map(risks::get).filter(Objects::nonNull).toList();
            return new ClusterAnswer(c.members(), c.requested(), c.evidence(),
                    known.stream().max(Double::compare).orElse(null), known.size());
        }).toList();
        return new ClusterAnalysis(clusters, analysis.unknown(), analysis.truncated(),
                BehaviourGroups.group(addresses, analysis.states()));
    }

    /** One actor's wallets: why they are tied, and the highest risk score among them (null: none known). */
    public record ClusterAnswer(List<String> members, List<String> requested, List<WalletClusters.Evidence> evidence,
                                Double maxRiskScore, int membersWithRisk) {
    }

    /**
     * The heuristic clusters ("is the same actor"), the addresses never seen, whether the read budget
     * cut the search short, and the behavioural groups ("looks like"), reported apart.
     */
    public record ClusterAnalysis(List<ClusterAnswer> clusters, List<String> unknownAddresses, boolean truncated,
                                  BehaviourGroups.Result behaviouralGroups) {
    }

    /** The request forms, as documented (the bodies are read as trees). */
    @Schema(name = "AddressStateRequest")
    public record AddressStateRequest(@Schema(required = true, enumeration = {"counterparties", "risk"}) String state,
                                      @Schema(required = true, minItems = 1, maxItems = MAX_BATCH,
                                              description = "addresses: 0x and 40 hex digits each") List<String> addresses) {
    }

    @Schema(name = "ClusterAddressesRequest")
    public record ClusterAddressesRequest(@Schema(required = true, minItems = 1, maxItems = MAX_BATCH,
            description = "addresses: 0x and 40 hex digits each") List<String> addresses) {
    }

    @Schema(name = "ClusterAddressRequest")
    public record ClusterAddressRequest(@Schema(required = true, pattern = ADDRESS_PATTERN) String address) {
    }

    private static int depth(final String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_DEPTH;
        }
        final int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (final NumberFormatException e) {
            throw ApiException.badRequest("depth", "depth must be an integer 1.." + GraphQuery.MAX_DEPTH + ", got '" + value + "'");
        }
        if (parsed < 1 || parsed > GraphQuery.MAX_DEPTH) {
            throw ApiException.badRequest("depth", "depth must be between 1 and " + GraphQuery.MAX_DEPTH + ", got " + parsed);
        }
        return parsed;
    }

    private static GraphQueries.State state(final JsonNode value) {
        if (value == null || !value.isTextual()) {
            throw ApiException.badRequest("state", "state is counterparties or risk");
        }
        try {
            return GraphQueries.State.valueOf(value.asText().strip().toUpperCase(Locale.ROOT));
        } catch (final IllegalArgumentException e) {
            throw ApiException.badRequest("state", "state is counterparties or risk, got '" + value.asText() + "'");
        }
    }

    /** 1..max addresses, each validated (the field path names the bad one), lower-cased, de-duplicated. */
    static List<String> addresses(final JsonNode value, final int max) {
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw ApiException.badRequest("addresses", "addresses is a non-empty array of addresses");
        }
        if (value.size() > max) {
            throw ApiException.badRequest("addresses", "at most " + max + " addresses, got " + value.size());
        }
        final List<String> addresses = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            final JsonNode item = value.get(i);
            final String address = QueryParams.address("addresses[" + i + "]", item.isTextual() ? item.asText() : null);
            if (!addresses.contains(address)) {
                addresses.add(address);
            }
        }
        return addresses;
    }
}
