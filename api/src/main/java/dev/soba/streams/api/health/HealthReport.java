package dev.soba.streams.api.health;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/health}: the status of this instance ({@code healthy}, {@code degraded},
 * {@code unhealthy}) with the reasons for anything but healthy, the pipeline's state, the
 * back-ends and one entry per area of the replaced system. {@code legacyServices} gives each area's
 * status under the replaced system's service name ({@code ml_models}, {@code data_processing}, ...):
 * {@code healthy}, {@code unhealthy} or {@code not_built}, for its monitors.
 */
public record HealthReport(String status, List<String> reasons, String instance, String timestamp, long uptime,
                           String pipelineState, Map<String, Dependency> dependencies,
                           Map<String, ServiceReport> services, Map<String, String> legacyServices) {

    public static final String HEALTHY = "healthy";
    public static final String DEGRADED = "degraded";
    public static final String UNHEALTHY = "unhealthy";
    public static final String NOT_BUILT = "not_built";
}
