package dev.soba.streams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soba.streams.embedded.EmbeddedKafka;
import dev.soba.streams.embedded.EmbeddedServers;
import dev.soba.streams.topology.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./soba topics create} against a real in-process broker: every topic, once, with its settings. */
class TopicsCommandTest {

    @TempDir
    Path dir;

    @Test
    void createsTheMissingTopicsAndLeavesExistingOnesAlone() throws Exception {
        final EmbeddedServers.Ports ports = EmbeddedServers.Ports.random();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), ports.kafka(), ports.kafkaController())) {
            final String[] argv = {"create", "--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix", "eth_",
                    "--partitions", "3", "--replication-factor", "1"};
            final ByteArrayOutputStream first = new ByteArrayOutputStream();
            assertThat(TopicsCommand.run(argv, new PrintStream(first, true, StandardCharsets.UTF_8))).isZero();
            final Topics topics = new Topics("eth_");
            final int expected = topics.newTopics(3, (short) 1).size();
            assertThat(first.toString(StandardCharsets.UTF_8)).startsWith(expected + " topic(s) created, 0 already there");

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                final Set<String> names = topics.newTopics(3, (short) 1).stream().map(topic -> topic.name()).collect(Collectors.toSet());
                final Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
                assertThat(described.keySet()).isEqualTo(names);
                described.values().forEach(topic -> assertThat(topic.partitions()).as(topic.name()).hasSize(3));
                final ConfigResource pools = new ConfigResource(ConfigResource.Type.TOPIC, topics.pools());
                assertThat(admin.describeConfigs(Set.of(pools)).all().get().get(pools)
                        .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            }

            final ByteArrayOutputStream again = new ByteArrayOutputStream();
            assertThat(TopicsCommand.run(argv, new PrintStream(again, true, StandardCharsets.UTF_8))).isZero();
            assertThat(again.toString(StandardCharsets.UTF_8)).startsWith("0 topic(s) created, " + expected + " already there");
        }
    }

    @Test
    void refusesAnythingButCreate() {
        assertThatThrownBy(() -> TopicsCommand.run(new String[] {"delete"}, System.out))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("topics takes: create");
        assertThatThrownBy(() -> TopicsCommand.run(new String[] {"create", "--partitions", "0", "--replication-factor", "1", "--bootstrap-servers", "127.0.0.1:1"}, System.out))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("at least 1");
    }
}
