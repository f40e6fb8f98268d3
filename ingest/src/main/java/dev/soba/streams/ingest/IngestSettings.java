package dev.soba.streams.ingest;

import dev.soba.streams.ingest.rpc.Backoff;
import dev.soba.streams.topology.Topics;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@code ./soba ingest} runs.
 *
 * @param rpcUrl           the node's HTTP JSON-RPC endpoint
 * @param startBlock       where to start when no state was stored; ignored (and refused if given) when resuming
 * @param confirmations    blocks to stay behind the head (0: follow the head itself)
 * @param traces           where traces come from
 * @param batchBlocks      blocks per Kafka transaction (and per cycle of RPC calls)
 * @param rate             RPC requests per second at most (0: no limit)
 * @param reorgDepth       how many ingested blocks are remembered to find a common ancestor
 * @param pollInterval     pause when caught up with the head
 * @param bootstrapServers Kafka
 * @param topics           topic names (with the chain's prefix)
 * @param stateKey         the key of this ingester's resume state; default {@code chain-<chain id>}
 * @param backoff          pauses between retried RPC requests
 * @param maxAttempts      attempts per RPC request before giving up (0: never give up)
 * @param rpcTimeout       per HTTP call
 * @param endBlock         stop once this block is ingested (ethereum-etl's {@code --end-block}); empty: follow the head
 */
public record IngestSettings(String rpcUrl, Optional<StartBlock> startBlock, int confirmations, TraceSource traces,
                             int batchBlocks, double rate, int reorgDepth, Duration pollInterval, String bootstrapServers,
                             Topics topics, Optional<String> stateKey, Backoff backoff, int maxAttempts,
                             Duration rpcTimeout, Optional<Long> endBlock) {

    public static final int DEFAULT_BATCH = 10;
    public static final int DEFAULT_REORG_DEPTH = 128;
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(2);

    public IngestSettings {
        if (confirmations < 0) {
            throw new IllegalArgumentException("--confirmations must not be negative, got " + confirmations);
        }
        if (batchBlocks < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, got " + batchBlocks);
        }
        if (rate < 0) {
            throw new IllegalArgumentException("--rate must not be negative, got " + rate);
        }
        if (reorgDepth < 1) {
            throw new IllegalArgumentException("reorg depth must be at least 1, got " + reorgDepth);
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("max attempts must not be negative, got " + maxAttempts);
        }
    }

    /** Settings with the defaults for everything but the node, Kafka and the topics. */
    public static IngestSettings defaults(final String rpcUrl, final String bootstrapServers, final Topics topics) {
        return new IngestSettings(rpcUrl, Optional.empty(), 0, TraceSource.PARITY, DEFAULT_BATCH, 0, DEFAULT_REORG_DEPTH,
                DEFAULT_POLL, bootstrapServers, topics, Optional.empty(), Backoff.DEFAULT, 0, Duration.ofSeconds(30),
                Optional.empty());
    }

    public IngestSettings withStartBlock(final StartBlock start) {
        return new IngestSettings(rpcUrl, Optional.of(start), confirmations, traces, batchBlocks, rate, reorgDepth,
                pollInterval, bootstrapServers, topics, stateKey, backoff, maxAttempts, rpcTimeout, endBlock);
    }

    public IngestSettings withConfirmations(final int blocks) {
        return new IngestSettings(rpcUrl, startBlock, blocks, traces, batchBlocks, rate, reorgDepth, pollInterval,
                bootstrapServers, topics, stateKey, backoff, maxAttempts, rpcTimeout, endBlock);
    }

    public IngestSettings withTraces(final TraceSource source) {
        return new IngestSettings(rpcUrl, startBlock, confirmations, source, batchBlocks, rate, reorgDepth, pollInterval,
                bootstrapServers, topics, stateKey, backoff, maxAttempts, rpcTimeout, endBlock);
    }

    public IngestSettings withBatch(final int blocks) {
        return new IngestSettings(rpcUrl, startBlock, confirmations, traces, blocks, rate, reorgDepth, pollInterval,
                bootstrapServers, topics, stateKey, backoff, maxAttempts, rpcTimeout, endBlock);
    }

    public IngestSettings withRate(final double requestsPerSecond) {
        return new IngestSettings(rpcUrl, startBlock, confirmations, traces, batchBlocks, requestsPerSecond, reorgDepth,
                pollInterval, bootstrapServers, topics, stateKey, backoff, maxAttempts, rpcTimeout, endBlock);
    }

    public IngestSettings withPollInterval(final Duration interval) {
        return new IngestSettings(rpcUrl, startBlock, confirmations, traces, batchBlocks, rate, reorgDepth, interval,
                bootstrapServers, topics, stateKey, backoff, maxAttempts, rpcTimeout, endBlock);
    }

    public IngestSettings withStateKey(final String key) {
        return new IngestSettings(rpcUrl, startBlock, confirmations, traces, batchBlocks, rate, reorgDepth, pollInterval,
                bootstrapServers, topics, Optional.of(key), backoff, maxAttempts, rpcTimeout, endBlock);
    }

    public IngestSettings withRetries(final Backoff pauses, final int attempts) {
        return new IngestSettings(rpcUrl, startBlock, confirmations, traces, batchBlocks, rate, reorgDepth, pollInterval,
                bootstrapServers, topics, stateKey, pauses, attempts, rpcTimeout, endBlock);
    }

    public IngestSettings withEndBlock(final long block) {
        return new IngestSettings(rpcUrl, startBlock, confirmations, traces, batchBlocks, rate, reorgDepth, pollInterval,
                bootstrapServers, topics, stateKey, backoff, maxAttempts, rpcTimeout, Optional.of(block));
    }

    /** The compacted topic of resume states: {@code <prefix>ingest_state}. */
    public String stateTopic() {
        return topics.ingestState();
    }
}
