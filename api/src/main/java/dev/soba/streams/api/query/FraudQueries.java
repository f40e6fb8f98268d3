package dev.soba.streams.api.query;

import io.quarkus.kafka.streams.runtime.KafkaStreamsProducer;
import dev.soba.streams.processors.fraud.WalletLabel;
import dev.soba.streams.processors.fraud.WalletRisk;
import dev.soba.streams.processors.fraud.WalletState;
import dev.soba.streams.topology.StoreNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Reads the fraud stores: an address's risk and activity from the instance owning the address (the way
 * every keyed query is answered: here, or the owner's address), labels from the global store every
 * instance holds.
 */
@ApplicationScoped
public class FraudQueries {

    /** What the stream holds about one address on its owner: its risk (null until first scored) and activity. */
    public record Wallet(String address, WalletRisk risk, WalletState state) {
        public boolean seen() {
            return risk != null || state != null;
        }
    }

    private final InteractiveQueries queries;
    private final KafkaStreamsProducer producer;

    public FraudQueries(final InteractiveQueries queries, final KafkaStreamsProducer producer) {
        this.queries = queries;
        this.producer = producer;
    }

    /** Always Found on the owner (an unseen address is a {@link Wallet} with nothing in it), Remote elsewhere. */
    public QueryResult<Wallet> wallet(final String address) {
        return queries.query(StoreNames.WALLET_RISK, address, partition -> {
            final ReadOnlyKeyValueStore<String, WalletRisk> risks = queries.local(StoreNames.WALLET_RISK, partition);
            final ReadOnlyKeyValueStore<String, WalletState> states = queries.local(StoreNames.WALLET_ACTIVITY, partition);
            return Optional.of(new Wallet(address, risks.get(address), states.get(address)));
        });
    }

    /** The wallet when this instance owns it; empty when another does (or the store is not ready). */
    public Optional<Wallet> localWallet(final String address) {
        return wallet(address) instanceof QueryResult.Found<Wallet> found ? Optional.of(found.value()) : Optional.empty();
    }

    /** The label of an address, from the global labels store. */
    public Optional<WalletLabel> label(final String address) {
        final KafkaStreams streams = producer.getKafkaStreams();
        try {
            final ReadOnlyKeyValueStore<String, ValueAndTimestamp<WalletLabel>> labels = streams.store(StoreQueryParameters
                    .fromNameAndType(StoreNames.WALLET_LABELS, QueryableStoreTypes.<String, WalletLabel>timestampedKeyValueStore()));
            final ValueAndTimestamp<WalletLabel> label = labels.get(address);
            return label == null ? Optional.empty() : Optional.of(label.value());
        } catch (final InvalidStateStoreException restoring) {
            return Optional.empty();
        }
    }
}
