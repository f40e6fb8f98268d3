package dev.soba.streams.cli;

import dev.soba.streams.topology.LogAndContinueProcessingHandler;
import dev.soba.streams.topology.MarketConfig;
import dev.soba.streams.topology.PipelineConfig;
import dev.soba.streams.topology.SobaTopology;
import dev.soba.streams.processors.mev.MevStreamConfig;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The whole pipeline in a JVM of its own, exactly once, for the chaos test to kill with SIGKILL:
 * {@code PipelineProcess BOOTSTRAP TOPIC_PREFIX APPLICATION_ID STATE_DIR}. Runs until killed.
 */
public final class PipelineProcess {

    private PipelineProcess() {
    }

    private static MarketConfig withSyncWait(final MarketConfig market, final Duration wait) {
        return new MarketConfig(market.intervals(), market.grace(), market.candleRetention(), wait,
                market.swapRetentionBlocks());
    }

    public static void main(final String[] args) throws InterruptedException {
        final PipelineConfig config = new PipelineConfig(args[1], PipelineConfig.DEFAULT_DEDUP_RETENTION,
                PipelineConfig.DEFAULT_REORG_DEPTH, PipelineConfig.DEFAULT_ADDRESS_HISTORY_LIMIT,
                // A V2 Swap waits for its Sync until it comes (both are in the block's partition): with the default
                // 2 s of wall clock, a catch-up under load publishes some swaps without price, outside any candle.
                withSyncWait(MarketConfig.defaults(), Duration.ofMinutes(10)), MevStreamConfig.defaults());
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, args[2]);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(StreamsConfig.STATE_DIR_CONFIG, args[3]);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingHandler.class);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // the killed member's partitions come back after this, not the default 45 s
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_000);
        final KafkaStreams streams = new KafkaStreams(SobaTopology.build(config), props);
        streams.start();
        System.out.println("pipeline started");
        new CountDownLatch(1).await();
    }
}
