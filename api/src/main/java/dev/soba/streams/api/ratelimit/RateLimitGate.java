package dev.soba.streams.api.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The limiter with its failure policy and its metric: every decision is counted in
 * {@code soba_rate_limit_decisions_total{group, outcome}} with outcome {@code allowed},
 * {@code limited} or {@code unchecked} (Redis unavailable). No key id in the tags: the number of
 * series must not grow with the number of keys.
 */
public final class RateLimitGate {

    public static final String METRIC = "soba.rate.limit.decisions";

    private final RateLimiter limiter;
    private final boolean failOpen;
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public RateLimitGate(final RateLimiter limiter, final boolean failOpen, final MeterRegistry registry) {
        this.limiter = limiter;
        this.failOpen = failOpen;
        this.registry = registry;
    }

    public Uni<Decision> check(final String bucket, final String group, final Rate rate) {
        return limiter.acquire(bucket, rate)
                .<Decision>map(Decision.Counted::new)
                .onFailure(RateLimiter.UnavailableException.class)
                .recoverWithItem(failure -> new Decision.Unchecked(failOpen, failure.getMessage()))
                .invoke(decision -> count(group, decision));
    }

    private void count(final String group, final Decision decision) {
        final String outcome = decision instanceof Decision.Counted counted
                ? (counted.verdict().allowed() ? "allowed" : "limited")
                : "unchecked";
        counters.computeIfAbsent(group + '/' + outcome, ignored -> Counter.builder(METRIC)
                        .description("Rate-limit decisions per endpoint group: allowed, limited (429), unchecked (Redis unavailable)")
                        .tag("group", group)
                        .tag("outcome", outcome)
                        .register(registry))
                .increment();
    }
}
