package dev.soba.streams.processors.fraud;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps each address's activity ({@code wallet-activity}) and, for addresses that changed, scores them on the
 * next punctuation (once per interval however many transfers they had: at most once per address per block
 * when the interval is shorter than a block) into {@code wallet-risk}, forwarding an alert on a crossing.
 */
public final class WalletRiskProcessor implements Processor<String, WalletChange, String, FraudAlert> {

    /** Store names and the labels global store (optional: no labels when absent). */
    public record Stores(String activity, String risk, String labels) {
    }

    private final Stores names;
    private final FraudModels models;
    private final int reorgDepth;
    private final Duration interval;
    private final Set<String> dirty = new LinkedHashSet<>();

    private ProcessorContext<String, FraudAlert> context;
    private KeyValueStore<String, WalletState> activity;
    private KeyValueStore<String, WalletRisk> risk;
    private ReadOnlyKeyValueStore<String, Object> labels;

    public WalletRiskProcessor(final Stores names, final FraudModels models, final int reorgDepth, final Duration interval) {
        this.names = names;
        this.models = models;
        this.reorgDepth = reorgDepth;
        this.interval = interval;
    }

    @Override
    public void init(final ProcessorContext<String, FraudAlert> context) {
        this.context = context;
        this.activity = context.getStateStore(names.activity());
        this.risk = context.getStateStore(names.risk());
        this.labels = names.labels() == null ? null : context.getStateStore(names.labels());
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> scoreChanged());
    }

    @Override
    public void process(final Record<String, WalletChange> record) {
        final String address = record.key();
        if (address == null) {
            return;
        }
        final WalletState current = activity.get(address);
        final WalletState base = current == null ? WalletState.empty() : current;
        final WalletChange change = record.value();
        final WalletState next = change.event() != null
                ? base.plus(change.event(), reorgDepth)
                : base.withoutBlock(change.orphanedBlockHash());
        if (next == base) {
            return;
        }
        if (next.holdsNothing()) {
            activity.delete(address);
        } else {
            activity.put(address, next);
        }
        dirty.add(address);
    }

    /** Scores every address changed since the last call. */
    public void scoreChanged() {
        if (dirty.isEmpty()) {
            return;
        }
        final List<String> batch = List.copyOf(dirty);
        dirty.clear();
        final long now = System.currentTimeMillis();
        for (final String address : batch) {
            final WalletState state = activity.get(address);
            final WalletRisk previous = risk.get(address);
            if (state == null) {
                risk.delete(address);
                if (previous != null && previous.alerted()) {
                    context.forward(new Record<>(address, new FraudAlert(address, FraudAlert.CLEARED, 0, 0, previous.model(),
                            List.of(new WalletRisk.Reason("RETRACTED", "all of the address's activity was in orphaned blocks", 0)),
                            previous.featuresAsOfBlock(), now), now));
                }
                continue;
            }
            final WalletScoring.Outcome outcome = WalletScoring.score(address, state, models.current(),
                    LabelReasons.of(address, state, this::label), previous, now);
            risk.put(address, outcome.risk());
            outcome.alert().ifPresent(alert -> context.forward(new Record<>(address, alert, now)));
        }
    }

    private WalletLabel label(final String address) {
        if (labels == null) {
            return null;
        }
        final Object value = labels.get(address);
        if (value instanceof ValueAndTimestamp<?> timestamped) {
            return (WalletLabel) timestamped.value();
        }
        return (WalletLabel) value;
    }

    @Override
    public void close() {
        // the changed addresses not yet scored are scored again when they next change
    }
}
