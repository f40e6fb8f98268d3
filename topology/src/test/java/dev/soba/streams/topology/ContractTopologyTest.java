package dev.soba.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.JsonSerde;
import dev.soba.streams.schemas.contracts.ContractAnalysis;
import dev.soba.streams.schemas.contracts.Risk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractTopologyTest {

    private static final Topics TOPICS = new Topics("");
    /** kill(): CALLER SELFDESTRUCT behind a one-selector dispatcher. */
    private static final String KILLABLE = "0x60003560e01c8063" + "41c0e1b5" + "14601457600080fd5b33ff";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> contracts;

    @BeforeEach
    void start() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "contract-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(SobaTopology.build(PipelineConfig.defaults()), props);
        contracts = driver.createInputTopic(TOPICS.input(ItemType.CONTRACT), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(final String address, final String bytecode) {
        contracts.pipeInput(("{\"type\":\"contract\",\"address\":\"" + address + "\",\"bytecode\":\"" + bytecode
                + "\",\"block_number\":1}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyContractIsStoredByAddressAndEachCodeAnalysedOnce() {
        send("0x00000000000000000000000000000000000000a1", KILLABLE);
        send("0x00000000000000000000000000000000000000a2", KILLABLE);
        send("0x00000000000000000000000000000000000000a3", "0x");
        final KeyValueStore<String, ContractAnalysis> byAddress = driver.getKeyValueStore(StoreNames.CONTRACT_ANALYSIS);
        final KeyValueStore<String, ContractAnalysis> byCode = driver.getKeyValueStore(StoreNames.CONTRACT_ANALYSIS_BY_CODE);
        final ContractAnalysis a1 = byAddress.get("0x00000000000000000000000000000000000000a1");
        assertThat(a1.functionSighashes()).containsExactly("0x41c0e1b5");
        assertThat(a1.risks()).extracting(Risk::code).containsExactly("selfdestruct");
        assertThat(byAddress.get("0x00000000000000000000000000000000000000a2").codeHash()).isEqualTo(a1.codeHash());
        assertThat(byAddress.get("0x00000000000000000000000000000000000000a3").functions()).isEmpty();
        long codes = 0;
        try (var all = byCode.all()) {
            while (all.hasNext()) {
                all.next();
                codes++;
            }
        }
        assertThat(codes).isEqualTo(2);
    }

    @Test
    void rugSignalsArePublishedForTheFraudScoring() {
        final TestOutputTopic<String, ContractAnalysis> risks = driver.createOutputTopic(TOPICS.contractRisks(),
                new StringDeserializer(), new JsonSerde<>(ContractAnalysis.class).deserializer());
        send("0x00000000000000000000000000000000000000b1", KILLABLE);
        send("0x00000000000000000000000000000000000000b2", "0x6001600201");
        final var out = risks.readKeyValuesToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key).isEqualTo("0x00000000000000000000000000000000000000b1");
        assertThat(out.get(0).value.fraudSignals()).extracting(Risk::signal).containsExactly("rug_pull");
    }

    @Test
    void randomBytecodeGivesAnAnalysisNeverAFailure() {
        final Random random = new Random(7);
        final byte[] code = new byte[20_000];
        random.nextBytes(code);
        send("0x00000000000000000000000000000000000000c1", "0x" + java.util.HexFormat.of().formatHex(code));
        final ContractAnalysis a = driver.<String, ContractAnalysis>getKeyValueStore(StoreNames.CONTRACT_ANALYSIS)
                .get("0x00000000000000000000000000000000000000c1");
        assertThat(a).isNotNull();
        assertThat(a.codeSize()).isEqualTo(20_000);
    }
}
