package dev.soba.streams.api.pipeline;

import dev.soba.streams.processors.mev.MevStreamConfig;
import dev.soba.streams.topology.MarketConfig;
import dev.soba.streams.topology.PipelineConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The application's own settings ({@code soba.*} in application.properties). */
@ConfigMapping(prefix = "soba")
public interface SobaConfig {

    Kafka kafka();

    TopicSettings topics();

    Pipeline pipeline();

    /** The host name other instances use to reach this one. */
    String advertisedHost();

    /**
     * The port other instances use to reach this one: the HTTP port, or the HTTPS port when the API
     * serves HTTPS only (read by Kafka Streams as part of {@code application.server}).
     */
    int advertisedPort();

    Query query();

    Api api();

    /**
     * Folder of the public data set ({@code -Dsoba.data=../shared/data}) read by the acceptance
     * checks; declared so that the setting is known, the application itself does not read it.
     */
    Optional<String> data();

    interface Kafka {
        String bootstrapServers();
    }

    interface TopicSettings {
        Optional<String> prefix();

        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }

    interface Pipeline {
        @WithDefault("PT24H")
        Duration dedupRetention();

        @WithDefault("128")
        int reorgDepth();

        @WithDefault("100")
        int addressHistoryLimit();

        /** Counterparties kept per address for the wallet graph; the rest are counted. */
        @WithDefault("200")
        int counterpartyLimit();
    }

    Market market();

    Mev mev();

    /** Fraud scoring ({@code soba.fraud.*}). */
    Fraud fraud();

    interface Fraud {
        /** The model directory loaded at start ({@code ./soba fraud train --out DIR}); none: unscored until an activation. */
        Optional<String> modelDir();
    }

    interface Mev {
        /** A block is analysed once its items have been quiet this long (and it looks complete). */
        @WithDefault("PT2S")
        Duration quietPeriod();

        /** ... or at the latest this long after its first item, complete or not. */
        @WithDefault("PT10S")
        Duration timeout();

        /** How many recent heights' items are kept to re-run an analysis when late items arrive. */
        @WithDefault("64")
        int keepBlocks();
    }

    interface Market {
        /** Candle intervals, e.g. {@code 1m,5m,1h,1d}. */
        @WithDefault(MarketConfig.DEFAULT_INTERVALS)
        String candleIntervals();

        /** How long after a window ends late trades still update it. */
        @WithDefault("PT30S")
        Duration candleGrace();

        /** How long a V2 Swap waits for its Sync log before it is published without price. */
        @WithDefault("PT2S")
        Duration syncWait();

        /** Blocks of swaps kept per pool for the swaps endpoint (216000 ≈ 30 days). */
        @WithDefault("216000")
        long swapRetentionBlocks();
    }

    interface Query {
        /** How long one forwarded query may take on the owning instance. */
        @WithDefault("PT2S")
        Duration forwardTimeout();

        /** How long a query is asked again while its owner is unknown, restoring or unreachable, before 503. */
        @WithDefault("PT3S")
        Duration retryBudget();

        /** Consecutive failures of a peer that open its circuit. */
        @WithDefault("3")
        int circuitBreakerFailures();

        /** How long an open circuit fails fast before one trial call. */
        @WithDefault("PT5S")
        Duration circuitBreakerOpenFor();

        /**
         * A secret the instances share: forwarded queries are signed with it, and the owner does not
         * charge the caller's rate limit again. Unset: a forwarded query is counted on both instances.
         */
        Optional<String> forwardSecret();

        /**
         * How the instances reach each other: {@code http}, or {@code https} when they serve HTTPS
         * (Quarkus TLS registry); peers' certificates are then checked against the default TLS
         * configuration's trust store ({@code quarkus.tls.trust-store.*}).
         */
        @WithDefault("http")
        ForwardScheme forwardScheme();
    }

    /** The scheme of forwarded queries. */
    enum ForwardScheme {
        HTTP, HTTPS;

        public String scheme() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    interface Api {
        /**
         * An admin key the operator gives (at least 32 characters, e.g. from a Kubernetes Secret):
         * created at start as key {@code bootstrap} with every scope when missing, left alone afterwards.
         */
        Optional<String> bootstrapKey();

        /** The bootstrap key's rate limits, as {@code keys create --rate-limit} takes them; unset: the defaults. */
        Optional<String> bootstrapKeyRateLimit();
    }

    default PipelineConfig pipelineConfig() {
        final MarketConfig defaults = MarketConfig.of(market().candleIntervals(), market().candleGrace());
        final MarketConfig marketConfig = new MarketConfig(defaults.intervals(), defaults.grace(),
                defaults.candleRetention(), market().syncWait(), market().swapRetentionBlocks());
        return new PipelineConfig(topics().prefix().orElse(""), pipeline().dedupRetention(),
                pipeline().reorgDepth(), pipeline().addressHistoryLimit(), marketConfig,
                MevStreamConfig.of(mev().quietPeriod(), mev().timeout(), mev().keepBlocks()))
                .withCounterpartyLimit(pipeline().counterpartyLimit());
    }
}
