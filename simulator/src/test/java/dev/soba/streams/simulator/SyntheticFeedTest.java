package dev.soba.streams.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class SyntheticFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOPICS = Map.of(
            "block", "demo.blocks", "transaction", "demo.transactions", "log", "demo.logs",
            "token_transfer", "demo.token_transfers");
    private static final Function<String, String> TOPIC_FOR_TYPE = TOPICS::get;

    private static MockProducer<byte[], byte[]> producer() {
        return new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Test
    void sendsEachItemUnkeyedToTheTopicOfItsTypeInExportOrder() throws Exception {
        final MockProducer<byte[], byte[]> producer = producer();
        final SyntheticChain chain = new SyntheticChain(1, 100, 1_700_000_000L);
        try (SyntheticFeed feed = new SyntheticFeed(chain, producer, TOPIC_FOR_TYPE, Duration.ofSeconds(3))) {
            final SyntheticBlock block = feed.publishNextBlock();
            final List<ProducerRecord<byte[], byte[]>> sent = producer.history();
            assertThat(sent).hasSize(block.allItems().size());
            for (int i = 0; i < sent.size(); i++) {
                final ProducerRecord<byte[], byte[]> record = sent.get(i);
                final JsonNode item = JSON.readTree(record.value());
                assertThat(record.key()).isNull();
                assertThat(record.topic()).isEqualTo(TOPICS.get(item.get("type").asText()));
                assertThat(new String(record.value(), StandardCharsets.UTF_8))
                        .isEqualTo(JSON.writeValueAsString(block.allItems().get(i)));
            }
            assertThat(sent.get(0).topic()).isEqualTo("demo.blocks");
        }
    }

    @Test
    void wallClockChainsNumberBlocksBySlotAndStampThemWithTheSlotStart() {
        final Duration period = Duration.ofSeconds(3);
        final Instant now = SyntheticFeed.GENESIS.plusSeconds(3 * 1_000L + 2);
        final SyntheticBlock block = SyntheticFeed.wallClockChain(5, now, period).nextBlock();
        assertThat(block.number()).isEqualTo(1_000L);
        assertThat(block.block().get("timestamp").asLong()).isEqualTo(SyntheticFeed.GENESIS.getEpochSecond() + 3_000L);
        final SyntheticBlock sameSlot = SyntheticFeed.wallClockChain(5, now.minusSeconds(2), period).nextBlock();
        assertThat(sameSlot.hash()).isEqualTo(block.hash());
        assertThatThrownBy(() -> SyntheticFeed.wallClockChain(5, now, Duration.ofMillis(1_500)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startPublishesOnItsOwnAndCloseStopsAndFlushes() throws Exception {
        final MockProducer<byte[], byte[]> producer = producer();
        final SyntheticChain chain = new SyntheticChain(2, 100, 1_700_000_000L);
        final SyntheticFeed feed = new SyntheticFeed(chain, producer, TOPIC_FOR_TYPE, Duration.ofMillis(50));
        feed.start();
        final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (blocksSent(producer) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        feed.close();
        final int sentAtClose = producer.history().size();
        assertThat(blocksSent(producer)).isGreaterThanOrEqualTo(3);
        assertThat(producer.flushed()).isTrue();
        Thread.sleep(200);
        assertThat(producer.history()).hasSize(sentAtClose);
        assertThatThrownBy(feed::publishNextBlock).isInstanceOf(IllegalStateException.class);
        feed.close();
    }

    @Test
    void aRecordThatCannotBeWrittenStopsTheFeedInsteadOfLeavingAGap() throws Exception {
        // A real producer with no broker behind it: every send fails once max.block.ms has passed.
        final int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]> producer =
                     new org.apache.kafka.clients.producer.KafkaProducer<>(Map.of(
                             "bootstrap.servers", "127.0.0.1:" + closedPort, "max.block.ms", 500,
                             "delivery.timeout.ms", 1_500, "request.timeout.ms", 1_000, "linger.ms", 0),
                             new ByteArraySerializer(), new ByteArraySerializer())) {
            final SyntheticChain chain = new SyntheticChain(2, 100, 1_700_000_000L);
            final SyntheticFeed feed = new SyntheticFeed(chain, producer, TOPIC_FOR_TYPE, Duration.ofMillis(50));
            feed.start();
            final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (feed.stoppedAt().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(feed.stoppedAt()).hasValue(100);
            Thread.sleep(500);
            assertThat(chain.nextBlockNumber()).as("no block generated after the failed one").isEqualTo(101);
            assertThatThrownBy(feed::publishNextBlock).hasMessageContaining("stopped at block 100");
            feed.close();
        }
    }

    private static long blocksSent(final MockProducer<byte[], byte[]> producer) {
        return producer.history().stream().filter(r -> r.topic().equals("demo.blocks")).count();
    }
}
