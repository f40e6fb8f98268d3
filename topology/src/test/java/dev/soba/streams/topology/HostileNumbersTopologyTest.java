package dev.soba.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.JsonSerde;
import dev.soba.streams.schemas.RejectedRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every record that enters ends as processed or as a rejected record with its reason: numbers JSON
 * allows but nothing can hold, on every input topic, reach rejected_records (no exception handler is
 * configured here, so a record the checks threw on would fail the test instead of being skipped).
 */
class HostileNumbersTopologyTest {

    private static final Topics TOPICS = new Topics("");
    private static final List<String> NUMBERS = List.of("1e2147483648", "1e-2147483648", "1e999999999");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestOutputTopic<String, RejectedRecord> rejected;

    @BeforeEach
    void start() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "hostile-numbers-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(SobaTopology.build(PipelineConfig.defaults()), props);
        rejected = driver.createOutputTopic(TOPICS.rejected(), new StringDeserializer(),
                new JsonSerde<>(RejectedRecord.class).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(final String topic, final String json) {
        driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer())
                .pipeInput(null, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUnrepresentableNumberOnAnyInputTopicBecomesARejectedRecord() {
        final List<String> topics = new ArrayList<>(TOPICS.inputs());
        topics.add(TOPICS.marketCandles());
        for (final String topic : topics) {
            for (final String number : NUMBERS) {
                send(topic, "{\"x\": " + number + "}");
            }
        }
        final List<RejectedRecord> rejections = rejected.readValuesToList();
        assertThat(rejections).hasSize(topics.size() * NUMBERS.size());
        assertThat(rejections).extracting(RejectedRecord::sourceTopic).containsAll(topics);
        assertThat(rejections).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
    }

    @Test
    void aTickOrCandleAmountWithABillionDigitsIsRejectedNamingTheField() {
        send(TOPICS.input(ItemType.MARKET_TICK), """
                {"exchange": "binance", "symbol": "ETH-USDT", "price": 1e999999999, "quantity": "1", "side": "buy",
                 "trade_id": "1", "timestamp": 1704067210000}""");
        send(TOPICS.marketCandles(), """
                {"venue": "bybit", "pair": "ETH-USDT", "interval": "1m", "open_time": 1704067200000,
                 "close_time": 1704067260000, "open": "100", "high": 1e999999999, "low": "95", "close": "101",
                 "base_volume": "10", "trade_count": 0, "closed": true}""");
        send(TOPICS.input(ItemType.BLOCK), TestItems.block(17173049, TestItems.hash("b"), TestItems.hash("p"), 0)
                .replace("\"number\": 17173049", "\"number\": 1e2147483648"));

        final List<RejectedRecord> rejections = rejected.readValuesToList();
        assertThat(rejections).hasSize(3);
        assertThat(rejections.get(0).violations()).extracting(v -> v.field()).containsExactly("price");
        assertThat(rejections.get(1).violations()).extracting(v -> v.field()).containsExactly("high");
        assertThat(rejections.get(2).reason()).contains("number out of range");
    }
}
