package dev.soba.streams.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.http.EndpointGroup;
import dev.soba.streams.api.keys.Group;
import dev.soba.streams.api.query.Caller;
import dev.soba.streams.api.query.FraudQueries;
import dev.soba.streams.api.query.InteractiveQueries;
import dev.soba.streams.api.query.QueryResponder;
import dev.soba.streams.models.fraud.WalletEvent;
import dev.soba.streams.processors.fraud.FraudModels;
import dev.soba.streams.processors.fraud.TransactionRisk;
import dev.soba.streams.processors.fraud.WalletRisk;
import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.ItemParser;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.Transaction;
import dev.soba.streams.schemas.Validated;
import dev.soba.streams.schemas.Violation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Fraud risk on request (path of the system we replace): an address's current score from the
 * {@code wallet-risk} store (forwarded to the instance owning the address), or the risk of a
 * transaction — stored ({@code transaction_hash}, forwarded to the instance owning the hash) or given
 * in ethereum-etl's format ({@code transaction}). An address the pipeline has not seen is answered as
 * such ({@code seen: false}, no score), never as low risk.
 */
@Path("/api/v1/fraud")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@EndpointGroup(Group.READ)
public class FraudResource {

    private static final Pattern HASH = Pattern.compile("^0x[0-9a-fA-F]{64}$");

    private final FraudQueries fraud;
    private final InteractiveQueries queries;
    private final QueryResponder responder;
    private final FraudModels models;

    public FraudResource(final FraudQueries fraud, final InteractiveQueries queries, final QueryResponder responder,
                         final FraudModels models) {
        this.fraud = fraud;
        this.queries = queries;
        this.responder = responder;
        this.models = models;
    }

    /** The answer: a score 0–1 (null when unscored), its level, its reasons, the model, how fresh the features are. */
    public record Assessment(String address, String transactionHash, boolean seen, Double riskScore, String riskLevel,
                             List<WalletRisk.Reason> reasons, ModelInfo model, Long featuresAsOfBlock) {
    }

    /** Which model scored (name, version, SHA-256 of the file it was trained on). */
    public record ModelInfo(String name, String version, String trainedOn) {
        static ModelInfo of(final WalletRisk.ModelRef ref) {
            return ref == null ? null : new ModelInfo(ref.name(), ref.version(), ref.trainedOnSha256());
        }
    }

    @POST
    @Path("/assess-risk")
    @APIResponse(responseCode = "200", description = "the risk of the address or transaction: score 0–1 (null when"
            + " not seen or not scored yet), level, reasons, the model that scored, how fresh the features are",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Assessment.class)))
    public Response assessRisk(final JsonNode body, @Context final HttpHeaders headers, @Context final UriInfo uri) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("", "a JSON object is required: {\"address\": \"0x…\"}, {\"transaction_hash\": \"0x…\"}"
                    + " or {\"transaction\": {…ethereum-etl transaction…}}");
        }
        final Caller caller = Caller.post(headers, uri, Json.write(body));
        if (body.has("address")) {
            final String address = QueryParams.address("address", body.get("address").isTextual() ? body.get("address").asText() : null);
            return responder.answer(() -> fraud.wallet(address), this::addressAssessment, "address " + address + " is unknown", caller);
        }
        if (body.has("transaction_hash")) {
            final JsonNode hash = body.get("transaction_hash");
            if (!hash.isTextual() || !HASH.matcher(hash.asText()).matches()) {
                throw ApiException.badRequest("transaction_hash", "transaction_hash is 0x followed by 64 hex digits");
            }
            final String normalised = hash.asText().toLowerCase(Locale.ROOT);
            return responder.answer(() -> queries.transaction(normalised), this::transactionAssessment,
                    "transaction " + normalised + " is not known to the pipeline", caller);
        }
        if (body.has("transaction")) {
            return Response.ok(transactionAssessment(transaction(body.get("transaction"))), MediaType.APPLICATION_JSON_TYPE).build();
        }
        throw ApiException.badRequest("address", "give one of address, transaction_hash or transaction");
    }

    private Assessment addressAssessment(final FraudQueries.Wallet wallet) {
        if (!wallet.seen()) {
            return new Assessment(wallet.address(), null, false, null, "unknown",
                    List.of(new WalletRisk.Reason("NOT_SEEN", "the pipeline has not seen a transfer of this address", 0)), currentModel(), null);
        }
        final WalletRisk risk = wallet.risk();
        if (risk == null) {
            return new Assessment(wallet.address(), null, true, null, "pending",
                    List.of(new WalletRisk.Reason("NOT_SCORED_YET", "seen, to be scored within a second", 0)), currentModel(),
                    wallet.state().lastBlock());
        }
        return new Assessment(wallet.address(), null, true, risk.score(), risk.level(), risk.reasons(),
                risk.model() == null ? currentModel() : ModelInfo.of(risk.model()), risk.featuresAsOfBlock());
    }

    private Assessment transactionAssessment(final Transaction tx) {
        final List<WalletEvent> events = WalletEvent.of(tx);
        final WalletEvent sent = events.get(0);
        final TransactionRisk.Side sender = side(sent.address());
        final TransactionRisk.Side recipient = sent.kind() == WalletEvent.Kind.CREATED_CONTRACT ? null : side(sent.counterparty());
        final TransactionRisk.Assessment assessment = TransactionRisk.assess(sent, sender, recipient);
        final double score = assessment.score();
        return new Assessment(null, tx.hash() == null ? null : tx.hash().toLowerCase(Locale.ROOT), true, score,
                WalletRisk.level(score, 0.5), assessment.reasons(),
                assessment.model() == null ? currentModel() : ModelInfo.of(assessment.model()),
                assessment.featuresAsOfBlock() == 0 ? null : assessment.featuresAsOfBlock());
    }

    private TransactionRisk.Side side(final String address) {
        final Optional<FraudQueries.Wallet> local = fraud.localWallet(address);
        return new TransactionRisk.Side(address, local.isPresent(), local.map(FraudQueries.Wallet::risk).orElse(null),
                local.map(FraudQueries.Wallet::state).orElse(null), fraud.label(address).orElse(null));
    }

    private ModelInfo currentModel() {
        return models.current().map(m -> new ModelInfo(m.card().name(), m.card().version(), m.card().trainedOnSha256())).orElse(null);
    }

    /** The body's transaction, checked against ethereum-etl's contract; a violation is a 400 naming its field. */
    private static Transaction transaction(final JsonNode node) {
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("transaction", "transaction is an ethereum-etl transaction object");
        }
        final Validated<Item> parsed = ItemParser.parse(node, Optional.of(ItemType.TRANSACTION));
        if (parsed instanceof Validated.Invalid<Item> invalid) {
            final Violation first = invalid.first();
            throw ApiException.badRequest(first.field().isEmpty() ? "transaction" : "transaction." + first.field(), first.reason());
        }
        if (((Validated.Valid<Item>) parsed).value() instanceof Transaction tx) {
            return tx;
        }
        throw ApiException.badRequest("transaction.type", "transaction must be of type transaction");
    }
}
