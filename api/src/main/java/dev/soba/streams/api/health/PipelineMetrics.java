package dev.soba.streams.api.health;

import dev.soba.streams.api.cache.ResultCache;
import dev.soba.streams.api.pipeline.SobaConfig;
import dev.soba.streams.api.ratelimit.RateLimitGate;
import dev.soba.streams.processors.ingest.PipelineCounters;
import dev.soba.streams.topology.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.quarkus.kafka.streams.runtime.KafkaStreamsProducer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/** Reads {@link HealthMetrics} from the Kafka Streams client metrics and the Micrometer registry. */
@ApplicationScoped
public class PipelineMetrics {

    private static final String PIPELINE_GROUP = "stream-" + PipelineCounters.SCOPE + "-metrics";
    private static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    private final KafkaStreamsProducer streams;
    private final MeterRegistry registry;
    private final PipelineHealth health;
    private final String instance;
    private final Set<String> inputs = new HashSet<>();
    private final Set<String> outputs = new HashSet<>();
    private final String mevAlerts;
    private final String reorgs;

    public PipelineMetrics(final KafkaStreamsProducer streams, final MeterRegistry registry, final PipelineHealth health,
                           final SobaConfig config) {
        this.streams = streams;
        this.registry = registry;
        this.health = health;
        final Topics topics = config.pipelineConfig().topics();
        topics.inputs().forEach(topic -> inputs.add(metricTopic(topic)));
        inputs.add(metricTopic(topics.marketCandles()));
        topics.outputs().forEach(topic -> outputs.add(metricTopic(topic)));
        topics.compacted().forEach(topic -> outputs.add(metricTopic(topic)));
        this.mevAlerts = metricTopic(topics.mevAlerts());
        this.reorgs = metricTopic(topics.reorgs());
        this.instance = health.instance();
    }

    public HealthMetrics metrics() {
        final KafkaStreams kafkaStreams = streams.getKafkaStreams();
        final Map<MetricName, ? extends Metric> kafka = kafkaStreams == null ? Map.of() : kafkaStreams.metrics();
        final long in = sum(kafka, "consumer-fetch-manager-metrics", "records-consumed-total", inputs);
        final long out = sum(kafka, "producer-topic-metrics", "record-send-total", outputs);
        final HealthMetrics.Records records = new HealthMetrics.Records(in, out,
                sum(kafka, PIPELINE_GROUP, PipelineCounters.REJECTED + "-total", null),
                sum(kafka, PIPELINE_GROUP, PipelineCounters.DUPLICATES + "-total", null),
                sum(kafka, PIPELINE_GROUP, PipelineCounters.LATE_TRADES + "-total", null));
        final HealthMetrics.Alerts alerts = new HealthMetrics.Alerts(
                sum(kafka, "producer-topic-metrics", "record-send-total", Set.of(mevAlerts)),
                sum(kafka, "producer-topic-metrics", "record-send-total", Set.of(reorgs)));
        final long lag = PipelineHealth.consumerLags(kafka).values().stream().mapToLong(Long::longValue).sum();
        return new HealthMetrics(instance, Instant.now().toString(), health.uptime(), records, alerts, lag, requests(),
                countersByOutcome(RateLimitGate.METRIC), countersByOutcome(ResultCache.METRIC));
    }

    private HealthMetrics.Requests requests() {
        final List<HealthMetrics.Route> routes = new ArrayList<>();
        long total = 0;
        for (final Timer timer : registry.find(HTTP_SERVER_REQUESTS).timers()) {
            final String uri = timer.getId().getTag("uri");
            if (uri == null || !uri.startsWith("/api")) {
                continue;
            }
            final HistogramSnapshot snapshot = timer.takeSnapshot();
            final Map<String, Double> percentiles = new LinkedHashMap<>();
            for (final ValueAtPercentile value : snapshot.percentileValues()) {
                percentiles.put("p" + Math.round(value.percentile() * 100), value.value(TimeUnit.MILLISECONDS));
            }
            total += snapshot.count();
            routes.add(new HealthMetrics.Route(timer.getId().getTag("method"), uri, timer.getId().getTag("status"),
                    snapshot.count(), snapshot.mean(TimeUnit.MILLISECONDS), snapshot.max(TimeUnit.MILLISECONDS), percentiles));
        }
        routes.sort(Comparator.comparing(HealthMetrics.Route::uri).thenComparing(HealthMetrics.Route::method)
                .thenComparing(route -> String.valueOf(route.status())));
        return new HealthMetrics.Requests(total, routes);
    }

    private Map<String, Long> countersByOutcome(final String metric) {
        final Map<String, Long> byOutcome = new TreeMap<>();
        for (final Counter counter : registry.find(metric).counters()) {
            final String outcome = counter.getId().getTag("outcome");
            if (outcome != null) {
                byOutcome.merge(outcome, (long) counter.count(), Long::sum);
            }
        }
        return byOutcome;
    }

    /** Sums a Kafka client metric over clients (and over {@code topics} when given, else over all tags). */
    private static long sum(final Map<MetricName, ? extends Metric> metrics, final String group, final String name,
                            final Set<String> topics) {
        double total = 0;
        for (final Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            final MetricName metricName = entry.getKey();
            if (!group.equals(metricName.group()) || !name.equals(metricName.name())) {
                continue;
            }
            if (topics != null && !topics.contains(metricName.tags().get("topic"))) {
                continue;
            }
            if (entry.getValue().metricValue() instanceof Double value && !value.isNaN()) {
                total += value;
            }
        }
        return (long) total;
    }

    /** Kafka's clients tag topics with '.' replaced by '_'. */
    private static String metricTopic(final String topic) {
        return topic.replace('.', '_');
    }
}
