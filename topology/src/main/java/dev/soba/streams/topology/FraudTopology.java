package dev.soba.streams.topology;

import dev.soba.streams.models.fraud.WalletEvent;
import dev.soba.streams.processors.chain.ChainEvent;
import dev.soba.streams.processors.chain.TransactionRef;
import dev.soba.streams.processors.fraud.FraudAlert;
import dev.soba.streams.processors.fraud.FraudModels;
import dev.soba.streams.processors.fraud.ModelActivationProcessor;
import dev.soba.streams.processors.fraud.WalletChange;
import dev.soba.streams.processors.fraud.WalletLabel;
import dev.soba.streams.processors.fraud.WalletRisk;
import dev.soba.streams.processors.fraud.WalletRiskProcessor;
import dev.soba.streams.processors.fraud.WalletState;
import dev.soba.streams.schemas.JsonSerde;
import dev.soba.streams.schemas.TokenTransfer;
import dev.soba.streams.schemas.Transaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Fraud scoring on top of the canonical chain:
 *
 * <pre>
 *  canonical transactions, token transfers ─ wallet-change (each side's view; orphaned blocks retracted)
 *     └─ wallets-by-address (repartition by lower-case address)
 *          └─ score-wallets (store wallet-activity) ─► store wallet-risk ─► fraud_alerts (key address)
 *  fraud_model (compacted, key "fraud") ─► global store fraud-model ─► the instance's model
 *  wallet_labels (compacted, key address) ─► global store wallet-labels (reasons)
 * </pre>
 */
public final class FraudTopology {

    /** How often changed wallets are scored. */
    public static final Duration SCORE_INTERVAL = Duration.ofSeconds(1);

    private FraudTopology() {
    }

    public static void add(final StreamsBuilder builder, final PipelineConfig config, final KStream<String, ChainEvent> chain,
                           final FraudModels models) {
        final Topics topics = config.topics();
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.FRAUD_MODEL),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                topics.fraudModel(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-fraud-model"),
                () -> new ModelActivationProcessor(StoreNames.FRAUD_MODEL, models));
        builder.globalTable(topics.walletLabels(), Consumed.with(Serdes.String(), new JsonSerde<>(WalletLabel.class))
                        .withName("read-wallet-labels"),
                Materialized.<String, WalletLabel, KeyValueStore<Bytes, byte[]>>as(StoreNames.WALLET_LABELS)
                        .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(WalletLabel.class)));

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.WALLET_ACTIVITY),
                Serdes.String(), new JsonSerde<>(WalletState.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.WALLET_RISK),
                Serdes.String(), new JsonSerde<>(WalletRisk.class)).withCachingEnabled());

        chain.flatMap(FraudTopology::walletChanges, Named.as("wallet-change"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(WalletChange.class)).withName("wallets-by-address"))
                .process(() -> new WalletRiskProcessor(new WalletRiskProcessor.Stores(StoreNames.WALLET_ACTIVITY, StoreNames.WALLET_RISK,
                                StoreNames.WALLET_LABELS), models, config.reorgDepth(), SCORE_INTERVAL),
                        Named.as("score-wallets"), StoreNames.WALLET_ACTIVITY, StoreNames.WALLET_RISK)
                .to(topics.fraudAlerts(), Produced.with(Serdes.String(), new JsonSerde<>(FraudAlert.class)).withName("write-fraud-alerts"));
    }

    /** Each address's view of a canonical transaction or token transfer; an orphaned transaction withdraws its block. */
    static List<KeyValue<String, WalletChange>> walletChanges(final String key, final ChainEvent event) {
        final List<KeyValue<String, WalletChange>> changes = new ArrayList<>(2);
        if (event instanceof ChainEvent.Canonical canonical) {
            final List<WalletEvent> events;
            if (canonical.item() instanceof Transaction tx) {
                events = WalletEvent.of(tx);
            } else if (canonical.item() instanceof TokenTransfer transfer) {
                events = WalletEvent.of(transfer);
            } else {
                return changes;
            }
            for (final WalletEvent e : events) {
                if (e.address() != null) {
                    changes.add(KeyValue.pair(e.address(), WalletChange.of(e)));
                }
            }
        } else if (event instanceof ChainEvent.Retracted retracted) {
            final TransactionRef ref = retracted.transaction();
            changes.add(KeyValue.pair(ref.fromAddress(), WalletChange.orphaned(ref.blockHash())));
            if (ref.toAddress() != null && !ref.toAddress().equals(ref.fromAddress())) {
                changes.add(KeyValue.pair(ref.toAddress(), WalletChange.orphaned(ref.blockHash())));
            }
        }
        return changes;
    }
}
