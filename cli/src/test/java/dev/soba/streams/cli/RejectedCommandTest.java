package dev.soba.streams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soba.streams.embedded.EmbeddedKafka;
import dev.soba.streams.embedded.EmbeddedServers;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.RejectedRecord;
import dev.soba.streams.schemas.Violation;
import dev.soba.streams.topology.TopicCreator;
import dev.soba.streams.topology.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./soba rejected} on a real broker: tail, filters by topic, reason and time, and --follow. */
class RejectedCommandTest {

    @TempDir
    Path dir;

    @Test
    void tailsFiltersAndFollowsTheRejectedRecords() throws Exception {
        final EmbeddedServers.Ports ports = EmbeddedServers.Ports.random();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), ports.kafka(), ports.kafkaController())) {
            final String bootstrap = kafka.bootstrapServers();
            final Topics topics = new Topics("");
            TopicCreator.createMissing(bootstrap, List.of(new NewTopic(topics.rejected(), 2, (short) 1)), Duration.ofSeconds(30));
            final long old = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
            final long recent = System.currentTimeMillis();
            reject(bootstrap, topics, rejected("blocks", "number", "not a block number", 1, old));
            reject(bootstrap, topics, rejected("transactions", "hash", "not a transaction hash", 2, recent));
            reject(bootstrap, topics, rejected("blocks", "hash", "parent hash does not link", 3, recent + 1));

            assertThat(rejected(bootstrap)).hasSize(3).last().asString().contains("parent hash does not link");
            assertThat(rejected(bootstrap, "--topic", "blocks")).hasSize(2).allMatch(l -> l.contains("\"source_topic\":\"blocks\""));
            assertThat(rejected(bootstrap, "--reason", "TRANSACTION")).singleElement().asString().contains("\"source_offset\":2");
            assertThat(rejected(bootstrap, "--since", "2025-01-01T00:00:00Z")).hasSize(2);
            assertThat(rejected(bootstrap, "--since", "10m", "--topic", "blocks")).singleElement().asString()
                    .contains("parent hash");
            assertThat(rejected(bootstrap, "--limit", "1")).singleElement().asString().contains("\"source_offset\":3");

            final ByteArrayOutputStream followed = new ByteArrayOutputStream();
            final AtomicBoolean stop = new AtomicBoolean();
            final Thread follow = new Thread(() -> RejectedCommand.follow(bootstrap, topics,
                    new RejectedRecords.Filter(Optional.of("logs"), Optional.empty(), OptionalLong.empty()),
                    new PrintStream(followed, true, StandardCharsets.UTF_8), stop));
            follow.start();
            Thread.sleep(3_000); // let it reach the end of the topic first
            reject(bootstrap, topics, rejected("blocks", "number", "not followed", 4, System.currentTimeMillis()));
            reject(bootstrap, topics, rejected("logs", "data", "followed", 5, System.currentTimeMillis()));
            final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!followed.toString(StandardCharsets.UTF_8).contains("followed") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            stop.set(true);
            follow.join(30_000);
            assertThat(followed.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
                    .contains("\"source_topic\":\"logs\"");
        }
        assertThatThrownBy(() -> RejectedCommand.run(new String[] {"--since", "soon"}, System.out))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("--since");
    }

    private static RejectedRecord rejected(final String topic, final String field, final String reason, final long offset,
                                           final long at) {
        return RejectedRecord.of(List.of(new Violation(field, reason)), topic, 0, offset,
                ("{\"bad\": " + offset + "}").getBytes(StandardCharsets.UTF_8), at);
    }

    private static void reject(final String bootstrap, final Topics topics, final RejectedRecord record) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.rejected(), null, record.rejectedAt(),
                    record.sourceTopic().getBytes(StandardCharsets.UTF_8), Json.write(record)));
        }
    }

    private static List<String> rejected(final String bootstrap, final String... args) {
        final String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--bootstrap-servers";
        all[args.length + 1] = bootstrap;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(RejectedCommand.run(all, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
