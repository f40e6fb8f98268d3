package dev.soba.streams.topology;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the topics that do not exist yet and waits until every partition of every requested
 * topic has a leader, so a producer started right after does not race the metadata. Idempotent:
 * existing topics are left as they are, whatever their settings.
 */
public final class TopicCreator {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Admin admin;

    public TopicCreator(final Admin admin) {
        this.admin = admin;
    }

    /** Opens and closes its own admin client against {@code bootstrapServers}. */
    public static Set<String> createMissing(final String bootstrapServers, final Collection<NewTopic> topics,
                                            final Duration timeout) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()))) {
            return new TopicCreator(admin).createMissing(topics, timeout);
        }
    }

    /**
     * @return the names of the topics this call created (empty when all existed)
     * @throws IllegalStateException when the topics are not ready within {@code timeout}
     */
    public Set<String> createMissing(final Collection<NewTopic> topics, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        final Set<String> names = topics.stream().map(NewTopic::name).collect(Collectors.toSet());
        try {
            final Set<String> existing = admin.listTopics().names().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            final List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic.name())).toList();
            final Set<String> created = new HashSet<>();
            if (!missing.isEmpty()) {
                final CreateTopicsResult result = admin.createTopics(missing);
                for (final Map.Entry<String, KafkaFuture<Void>> entry : result.values().entrySet()) {
                    if (createdNow(entry.getValue(), deadline)) {
                        created.add(entry.getKey());
                    }
                }
            }
            awaitLeaders(names, deadline);
            return Set.copyOf(created);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + names, e);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + names + ": " + e.getMessage(), e);
        }
    }

    /** False when someone else created the topic in between: that is fine. */
    private static boolean createdNow(final KafkaFuture<Void> creation, final long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            creation.get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            return true;
        } catch (final ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
    }

    private void awaitLeaders(final Set<String> names, final long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (!allHaveLeaders(names, deadline)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + names + " still have no leader");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private boolean allHaveLeaders(final Set<String> names, final long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            final Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                    .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            return descriptions.values().stream()
                    .flatMap(description -> description.partitions().stream())
                    .map(TopicPartitionInfo::leader)
                    .allMatch(leader -> leader != null && !leader.isEmpty());
        } catch (final ExecutionException e) {
            // Just created: the broker's metadata may not know the topic yet.
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    private static long remainingMillis(final long deadline) throws TimeoutException {
        final long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remaining <= 0) {
            throw new TimeoutException("timed out");
        }
        return remaining;
    }
}
