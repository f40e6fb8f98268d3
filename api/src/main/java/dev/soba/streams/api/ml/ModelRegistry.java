package dev.soba.streams.api.ml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.soba.streams.schemas.Json;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model registry in PostgreSQL, for every kind of model (price forecasters, fraud scorers):
 * versions with their training data's hash and range, parameters, metrics, the model bytes and a
 * state. At most one model per name is active (a partial unique index says so to the database
 * itself); activation locks the name's rows, so two activations racing each other are applied one
 * after the other, each judged against the model active at its turn.
 */
public final class ModelRegistry {

    public static final List<String> KINDS = List.of("price", "fraud");
    private static final String COLUMNS =
            "id, name, kind, version, created_at, data_sha256, data_from, data_to, parameters, metrics, state";
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final TypeReference<Map<String, Double>> FIGURES = new TypeReference<>() { };

    private final Pool pool;

    public ModelRegistry(final Pool pool) {
        this.pool = pool;
    }

    /** A model to register: everything but its id, version, creation time and state. */
    public record NewModel(String name, String kind, String dataSha256, Instant dataFrom, Instant dataTo,
                           Map<String, Object> parameters, Map<String, Double> metrics, byte[] bytes) {
    }

    /**
     * The figure a kind's activation gate compares, and whether higher is better. A price model must
     * gain at least as much over the constant-width interval as the active one; a fraud model must
     * have at least its average precision.
     */
    public record Gate(String metric, boolean higherIsBetter) {
        public static Gate of(final String kind) {
            return kind.equals("fraud") ? new Gate("average_precision", true) : new Gate("interval_score_gain", true);
        }

        boolean allows(final double candidate, final double active) {
            return higherIsBetter ? candidate >= active : candidate <= active;
        }
    }

    /** What an activation did. */
    public sealed interface Activation {
        record Activated(RegisteredModel model, Optional<RegisteredModel> previous) implements Activation {
        }

        record Refused(RegisteredModel candidate, RegisteredModel active, String metric, String reason)
                implements Activation {
        }

        record NotFound(long id) implements Activation {
        }
    }

    /** Creates the table and its indexes; idempotent, so every instance may run it at start. */
    public Uni<Void> migrate() {
        return pool.query("""
                CREATE TABLE IF NOT EXISTS ml_models (
                    id          BIGSERIAL   PRIMARY KEY,
                    name        TEXT        NOT NULL,
                    kind        TEXT        NOT NULL CHECK (kind IN ('price', 'fraud')),
                    version     INTEGER     NOT NULL,
                    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
                    data_sha256 TEXT        NOT NULL,
                    data_from   TIMESTAMPTZ,
                    data_to     TIMESTAMPTZ,
                    parameters  TEXT        NOT NULL,
                    metrics     TEXT        NOT NULL,
                    model       BYTEA       NOT NULL,
                    state       TEXT        NOT NULL DEFAULT 'candidate'
                                            CHECK (state IN ('candidate', 'active', 'retired')),
                    UNIQUE (name, version)
                )""").execute()
                .chain(() -> pool.query("CREATE UNIQUE INDEX IF NOT EXISTS ml_models_one_active"
                        + " ON ml_models (name) WHERE state = 'active'").execute())
                .replaceWithVoid();
    }

    /** Registers a candidate with the next version of its name. */
    public Uni<RegisteredModel> register(final NewModel model) {
        if (!KINDS.contains(model.kind())) {
            return Uni.createFrom().failure(new IllegalArgumentException("kind must be one of " + KINDS
                    + ", got '" + model.kind() + "'"));
        }
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_advisory_xact_lock(hashtext($1))").execute(Tuple.of(model.name()))
                .chain(() -> connection.preparedQuery("INSERT INTO ml_models (name, kind, version, data_sha256,"
                                + " data_from, data_to, parameters, metrics, model)"
                                + " SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4, $5, $6, $7, $8"
                                + " FROM ml_models WHERE name = $1 RETURNING " + COLUMNS)
                        .execute(Tuple.from(new Object[] {model.name(), model.kind(), model.dataSha256(),
                                time(model.dataFrom()), time(model.dataTo()), json(model.parameters()),
                                json(model.metrics()), Buffer.buffer(model.bytes())})))
                .map(rows -> toModel(rows.iterator().next())));
    }

    public Uni<List<RegisteredModel>> list() {
        return pool.query("SELECT " + COLUMNS + " FROM ml_models ORDER BY id").execute().map(rows -> {
            final List<RegisteredModel> models = new ArrayList<>();
            rows.forEach(row -> models.add(toModel(row)));
            return models;
        });
    }

    public Uni<Optional<RegisteredModel>> find(final long id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM ml_models WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.<RegisteredModel>empty() : Optional.of(toModel(rows.iterator().next())));
    }

    /** The model bytes as registered. */
    public Uni<Optional<byte[]>> bytes(final long id) {
        return pool.preparedQuery("SELECT model FROM ml_models WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.<byte[]>empty()
                        : Optional.of(rows.iterator().next().getBuffer("model").getBytes()));
    }

    /** The active model of a name, if any. */
    public Uni<Optional<RegisteredModel>> active(final String name) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM ml_models WHERE name = $1 AND state = 'active'")
                .execute(Tuple.of(name))
                .map(rows -> rows.size() == 0 ? Optional.<RegisteredModel>empty() : Optional.of(toModel(rows.iterator().next())));
    }

    /**
     * Makes a model the active one of its name, retiring the one before, if its gate figure is at least
     * as good as the active model's (or {@code force}). Activating the active model again changes nothing.
     */
    public Uni<Activation> activate(final long id, final boolean force) {
        return pool.withTransaction(connection -> find(connection, id).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item((Activation) new Activation.NotFound(id));
            }
            final RegisteredModel candidate = found.get();
            return connection.preparedQuery("SELECT " + COLUMNS + " FROM ml_models WHERE name = $1 ORDER BY id FOR UPDATE")
                    .execute(Tuple.of(candidate.name()))
                    .chain(rows -> {
                        Optional<RegisteredModel> active = Optional.empty();
                        RegisteredModel current = candidate;
                        for (final Row row : rows) {
                            final RegisteredModel model = toModel(row);
                            if (model.state().equals(RegisteredModel.ACTIVE)) {
                                active = Optional.of(model);
                            }
                            if (model.id() == id) {
                                current = model;
                            }
                        }
                        if (active.isPresent() && active.get().id() == id) {
                            return Uni.createFrom().item((Activation) new Activation.Activated(current, Optional.empty()));
                        }
                        final Optional<String> refusal = active.isEmpty() || force ? Optional.empty()
                                : refusal(current, active.get());
                        if (refusal.isPresent()) {
                            final Gate gate = Gate.of(current.kind());
                            return Uni.createFrom().item((Activation) new Activation.Refused(current, active.get(),
                                    gate.metric(), refusal.get()));
                        }
                        final Optional<RegisteredModel> previous = active;
                        final Uni<?> retire = previous.isEmpty() ? Uni.createFrom().voidItem()
                                : connection.preparedQuery("UPDATE ml_models SET state = 'retired' WHERE id = $1")
                                        .execute(Tuple.of(previous.get().id()));
                        return retire.chain(() -> connection
                                        .preparedQuery("UPDATE ml_models SET state = 'active' WHERE id = $1 RETURNING " + COLUMNS)
                                        .execute(Tuple.of(id)))
                                .map(updated -> (Activation) new Activation.Activated(toModel(updated.iterator().next()),
                                        previous.map(p -> withState(p, RegisteredModel.RETIRED))));
                    });
        }));
    }

    private static Optional<String> refusal(final RegisteredModel candidate, final RegisteredModel active) {
        final Gate gate = Gate.of(candidate.kind());
        final Double mine = candidate.metrics().get(gate.metric());
        final Double theirs = active.metrics().get(gate.metric());
        if (theirs == null) {
            return Optional.empty();
        }
        if (mine == null || !gate.allows(mine, theirs)) {
            return Optional.of("model " + candidate.id() + " has " + gate.metric() + " " + mine + ", the active model "
                    + active.id() + " has " + theirs + (gate.higherIsBetter() ? " (higher is better)" : " (lower is better)")
                    + "; activate with force=true to swap anyway");
        }
        return Optional.empty();
    }

    private static Uni<Optional<RegisteredModel>> find(final SqlConnection connection, final long id) {
        return connection.preparedQuery("SELECT " + COLUMNS + " FROM ml_models WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.<RegisteredModel>empty() : Optional.of(toModel(rows.iterator().next())));
    }

    private static RegisteredModel withState(final RegisteredModel m, final String state) {
        return new RegisteredModel(m.id(), m.name(), m.kind(), m.version(), m.created(), m.dataSha256(), m.dataFrom(),
                m.dataTo(), m.parameters(), m.metrics(), state);
    }

    private static RegisteredModel toModel(final Row row) {
        try {
            return new RegisteredModel(row.getLong("id"), row.getString("name"), row.getString("kind"),
                    row.getInteger("version"), instant(row.getOffsetDateTime("created_at")), row.getString("data_sha256"),
                    instant(row.getOffsetDateTime("data_from")), instant(row.getOffsetDateTime("data_to")),
                    Json.mapper().readValue(row.getString("parameters"), OBJECT),
                    Json.mapper().readValue(row.getString("metrics"), FIGURES), row.getString("state"));
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("registry row " + row.getLong("id") + " holds broken JSON", e);
        }
    }

    private static String instant(final OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }

    private static OffsetDateTime time(final Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String json(final Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (final JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }
}
