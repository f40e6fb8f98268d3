package dev.soba.streams.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** Starts the real servers, uses each, restarts them on the same directory and finds the data again. */
class EmbeddedServersTest {

    private static final String TOPIC = "embedded-servers-test";
    private static final String GROUP = "embedded-servers-test-group";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path base;

    @Test
    void serversWorkAndKeepTheirDataAcrossARestart() throws Exception {
        final long committed;
        try (EmbeddedServers servers = EmbeddedServers.start(base, EmbeddedServers.Ports.random())) {
            assertThat(servers.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)), TIMEOUT)).containsExactly(TOPIC);
            assertThat(servers.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)), TIMEOUT)).isEmpty();
            // Transactional, because exactly-once Kafka Streams needs the transaction log on one node.
            produceInTransaction(servers.bootstrapServers(), "key", "value");
            assertThat(consumeInGroup(servers.bootstrapServers(), 1)).containsExactly("key=value");
            committed = committedOffset(servers.bootstrapServers());
            assertThat(committed).isPositive();

            try (Connection connection = connect(servers); Statement sql = connection.createStatement()) {
                assertThat(single(sql.executeQuery("select 1"))).isEqualTo(1);
                sql.execute("create table survivor (id int primary key)");
                sql.execute("insert into survivor values (42)");
            }
            try (Jedis redis = jedis(servers)) {
                assertThat(redis.ping()).isEqualTo("PONG");
                redis.set("survivor", "42");
            }
        }

        // New ports on purpose: the data directories must not depend on them.
        try (EmbeddedServers servers = EmbeddedServers.start(base, EmbeddedServers.Ports.random())) {
            assertThat(readFromBeginning(servers.bootstrapServers())).containsExactly("key=value");
            assertThat(committedOffset(servers.bootstrapServers())).isEqualTo(committed);
            try (Connection connection = connect(servers); Statement sql = connection.createStatement()) {
                assertThat(single(sql.executeQuery("select id from survivor"))).isEqualTo(42);
            }
            try (Jedis redis = jedis(servers)) {
                assertThat(redis.get("survivor")).isEqualTo("42");
            }
        }
    }

    @Test
    void aTakenPortFailsWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            final int port = taken.getLocalPort();
            final int controllerPort = EmbeddedServers.Ports.random().kafkaController();
            assertThatThrownBy(() -> EmbeddedKafka.start(base.resolve("kafka"), port, controllerPort))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Kafka port " + port + " on 127.0.0.1 is in use");
        }
    }

    private static void produceInTransaction(final String bootstrap, final String key, final String value)
            throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-servers-test-tx"),
                new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            producer.commitTransaction();
        }
    }

    /** Through a consumer group, so the offsets topic is exercised and a committed offset is left behind. */
    private static List<String> consumeInGroup(final String bootstrap, final int expected) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap, Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"))) {
            consumer.subscribe(List.of(TOPIC));
            final List<String> values = poll(consumer, expected);
            consumer.commitSync();
            return values;
        }
    }

    private static List<String> readFromBeginning(final String bootstrap) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap, Map.of())) {
            final TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            return poll(consumer, 1);
        }
    }

    private static KafkaConsumer<String, String> consumer(final String bootstrap, final Map<String, Object> extra) {
        final Map<String, Object> config = new HashMap<>(extra);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static List<String> poll(final KafkaConsumer<String, String> consumer, final int expected) {
        final List<String> values = new ArrayList<>();
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (values.size() < expected && System.nanoTime() < deadline) {
            for (final ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                values.add(record.key() + "=" + record.value());
            }
        }
        return values;
    }

    private static long committedOffset(final String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            final Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return offsets.get(new TopicPartition(TOPIC, 0)).offset();
        }
    }

    private static Connection connect(final EmbeddedServers servers) throws SQLException {
        return DriverManager.getConnection(servers.jdbcUrl(), servers.postgres().username(), servers.postgres().password());
    }

    private static int single(final ResultSet rows) throws SQLException {
        try (rows) {
            assertThat(rows.next()).isTrue();
            return rows.getInt(1);
        }
    }

    private static Jedis jedis(final EmbeddedServers servers) {
        return new Jedis(URI.create(servers.redisUrl()));
    }
}
