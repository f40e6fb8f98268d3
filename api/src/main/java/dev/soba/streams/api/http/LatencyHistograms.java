package dev.soba.streams.api.http;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * Latency histograms for {@code http_server_requests_seconds} (one series set per route template,
 * method and status, tagged by Quarkus): fixed buckets, so Prometheus can aggregate percentiles
 * over instances, plus a few percentiles computed here for a quick look on one instance.
 */
public class LatencyHistograms {

    private static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    @Produces
    @Singleton
    MeterFilter httpLatencyHistograms(final Settings settings) {
        final double[] percentiles = settings.percentiles().stream().mapToDouble(Double::doubleValue).toArray();
        final double[] buckets = settings.buckets().stream().mapToDouble(bucket -> bucket.toNanos()).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(final Meter.Id id, final DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentiles(percentiles)
                        .serviceLevelObjectives(buckets)
                        .build()
                        .merge(config);
            }
        };
    }

    /** {@code soba.http-metrics.*}. */
    @ConfigMapping(prefix = "soba.http-metrics")
    public interface Settings {

        /** Upper bounds of the latency buckets ({@code le}). */
        @WithDefault("5ms,10ms,25ms,50ms,100ms,250ms,500ms,1s,2500ms,5s,10s")
        List<Duration> buckets();

        /** Percentiles computed on each instance (not aggregatable across instances; the buckets are). */
        @WithDefault("0.5,0.95,0.99")
        List<Double> percentiles();
    }
}
