package dev.soba.streams.api.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.pipeline.SobaConfig;
import dev.soba.streams.processors.graph.Counterparties;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.topology.StoreNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Reads many addresses' state at once, wherever each is stored: this instance's partitions
 * directly, every other owner's keys in one request to that owner
 * ({@code POST /api/v1/blockchain/address-state}, answered from its local partitions only). One
 * hop of the transaction graph or one cluster analysis is a few such batches, not a request per
 * address. Keys whose owner is moving are asked again within the retry budget, then 503.
 */
@ApplicationScoped
public class GraphQueries {

    /** The batch endpoint peers answer from their own partitions. */
    public static final String STATE_PATH = "/api/v1/blockchain/address-state";
    /**
     * The fraud capability's per-address risk store (lower-case address → a score, or an object
     * with {@code risk_score}/{@code score}); optional: without it every risk is unknown.
     */
    public static final String RISK_STORE = "wallet-risk";
    private static final long FIRST_BACKOFF_MS = 50;
    private static final long MAX_BACKOFF_MS = 500;

    /** Which state of an address to read. */
    public enum State {
        COUNTERPARTIES(StoreNames.COUNTERPARTIES),
        RISK(RISK_STORE);

        private final String store;

        State(final String store) {
            this.store = store;
        }

        public String store() {
            return store;
        }
    }

    /**
     * This instance's part of a batch: values found (the stores' own objects, written as JSON), keys
     * owned here but absent, keys owned elsewhere or moving.
     */
    public record LocalPart(Map<String, Object> found, List<String> absent, List<String> elsewhere) {
    }

    /** A {@link LocalPart} as the asking instance reads it. */
    record PeerPart(Map<String, JsonNode> found, List<String> absent, List<String> elsewhere) {
    }

    private final InteractiveQueries queries;
    private final QueryResponder responder;
    private final Duration retryBudget;

    public GraphQueries(final InteractiveQueries queries, final QueryResponder responder, final SobaConfig config) {
        this.queries = queries;
        this.responder = responder;
        this.retryBudget = config.query().retryBudget();
    }

    /** Counterparties of each address that has any (absent: never seen). */
    public Map<String, Counterparties> counterparties(final Set<String> addresses, final Caller caller) {
        final Map<String, Counterparties> states = new HashMap<>();
        // read here: the store's own object; from a peer: its JSON
        read(State.COUNTERPARTIES, addresses, caller).forEach((address, value) -> states.put(address,
                value instanceof Counterparties local ? local : toCounterparties((JsonNode) value)));
        return states;
    }

    /** Risk score of each address the fraud store knows; empty when there is no such store. */
    public Map<String, Double> risks(final Set<String> addresses, final Caller caller) {
        if (!hasStore(RISK_STORE)) {
            return Map.of();
        }
        final Map<String, Double> scores = new HashMap<>();
        read(State.RISK, addresses, caller).forEach((address, value) -> score(value instanceof JsonNode json
                ? json : Json.mapper().valueToTree(value)).ifPresent(s -> scores.put(address, s)));
        return scores;
    }

    /** Whether any instance of the application has the store (the topology has it). */
    public boolean hasStore(final String store) {
        final Collection<StreamsMetadata> all = queries.instances();
        return all.stream().anyMatch(instance -> instance.stateStoreNames().contains(store));
    }

    /**
     * Every address's value wherever stored (the store's object when read here, its JSON when read
     * on a peer); absent when the store has none.
     */
    public Map<String, Object> read(final State state, final Set<String> addresses, final Caller caller) {
        final Map<String, Object> found = new LinkedHashMap<>();
        Set<String> pending = new LinkedHashSet<>(addresses);
        final long deadline = System.nanoTime() + retryBudget.toNanos();
        long backoff = FIRST_BACKOFF_MS;
        String reason = "";
        while (true) {
            final Map<HostInfo, List<String>> remote = new LinkedHashMap<>();
            final Set<String> retry = new LinkedHashSet<>();
            for (final String address : pending) {
                final QueryResult<Object> result = local(state, address);
                if (result instanceof QueryResult.Found<Object> value) {
                    found.put(address, value.value());
                } else if (result instanceof QueryResult.Remote<Object> owner) {
                    remote.computeIfAbsent(owner.owner(), host -> new ArrayList<>()).add(address);
                } else if (result instanceof QueryResult.Unavailable<Object> unavailable) {
                    retry.add(address);
                    reason = unavailable.reason();
                }
            }
            for (final Map.Entry<HostInfo, List<String>> owner : remote.entrySet()) {
                if (caller.headers().getHeaderString(QueryResponder.FORWARDED) != null) {
                    retry.addAll(owner.getValue());
                    reason = "ownership of these keys is moving between instances";
                    continue;
                }
                final Optional<PeerPart> part = askOwner(owner.getKey(), state, owner.getValue(), caller);
                if (part.isEmpty()) {
                    retry.addAll(owner.getValue());
                    reason = "the instance owning these keys (" + owner.getKey() + ") did not answer";
                } else {
                    found.putAll(part.get().found());
                    retry.addAll(part.get().elsewhere());
                }
            }
            if (retry.isEmpty()) {
                return found;
            }
            if (System.nanoTime() + backoff * 1_000_000L > deadline) {
                throw ApiException.unavailable(reason, 1);
            }
            sleep(backoff);
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            pending = retry;
        }
    }

    /** The part of a batch this instance holds (what a peer asks with {@link #STATE_PATH}). */
    public LocalPart readLocal(final State state, final List<String> addresses) {
        final Map<String, Object> found = new LinkedHashMap<>();
        final List<String> absent = new ArrayList<>();
        final List<String> elsewhere = new ArrayList<>();
        final boolean storeExists = state != State.RISK || hasStore(RISK_STORE);
        for (final String address : addresses) {
            if (!storeExists) {
                absent.add(address);
                continue;
            }
            final QueryResult<Object> result = local(state, address);
            if (result instanceof QueryResult.Found<Object> value) {
                found.put(address, value.value());
            } else if (result instanceof QueryResult.NotFound<Object>) {
                absent.add(address);
            } else {
                elsewhere.add(address);
            }
        }
        return new LocalPart(found, absent, elsewhere);
    }

    private QueryResult<Object> local(final State state, final String address) {
        return queries.query(state.store(), address, partition -> Optional
                .ofNullable(queries.<Object>local(state.store(), partition).get(address)));
    }

    private Optional<PeerPart> askOwner(final HostInfo owner, final State state, final List<String> addresses,
                                         final Caller caller) {
        final ObjectNode body = Json.mapper().createObjectNode();
        body.put("state", state.name().toLowerCase());
        addresses.forEach(body.putArray("addresses")::add);
        final Optional<QueryResponder.PeerAnswer> answer = responder.ask(owner, STATE_PATH, Json.write(body), caller);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        if (answer.get().status() != 200) {
            throw ApiException.unavailable("the instance owning these keys (" + owner + ") answered "
                    + answer.get().status(), 1);
        }
        try {
            return Optional.of(Json.mapper().readValue(answer.get().body(), PeerPart.class));
        } catch (final IOException e) {
            throw ApiException.unavailable("the instance owning these keys (" + owner + ") answered unreadably: "
                    + e.getMessage(), 1);
        }
    }

    private static Counterparties toCounterparties(final JsonNode json) {
        try {
            return Json.mapper().treeToValue(json, Counterparties.class);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("counterparty state unreadable: " + e.getMessage(), e);
        }
    }

    /** A bare number, or the first numeric of {@code risk_score}, {@code score}, {@code risk}. */
    static Optional<Double> score(final JsonNode json) {
        if (json == null) {
            return Optional.empty();
        }
        if (json.isNumber()) {
            return Optional.of(json.asDouble());
        }
        for (final String field : new String[] {"risk_score", "score", "risk"}) {
            final JsonNode value = json.get(field);
            if (value != null && value.isNumber()) {
                return Optional.of(value.asDouble());
            }
        }
        return Optional.empty();
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted while waiting for a rebalance", 1);
        }
    }
}
