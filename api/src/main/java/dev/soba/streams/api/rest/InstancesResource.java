package dev.soba.streams.api.rest;

import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.http.EndpointGroup;
import dev.soba.streams.api.keys.Group;
import dev.soba.streams.api.query.CircuitBreaker;
import dev.soba.streams.api.query.InteractiveQueries;
import dev.soba.streams.api.query.QueryResponder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The instances of the application sharing this one's {@code application.id}, as Kafka Streams
 * sees the group: each one's advertised address, which input and repartition partitions it holds
 * (active and standby), and its state stores; plus this instance's view of each peer's circuit.
 */
@Path("/api/v1/instances")
@Produces(MediaType.APPLICATION_JSON)
@EndpointGroup(Group.ADMIN)
public class InstancesResource {

    private static final int RETRY_AFTER_SECONDS = 1;

    private final InteractiveQueries queries;
    private final QueryResponder responder;

    public InstancesResource(final InteractiveQueries queries, final QueryResponder responder) {
        this.queries = queries;
        this.responder = responder;
    }

    /** The answer: who is asking, in which state, and every instance of the group. */
    public record Instances(String self, String state, int count, List<Instance> instances) {
    }

    /** One instance: partitions as topic → partition numbers. */
    public record Instance(String address, boolean self, String circuit, SortedMap<String, Set<Integer>> partitions,
                           SortedMap<String, Set<Integer>> standbyPartitions, Set<String> stores) {
    }

    @GET
    @APIResponse(responseCode = "200", description = "every instance of the group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Instances.class)))
    public Instances instances() {
        final KafkaStreams.State state = queries.state();
        if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
            throw ApiException.unavailable("the pipeline is " + state.name().toLowerCase(Locale.ROOT), RETRY_AFTER_SECONDS);
        }
        final HostInfo self = queries.self();
        final Map<HostInfo, CircuitBreaker.State> circuits = responder.circuits();
        final List<Instance> instances = new ArrayList<>();
        for (final StreamsMetadata metadata : queries.instances()) {
            final HostInfo host = metadata.hostInfo();
            final CircuitBreaker.State circuit = circuits.get(host);
            instances.add(new Instance(host.host() + ":" + host.port(), host.equals(self),
                    circuit == null ? null : circuit.name().toLowerCase(Locale.ROOT),
                    byTopic(metadata.topicPartitions()), byTopic(metadata.standbyTopicPartitions()),
                    new TreeSet<>(metadata.stateStoreNames())));
        }
        instances.sort(Comparator.comparing(Instance::address));
        return new Instances(self.host() + ":" + self.port(), state.name(), instances.size(), instances);
    }

    private static SortedMap<String, Set<Integer>> byTopic(final Set<TopicPartition> partitions) {
        final SortedMap<String, Set<Integer>> byTopic = new TreeMap<>();
        for (final TopicPartition partition : partitions) {
            byTopic.computeIfAbsent(partition.topic(), topic -> new TreeSet<>()).add(partition.partition());
        }
        return byTopic;
    }
}
