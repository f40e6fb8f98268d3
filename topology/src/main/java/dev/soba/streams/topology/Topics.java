package dev.soba.streams.topology;

import dev.soba.streams.schemas.ItemType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The one place that knows topic names. Input topics carry ethereum-etl's names ({@code blocks},
 * {@code transactions}, …) behind an optional per-chain prefix (e.g. {@code eth_}); the topics this
 * project writes carry the same prefix.
 */
public record Topics(String prefix) {

    public static final String REJECTED = "rejected_records";
    public static final String REORGS = "reorgs";
    public static final String POOLS = "pools";
    public static final String TOKEN_REGISTRY = "token_registry";
    public static final String SWAPS = "swaps";
    public static final String CANDLES = "candles";
    public static final String MARKET_CANDLES = "market_candles";
    public static final String LATE_TRADES = "late_trades";
    public static final String MEV_ALERTS = "mev_alerts";
    public static final String GROUND_TRUTH = "ground_truth";
    public static final String INGEST_STATE = "ingest_state";
    public static final String CONTRACT_RISKS = "contract_risks";
    public static final String FRAUD_ALERTS = "fraud_alerts";
    public static final String FRAUD_MODEL = "fraud_model";
    public static final String WALLET_LABELS = "wallet_labels";

    public Topics {
        prefix = prefix == null ? "" : prefix;
    }

    public String input(final ItemType type) {
        return prefix + type.defaultTopic();
    }

    public List<String> inputs() {
        return Arrays.stream(ItemType.values()).map(this::input).toList();
    }

    /** Invalid records with their reason, original bytes and source topic/partition/offset; keyed by source topic. */
    public String rejected() {
        return prefix + REJECTED;
    }

    /** Re-organisations: height, old hash, new hash; keyed by block number. */
    public String reorgs() {
        return prefix + REORGS;
    }

    /** Pool registry, compacted: pool address → what it trades (from factory logs and imports). */
    public String pools() {
        return prefix + POOLS;
    }

    /** Token metadata, compacted: token address → symbol and decimals (from the tokens topic). */
    public String tokenRegistry() {
        return prefix + TOKEN_REGISTRY;
    }

    /** Decoded DEX swaps; keyed by pool address. */
    public String swaps() {
        return prefix + SWAPS;
    }

    /** Final candles; keyed by {@code pair|venue|interval}. */
    public String candles() {
        return prefix + CANDLES;
    }

    /** Input: historical candles (one-minute history imported from files); no key needed. */
    public String marketCandles() {
        return prefix + MARKET_CANDLES;
    }

    /** Trades and imported candles that came after their window was final; keyed by pair. */
    public String lateTrades() {
        return prefix + LATE_TRADES;
    }

    /**
     * MEV findings (sandwiches, arbitrage, liquidations, JIT liquidity); keyed by block number, value one
     * finding, header {@code soba-mev-status}: {@code new}, {@code correction} or {@code retraction}.
     */
    public String mevAlerts() {
        return prefix + MEV_ALERTS;
    }

    /**
     * What the market simulator injected (sandwiches, arbitrages, phishing drains), to score detection
     * against; keyed by block number. Written by {@code ./soba simulate}, the demo and the accuracy
     * benchmark only, which create it: not part of {@link #all()}, the application neither reads nor writes it.
     */
    public String groundTruth() {
        return prefix + GROUND_TRUTH;
    }

    /**
     * Where {@code ./soba ingest} keeps its resume state, compacted, keyed by state key: the last ingested
     * blocks, written in the same Kafka transaction as their items. Created by the ingester; not part of
     * {@link #all()}, the application neither reads nor writes it.
     */
    public String ingestState() {
        return prefix + INGEST_STATE;
    }

    /** Contract analyses with honeypot or rug-pull signals (for the fraud scoring); keyed by contract address. */
    public String contractRisks() {
        return prefix + CONTRACT_RISKS;
    }

    /** Fraud alerts: a wallet crossed the alert threshold (raised) or fell back (cleared); keyed by address. */
    public String fraudAlerts() {
        return prefix + FRAUD_ALERTS;
    }

    /** Fraud model activations, compacted, key "fraud": the packed model (model + card, zip) written by ./soba fraud activate. */
    public String fraudModel() {
        return prefix + FRAUD_MODEL;
    }

    /** Labelled addresses, compacted, key lower-case address: address, label, source (./soba labels import). */
    public String walletLabels() {
        return prefix + WALLET_LABELS;
    }

    public List<String> outputs() {
        return List.of(rejected(), reorgs(), swaps(), candles(), lateTrades(), mevAlerts(), fraudAlerts());
    }

    /** Topics that hold the latest value per key and must be created with cleanup.policy=compact. */
    public List<String> compacted() {
        return List.of(pools(), tokenRegistry(), fraudModel(), walletLabels());
    }

    /** Every topic the application reads or writes (not its internal ones), for creation at start-up. */
    public List<String> all() {
        final List<String> all = new ArrayList<>(inputs());
        all.add(marketCandles());
        all.addAll(outputs());
        all.add(contractRisks());
        all.addAll(compacted());
        return all;
    }

    /**
     * {@link #all()} with the given partitions and replication (existing topics are left alone by
     * {@link TopicCreator}); the registries are compacted, as they hold the latest value per key.
     */
    public List<NewTopic> newTopics(final int partitions, final short replicationFactor) {
        return all().stream()
                .map(name -> {
                    final NewTopic topic = new NewTopic(name, partitions, replicationFactor);
                    return compacted().contains(name)
                            ? topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                            : topic;
                })
                .toList();
    }

    /** The topic an item of the given ethereum-etl {@code type} value belongs to. */
    public Optional<String> forTypeName(final String typeName) {
        return ItemType.fromTypeName(typeName).map(this::input);
    }

    /** Topic name to item type, for tools that read topics back. */
    public Map<String, ItemType> inputTypes() {
        final Map<String, ItemType> byTopic = new LinkedHashMap<>();
        for (final ItemType type : ItemType.values()) {
            byTopic.put(input(type), type);
        }
        return byTopic;
    }
}
