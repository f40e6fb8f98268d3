package dev.soba.streams.api.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soba.streams.embedded.EmbeddedPostgres;
import dev.soba.streams.models.price.Horizon;
import dev.soba.streams.models.price.PriceFeatures;
import dev.soba.streams.models.price.PriceModel;
import dev.soba.streams.models.price.PriceModelFile;
import dev.soba.streams.models.price.PriceSeries;
import dev.soba.streams.models.price.PriceTrainer;
import dev.soba.streams.schemas.market.Candle;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model registry on a real (embedded) PostgreSQL: round trip with provenance, versions, the activation gate, races. */
class ModelRegistryTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static EmbeddedPostgres postgres;
    private static Vertx vertx;
    private static io.vertx.sqlclient.Pool pool;
    private static ModelRegistry registry;

    @BeforeAll
    static void start() {
        postgres = EmbeddedPostgres.start(Optional.empty(), 0);
        vertx = Vertx.vertx();
        pool = PgBuilder.pool()
                .connectingTo(PgConnectOptions.fromUri(postgres.reactiveUrl()).setUser(postgres.username())
                        .setPassword(postgres.password()))
                .with(new PoolOptions().setMaxSize(4))
                .using(vertx)
                .build();
        registry = new ModelRegistry(Pool.newInstance(pool));
        registry.migrate().await().atMost(WAIT);
        registry.migrate().await().atMost(WAIT); // idempotent
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.close();
            vertx.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aPriceModelComesBackWithItsProvenanceAndForecastsTheSame() throws Exception {
        final PriceSeries series = PriceSeries.of("BTC-USD", randomWalk(1500, 3));
        final PriceModel model = PriceTrainer.train(series, Horizon.M5);
        final String name = "price-BTC-USD-5m-" + UUID.randomUUID();
        final RegisteredModel registered = registry.register(new ModelRegistry.NewModel(name, "price",
                model.data().sha256(), Instant.ofEpochMilli(model.data().from()), Instant.ofEpochMilli(model.data().to()),
                PriceModelFile.parameters(model), model.validation(), model.toBytes())).await().atMost(WAIT);

        assertThat(registered.version()).isEqualTo(1);
        assertThat(registered.state()).isEqualTo(RegisteredModel.CANDIDATE);
        assertThat(Instant.parse(registered.created())).isBefore(Instant.now().plusSeconds(1));
        final RegisteredModel read = registry.find(registered.id()).await().atMost(WAIT).orElseThrow();
        assertThat(read).isEqualTo(registered);
        assertThat(read.dataSha256()).isEqualTo(series.sha256(0, series.size()));
        assertThat(read.dataFrom()).isEqualTo(Instant.ofEpochMilli(series.openTime(0)).toString());
        assertThat(read.dataTo()).isEqualTo(Instant.ofEpochMilli(series.openTime(series.size() - 1)).toString());
        assertThat(read.parameters()).containsEntry("horizon", "5m").containsKey("volatility_weights");
        assertThat(read.metrics()).containsKeys("mae_ratio", "coverage", "interval_score_gain");

        final PriceModel back = PriceModel.fromBytes(registry.bytes(registered.id()).await().atMost(WAIT).orElseThrow());
        assertThat(back.data()).isEqualTo(model.data());
        assertThat(back.returnModel().getProvenance().getTrainerProvenance().getClassName()).contains("LinearSGDTrainer");
        final PriceFeatures.Table table = PriceFeatures.compute(series);
        for (int i = PriceFeatures.WARMUP; i < series.size(); i += 50) {
            assertThat(back.forecast(series, table, i)).isEqualTo(model.forecast(series, table, i));
        }
        final RegisteredModel second = registry.register(newModel(name, 0.1)).await().atMost(WAIT);
        assertThat(second.version()).isEqualTo(2);
    }

    @Test
    void activationSwapsOnlyForAModelAtLeastAsGoodUnlessForced() {
        final String name = "price-ETH-USDT-1h-" + UUID.randomUUID();
        final RegisteredModel first = registry.register(newModel(name, 0.10)).await().atMost(WAIT);
        final RegisteredModel worse = registry.register(newModel(name, 0.05)).await().atMost(WAIT);
        final RegisteredModel better = registry.register(newModel(name, 0.12)).await().atMost(WAIT);

        assertThat(registry.activate(first.id(), false).await().atMost(WAIT))
                .isInstanceOf(ModelRegistry.Activation.Activated.class);
        final ModelRegistry.Activation refused = registry.activate(worse.id(), false).await().atMost(WAIT);
        assertThat(refused).isInstanceOfSatisfying(ModelRegistry.Activation.Refused.class, r -> {
            assertThat(r.metric()).isEqualTo("interval_score_gain");
            assertThat(r.reason()).contains("force=true");
        });
        assertThat(registry.active(name).await().atMost(WAIT).orElseThrow().id()).isEqualTo(first.id());

        final ModelRegistry.Activation swapped = registry.activate(better.id(), false).await().atMost(WAIT);
        assertThat(swapped).isInstanceOfSatisfying(ModelRegistry.Activation.Activated.class, a -> {
            assertThat(a.model().state()).isEqualTo(RegisteredModel.ACTIVE);
            assertThat(a.previous()).map(RegisteredModel::id).contains(first.id());
        });
        assertThat(registry.find(first.id()).await().atMost(WAIT).orElseThrow().state()).isEqualTo(RegisteredModel.RETIRED);

        assertThat(registry.activate(worse.id(), true).await().atMost(WAIT))
                .isInstanceOf(ModelRegistry.Activation.Activated.class);
        assertThat(registry.active(name).await().atMost(WAIT).orElseThrow().id()).isEqualTo(worse.id());
        assertThat(registry.activate(999_999_999L, false).await().atMost(WAIT))
                .isInstanceOf(ModelRegistry.Activation.NotFound.class);
    }

    @Test
    void racingActivationsLeaveExactlyOneActiveModel() {
        final String name = "price-BTC-USD-1m-" + UUID.randomUUID();
        final List<RegisteredModel> models = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            models.add(registry.register(newModel(name, 0.1)).await().atMost(WAIT));
        }
        final List<io.smallrye.mutiny.Uni<ModelRegistry.Activation>> racing = new ArrayList<>();
        models.forEach(m -> racing.add(registry.activate(m.id(), false)));
        final List<?> outcomes = io.smallrye.mutiny.Uni.join().all(racing).andCollectFailures().await().atMost(WAIT);
        assertThat(outcomes).hasSize(4).allMatch(o -> o instanceof ModelRegistry.Activation.Activated);
        final long active = registry.list().await().atMost(WAIT).stream()
                .filter(m -> m.name().equals(name) && m.state().equals(RegisteredModel.ACTIVE)).count();
        assertThat(active).isEqualTo(1);
    }

    @Test
    void anUnknownKindIsRefused() {
        assertThatThrownBy(() -> registry.register(new ModelRegistry.NewModel("x", "weather", "00", null, null,
                Map.of(), Map.of(), new byte[] {1})).await().atMost(WAIT))
                .hasMessageContaining("kind must be one of [price, fraud]");
    }

    private static ModelRegistry.NewModel newModel(final String name, final double gain) {
        return new ModelRegistry.NewModel(name, "price", "ab".repeat(32), Instant.parse("2025-06-01T00:00:00Z"),
                Instant.parse("2025-06-02T00:00:00Z"), Map.of("horizon", "1h"), Map.of("interval_score_gain", gain),
                new byte[] {1, 2, 3});
    }

    private static List<Candle> randomWalk(final int minutes, final long seed) {
        final Random random = new Random(seed);
        final List<Candle> candles = new ArrayList<>();
        double price = 23_000;
        double variance = 1e-7;
        double last = 0;
        final long start = 1_700_006_400_000L;
        for (int i = 0; i < minutes; i++) {
            variance = 2e-9 + 0.1 * last * last + 0.88 * variance;
            final double open = price;
            double high = open;
            double low = open;
            for (int step = 0; step < 6; step++) {
                price *= Math.exp(Math.sqrt(variance / 6) * random.nextGaussian());
                high = Math.max(high, price);
                low = Math.min(low, price);
            }
            last = Math.log(price / open);
            final long t = start + i * 60_000L;
            candles.add(new Candle("test", "BTC-USD", "1m", t, t + 60_000L, BigDecimal.valueOf(open),
                    BigDecimal.valueOf(high), BigDecimal.valueOf(low), BigDecimal.valueOf(price), BigDecimal.ONE,
                    null, null, 0, t, t + 59_999L, true));
        }
        return candles;
    }
}
