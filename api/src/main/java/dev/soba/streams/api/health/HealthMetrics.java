package dev.soba.streams.api.health;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/health/metrics}: this instance's totals since it started — records read from
 * the input topics and written to the output topics, records set aside, alerts published,
 * consumer lag, rate-limit and cache decisions, and the latency of each API route.
 */
public record HealthMetrics(String instance, String timestamp, long uptime, Records records, Alerts alerts,
                            long consumerLag, Requests requests, Map<String, Long> rateLimitDecisions,
                            Map<String, Long> resultCache) {

    /** {@code in}: read from the input topics; {@code out}: written to the output and registry topics. */
    public record Records(long in, long out, long rejected, long duplicatesDropped, long lateTrades) {
    }

    /** Records written to the alert topics ({@code mev_alerts}, {@code reorgs}). */
    public record Alerts(long mev, long reorgs) {
    }

    public record Requests(long total, List<Route> routes) {
    }

    /** One route template, method and status; percentiles are this instance's (not aggregatable). */
    public record Route(String method, String uri, String status, long count, double meanMs, double maxMs,
                        Map<String, Double> percentilesMs) {
    }
}
