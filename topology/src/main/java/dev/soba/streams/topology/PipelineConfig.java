package dev.soba.streams.topology;

import dev.soba.streams.processors.mev.MevStreamConfig;
import java.time.Duration;

/**
 * What the topology can be tuned with.
 *
 * @param topicPrefix          prefix of every topic name (one per chain), empty by default
 * @param dedupRetention       how long an item identity is remembered to drop re-sends
 * @param reorgDepth           how many heights below the highest can still be re-organised
 * @param addressHistoryLimit  how many recent transactions are kept per address
 * @param market               swap decoding and candles
 * @param mev                  when a block is complete enough to analyse for MEV, and how many are kept
 * @param counterpartyLimit    how many counterparties are kept per address (the rest are counted)
 */
public record PipelineConfig(String topicPrefix, Duration dedupRetention, int reorgDepth, int addressHistoryLimit,
                             MarketConfig market, MevStreamConfig mev, int counterpartyLimit) {

    public static final Duration DEFAULT_DEDUP_RETENTION = Duration.ofHours(24);
    public static final int DEFAULT_REORG_DEPTH = 128;
    public static final int DEFAULT_ADDRESS_HISTORY_LIMIT = 100;
    public static final int DEFAULT_COUNTERPARTY_LIMIT = 200;

    public PipelineConfig {
        if (dedupRetention.isNegative() || dedupRetention.isZero()) {
            throw new IllegalArgumentException("dedup retention must be positive, got " + dedupRetention);
        }
        if (reorgDepth < 1) {
            throw new IllegalArgumentException("reorg depth must be at least 1, got " + reorgDepth);
        }
        if (addressHistoryLimit < 1) {
            throw new IllegalArgumentException("address history limit must be at least 1, got " + addressHistoryLimit);
        }
        if (counterpartyLimit < 1) {
            throw new IllegalArgumentException("counterparty limit must be at least 1, got " + counterpartyLimit);
        }
    }

    /** With the default counterparty limit. */
    public PipelineConfig(final String topicPrefix, final Duration dedupRetention, final int reorgDepth,
                          final int addressHistoryLimit, final MarketConfig market, final MevStreamConfig mev) {
        this(topicPrefix, dedupRetention, reorgDepth, addressHistoryLimit, market, mev, DEFAULT_COUNTERPARTY_LIMIT);
    }

    public PipelineConfig withCounterpartyLimit(final int limit) {
        return new PipelineConfig(topicPrefix, dedupRetention, reorgDepth, addressHistoryLimit, market, mev, limit);
    }

    public static PipelineConfig defaults() {
        return new PipelineConfig("", DEFAULT_DEDUP_RETENTION, DEFAULT_REORG_DEPTH, DEFAULT_ADDRESS_HISTORY_LIMIT,
                MarketConfig.defaults(), MevStreamConfig.defaults());
    }

    public Topics topics() {
        return new Topics(topicPrefix);
    }
}
