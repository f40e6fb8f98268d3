package dev.soba.streams.api.health;

import dev.soba.streams.api.nlp.NlpService;
import dev.soba.streams.api.pipeline.SobaConfig;
import dev.soba.streams.topology.SobaTopology;
import io.quarkus.kafka.streams.runtime.KafkaStreamsProducer;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.TopologyDescription;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The health of this instance, area by area (see {@link Areas}). Everything comes from memory —
 * the Kafka Streams state, its threads' tasks, its consumers' lag metrics — except the back-end
 * probe, which is shared ({@link DependencyProbe}).
 *
 * <p>Status: {@code unhealthy} when this instance cannot do its work — the pipeline is not
 * running (or rebalancing), PostgreSQL does not answer (no key can be checked), or Redis does not
 * answer while rate limits fail closed; {@code degraded} when it works with less — Redis down
 * while rate limits fail open (unchecked limits, no cache), a rebalance in progress (queries
 * of moving keys answer 503), or no translation back-end installed (translate answers 503);
 * {@code healthy} otherwise. Areas that are not built yet report
 * {@code built: false, healthy: false} and never count: a missing feature is not an outage.
 */
@ApplicationScoped
public class PipelineHealth {

    private static final String CONSUMER_FETCH = "consumer-fetch-manager-metrics";

    private final KafkaStreamsProducer streams;
    private final DependencyProbe probe;
    private final NlpService nlp;
    private final String instance;
    private final Map<String, Set<Integer>> subtopologies;
    private volatile Instant started = Instant.now();

    public PipelineHealth(final KafkaStreamsProducer streams, final DependencyProbe probe, final SobaConfig config,
                          final NlpService nlp,
                          @ConfigProperty(name = "quarkus.kafka-streams.application-server") final String instance) {
        this.streams = streams;
        this.probe = probe;
        this.nlp = nlp;
        this.instance = instance;
        this.subtopologies = subtopologies(SobaTopology.build(config.pipelineConfig()).describe(), Areas.ALL);
    }

    void started(@Observes final StartupEvent event) {
        started = Instant.now();
    }

    /** What other instances call this one ({@code application.server}). */
    public String instance() {
        return instance;
    }

    /** Seconds since this instance started. */
    public long uptime() {
        return Duration.between(started, Instant.now()).toSeconds();
    }

    public Uni<HealthReport> report() {
        return probe.dependencies().map(this::report);
    }

    /** The sub-topologies whose nodes include one of each area's processors. */
    static Map<String, Set<Integer>> subtopologies(final TopologyDescription topology, final List<Area> areas) {
        final Map<String, Set<Integer>> byArea = new HashMap<>();
        for (final Area area : areas) {
            byArea.put(area.name(), topology.subtopologies().stream()
                    .filter(sub -> sub.nodes().stream().anyMatch(node -> area.processors().contains(node.name())))
                    .map(TopologyDescription.Subtopology::id)
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        return byArea;
    }

    private HealthReport report(final DependencyProbe.Dependencies dependencies) {
        final KafkaStreams kafkaStreams = streams.getKafkaStreams();
        final KafkaStreams.State state = kafkaStreams == null ? KafkaStreams.State.CREATED : kafkaStreams.state();
        final boolean working = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        final Collection<ThreadMetadata> threads = working ? threads(kafkaStreams) : List.of();
        final Map<TopicPartition, Long> lags = kafkaStreams == null ? Map.of() : consumerLags(kafkaStreams.metrics());
        final long uptime = uptime();

        final Map<String, ServiceReport> services = new LinkedHashMap<>();
        for (final Area area : Areas.ALL) {
            services.put(area.name(), service(area, state, working, threads, lags, uptime));
        }
        final List<String> unhealthy = new ArrayList<>();
        final List<String> degraded = new ArrayList<>();
        if (!working) {
            unhealthy.add("the pipeline is " + state + ", not RUNNING");
        } else if (state == KafkaStreams.State.REBALANCING) {
            degraded.add("the pipeline is rebalancing: queries for keys that are moving answer 503 until it is RUNNING");
        }
        if (!dependencies.postgresql().healthy()) {
            unhealthy.add("PostgreSQL does not answer: " + dependencies.postgresql().effect());
        }
        if (!dependencies.redis().healthy()) {
            (probe.redisFailsOpen() ? degraded : unhealthy).add("Redis does not answer: " + dependencies.redis().effect());
        }
        nlp.translationUnavailable().ifPresent(reason -> degraded.add("translation is unavailable: " + reason));
        final List<String> reasons = new ArrayList<>(unhealthy);
        reasons.addAll(degraded);
        final String status = !unhealthy.isEmpty() ? HealthReport.UNHEALTHY
                : !degraded.isEmpty() ? HealthReport.DEGRADED : HealthReport.HEALTHY;
        final Map<String, Dependency> backEnds = new LinkedHashMap<>();
        backEnds.put("postgresql", dependencies.postgresql());
        backEnds.put("redis", dependencies.redis());
        final Map<String, String> legacyServices = new LinkedHashMap<>();
        for (final Area area : Areas.ALL) {
            final ServiceReport service = services.get(area.name());
            legacyServices.put(area.legacyName(), !service.built() ? HealthReport.NOT_BUILT
                    : service.healthy() ? HealthReport.HEALTHY : HealthReport.UNHEALTHY);
        }
        return new HealthReport(status, reasons, instance, Instant.now().toString(), uptime, state.name(),
                backEnds, services, legacyServices);
    }

    private ServiceReport service(final Area area, final KafkaStreams.State state, final boolean working,
                                  final Collection<ThreadMetadata> threads, final Map<TopicPartition, Long> lags,
                                  final long uptime) {
        if (!area.built()) {
            return new ServiceReport(area.name(), area.title(), false, false, 0,
                    "not built yet: no processors and no routes; the capabilities are what it will have",
                    List.of(), 0, area.capabilities(), area.endpoints());
        }
        if (area.processors().isEmpty()) {
            return onRequest(area, uptime);
        }
        final Set<Integer> mine = subtopologies.getOrDefault(area.name(), Set.of());
        final List<ServiceReport.StreamThread> running = new ArrayList<>();
        long lag = 0;
        for (final ThreadMetadata thread : threads) {
            final List<TaskMetadata> active = thread.activeTasks().stream()
                    .filter(task -> mine.contains(task.taskId().subtopology())).toList();
            final List<TaskMetadata> standby = thread.standbyTasks().stream()
                    .filter(task -> mine.contains(task.taskId().subtopology())).toList();
            if (active.isEmpty() && standby.isEmpty()) {
                continue;
            }
            running.add(new ServiceReport.StreamThread(thread.threadName(), thread.threadState(),
                    taskIds(active), taskIds(standby)));
            for (final TaskMetadata task : active) {
                for (final TopicPartition partition : task.topicPartitions()) {
                    lag += lags.getOrDefault(partition, 0L);
                }
            }
        }
        return new ServiceReport(area.name(), area.title(), true, working, working ? uptime : 0,
                working ? null : "the pipeline is " + state, running, lag, area.capabilities(), area.endpoints());
    }

    /**
     * An area served on request, outside the stream (NLP): healthy once its engines are started;
     * without a translation back-end it still detects languages, so it stays healthy with a
     * {@code degraded: ...} detail (and the instance's status says degraded, with the reason).
     */
    private ServiceReport onRequest(final Area area, final long uptime) {
        final java.util.Optional<String> unavailable = nlp.translationUnavailable();
        final boolean started = nlp.started();
        final String detail = !started ? "starting: loading language models and the translation back-end"
                : unavailable.map(reason -> "degraded: language detection works; translation is unavailable: " + reason)
                .orElse(null);
        return new ServiceReport(area.name(), area.title(), true, started,
                started ? uptime : 0, detail, List.of(), 0, area.capabilities(), area.endpoints());
    }

    /** Records behind the end of each partition the main consumers of this instance read (unknown ones left out). */
    static Map<TopicPartition, Long> consumerLags(final Map<MetricName, ? extends Metric> metrics) {
        final Map<TopicPartition, Long> lags = new HashMap<>();
        metrics.forEach((name, metric) -> {
            final Map<String, String> tags = name.tags();
            if (CONSUMER_FETCH.equals(name.group()) && "records-lag".equals(name.name())
                    && tags.containsKey("topic") && tags.containsKey("partition")
                    && !tags.getOrDefault("client-id", "").endsWith("restore-consumer")
                    && metric.metricValue() instanceof Double value && !value.isNaN()) {
                lags.merge(new TopicPartition(tags.get("topic"), Integer.parseInt(tags.get("partition"))),
                        Math.max(0L, value.longValue()), Math::max);
            }
        });
        return lags;
    }

    private static Collection<ThreadMetadata> threads(final KafkaStreams kafkaStreams) {
        try {
            return kafkaStreams.metadataForLocalThreads();
        } catch (final IllegalStateException notRunning) {
            return List.of();
        }
    }

    private static List<String> taskIds(final List<TaskMetadata> tasks) {
        return tasks.stream().map(task -> task.taskId().toString()).sorted().toList();
    }
}
