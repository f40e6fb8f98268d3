package dev.soba.streams.api.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code soba_dependency_up{dependency="postgresql"|"redis"}}: 1 when the back-end answered this
 * instance's last probe, 0 when it did not — what the alerts SobaPostgresqlDown and SobaRedisDown
 * watch. The probe ({@link DependencyProbe}, shared with the health routes) runs every
 * {@link #PERIOD} on a timer, not at scrape time, so a scrape never waits on a back-end.
 */
@ApplicationScoped
public class DependencyGauges {

    public static final String METRIC = "soba.dependency.up";
    static final Duration PERIOD = Duration.ofSeconds(10);

    private final DependencyProbe probe;
    private final Vertx vertx;
    private final AtomicInteger postgresql = new AtomicInteger();
    private final AtomicInteger redis = new AtomicInteger();
    private long timer = -1;

    public DependencyGauges(final DependencyProbe probe, final MeterRegistry registry, final Vertx vertx) {
        this.probe = probe;
        this.vertx = vertx;
        Gauge.builder(METRIC, postgresql, AtomicInteger::get).description("1 when PostgreSQL answered the last probe")
                .tag("dependency", "postgresql").register(registry);
        Gauge.builder(METRIC, redis, AtomicInteger::get).description("1 when Redis answered the last probe")
                .tag("dependency", "redis").register(registry);
    }

    void start(@Observes final StartupEvent event) {
        refresh();
        timer = vertx.setPeriodic(PERIOD.toMillis(), id -> refresh());
    }

    void stop(@Observes final ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void refresh() {
        probe.dependencies().subscribe().with(dependencies -> {
            postgresql.set(dependencies.postgresql().healthy() ? 1 : 0);
            redis.set(dependencies.redis().healthy() ? 1 : 0);
        }, failure -> {
            postgresql.set(0);
            redis.set(0);
        });
    }
}
