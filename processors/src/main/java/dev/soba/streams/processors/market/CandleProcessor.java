package dev.soba.streams.processors.market;

import dev.soba.streams.processors.dex.PoolDirectory;
import dev.soba.streams.processors.ingest.PipelineCounters;
import dev.soba.streams.processors.store.WriteThroughCache;
import dev.soba.streams.schemas.market.Candle;
import dev.soba.streams.schemas.market.PoolInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The store-backed shell around {@link CandleBook}, on the pair-keyed partitioning. One store per
 * interval holds the live and final candles under {@link #candleKey} ({@code pair|venue|window
 * start}), ordered by time, so a time range is one range read.
 */
public final class CandleProcessor implements Processor<String, CandleInput, String, CandleEvent> {

    /** The header of a record on the candles topic: {@value #FINAL} the first time a window is final, {@value #CORRECTION} after. */
    public static final String STATUS_HEADER = "soba-candle-status";
    public static final String FINAL = "final";
    public static final String CORRECTION = "correction";

    private static final Pattern POOL_ADDRESS = Pattern.compile("^0x[0-9a-f]{40}$");

    private final List<CandleInterval> intervals;
    private final Duration grace;
    private final Map<CandleInterval, Duration> retention;
    private final String clocksStore;
    private final String openWindowsStore;
    private final String poolsStore;
    private ProcessorContext<String, CandleEvent> context;
    private CandleBook book;
    private Sensor lateCounter;
    private Sensor aggregated;
    private Sensor corrections;

    /**
     * @param poolsStore the global pool registry: a pool venue enters the cross-venue candle only when
     *                   the registry trusts it ({@link PoolDirectory#trustedForAggregate})
     */
    public CandleProcessor(final List<CandleInterval> intervals, final Duration grace,
                           final Map<CandleInterval, Duration> retention, final String clocksStore,
                           final String openWindowsStore, final String poolsStore) {
        this.intervals = List.copyOf(intervals);
        this.grace = grace;
        this.retention = Map.copyOf(retention);
        this.clocksStore = clocksStore;
        this.openWindowsStore = openWindowsStore;
        this.poolsStore = poolsStore;
    }

    /** The store of one interval's candles, e.g. {@code candles-1m}. */
    public static String storeName(final CandleInterval interval) {
        return "candles-" + interval.name();
    }

    public static String storeKey(final String pair, final String venue) {
        return pair + "|" + venue;
    }

    @Override
    public void init(final ProcessorContext<String, CandleEvent> context) {
        this.context = context;
        final Map<CandleInterval, KeyValueStore<String, Candle>> stores = new HashMap<>();
        for (final CandleInterval interval : intervals) {
            stores.put(interval, context.getStateStore(storeName(interval)));
        }
        final KeyValueStore<String, Long> clocks = context.getStateStore(clocksStore);
        final KeyValueStore<String, String> open = context.getStateStore(openWindowsStore);
        final KeyValueStore<String, PoolInfo> pools = context.getStateStore(poolsStore);
        this.book = new CandleBook(intervals, grace, new StoreBackedState(stores, clocks, open, retention),
                venue -> inAggregate(venue, pools));
        this.lateCounter = PipelineCounters.counter(context, PipelineCounters.LATE_TRADES);
        this.aggregated = PipelineCounters.counter(context, PipelineCounters.TRADES_AGGREGATED);
        this.corrections = PipelineCounters.counter(context, PipelineCounters.CANDLE_CORRECTIONS);
    }

    @Override
    public void process(final Record<String, CandleInput> record) {
        final CandleInput input = record.value();
        final List<CandleEvent> events = input.trade() != null
                ? book.onTrade(input.trade())
                : book.onImported(input.imported());
        aggregated.record();
        for (final CandleEvent event : events) {
            if (event instanceof CandleEvent.Late) {
                lateCounter.record();
            }
            if (event instanceof CandleEvent.Corrected) {
                corrections.record();
            }
            final String status = event instanceof CandleEvent.Finalized ? FINAL
                    : event instanceof CandleEvent.Corrected ? CORRECTION : null;
            context.forward(status == null ? record.withValue(event) : record.withValue(event)
                    .withHeaders(new RecordHeaders().add(STATUS_HEADER, status.getBytes(StandardCharsets.UTF_8))));
        }
    }

    /** Exchanges and imports always; a pool only when the registry trusts its tokens. */
    private static boolean inAggregate(final String venue, final KeyValueStore<String, PoolInfo> pools) {
        if (!POOL_ADDRESS.matcher(venue).matches()) {
            return true;
        }
        final PoolInfo pool = pools.get(venue);
        return pool != null && PoolDirectory.trustedForAggregate(pool);
    }

    /**
     * The key of a candle in its interval's store: {@code pair|venue|<window start, 20 digits>}. Keys
     * sort by time within a pair and venue, so a time range is one range read.
     */
    public static String candleKey(final String pair, final String venue, final long windowStart) {
        return storeKey(pair, venue) + "|" + padded(windowStart);
    }

    private static String padded(final long value) {
        final String digits = Long.toString(Math.max(0, value));
        return "0".repeat(Math.max(0, 20 - digits.length())) + digits;
    }

    private static final class StoreBackedState implements CandleState {

        private static final Duration PRUNE_EVERY = Duration.ofHours(1);

        // Every trade reads and rewrites its window's candle in each interval, for its venue and for the
        // aggregate: the open windows' candles stay deserialised.
        private static final int RECENT_CANDLES_PER_INTERVAL = 1024;

        private final Map<CandleInterval, KeyValueStore<String, Candle>> candles;
        private final Map<CandleInterval, WriteThroughCache<String, Candle>> recentCandles = new HashMap<>();
        private final KeyValueStore<String, Long> clocks;
        private final KeyValueStore<String, String> open;
        private final Map<CandleInterval, Duration> retention;
        // Where each (pair, venue)'s last scan for due windows ended: the open-window keys below it
        // are deleted, and starting a range read at the prefix would skip over all their tombstones.
        private final Map<String, Long> scannedUpTo = new HashMap<>();
        // When each (pair, venue) last dropped candles past retention, in its event time.
        private final Map<String, Long> prunedAt = new HashMap<>();
        // Per (pair, venue), a bound known since init: no open window of it ends before this. Most
        // trades close no window, and then skip the range read (an iterator over RocksDB and the
        // record cache for every trade). Absent means unknown: read the store.
        private final Map<String, Long> earliestOpenEnd = new HashMap<>();

        StoreBackedState(final Map<CandleInterval, KeyValueStore<String, Candle>> candles,
                         final KeyValueStore<String, Long> clocks, final KeyValueStore<String, String> open,
                         final Map<CandleInterval, Duration> retention) {
            this.candles = candles;
            candles.forEach((interval, store) ->
                    recentCandles.put(interval, new WriteThroughCache<>(store, RECENT_CANDLES_PER_INTERVAL)));
            this.clocks = clocks;
            this.open = open;
            this.retention = retention;
        }

        @Override
        public Optional<Candle> candle(final CandleInterval interval, final String pair, final String venue,
                                       final long windowStart) {
            return Optional.ofNullable(recentCandles.get(interval).get(candleKey(pair, venue, windowStart)));
        }

        @Override
        public void put(final CandleInterval interval, final Candle candle) {
            recentCandles.get(interval).put(candleKey(candle.pair(), candle.venue(), candle.openTime()), candle);
        }

        @Override
        public Map<String, Long> feederClocks(final String pair) {
            final Map<String, Long> found = new HashMap<>();
            try (KeyValueIterator<String, Long> it = clocks.range(pair + "|", pair + "|~")) {
                it.forEachRemaining(entry -> {
                    final String venue = entry.key.substring(pair.length() + 1);
                    if (!CandleBook.ALL_VENUES.equals(venue)) {
                        found.put(venue, entry.value);
                    }
                });
            }
            return found;
        }

        @Override
        public boolean keeps(final CandleInterval interval, final String pair, final String venue, final long windowEnd,
                             final long clock) {
            final Duration kept = retention.get(interval);
            return kept == null || windowEnd > clock - kept.toMillis();
        }

        @Override
        public Optional<Long> clock(final String pair, final String venue) {
            return Optional.ofNullable(clocks.get(storeKey(pair, venue)));
        }

        @Override
        public void setClock(final String pair, final String venue, final long time) {
            clocks.put(storeKey(pair, venue), time);
        }

        @Override
        public void markOpen(final CandleInterval interval, final Candle candle) {
            open.put(openKey(candle.pair(), candle.venue(), candle.closeTime()) + interval.name() + "|" + candle.openTime(),
                    interval.name());
            earliestOpenEnd.computeIfPresent(storeKey(candle.pair(), candle.venue()),
                    (key, earliest) -> Math.min(earliest, candle.closeTime()));
        }

        @Override
        public List<OpenWindow> takeOpenWindows(final String pair, final String venue, final long endAtMost) {
            final List<OpenWindow> due = new ArrayList<>();
            final List<String> keys = new ArrayList<>();
            if (endAtMost < 0) {
                return due;
            }
            final String key = storeKey(pair, venue);
            final long from = scannedUpTo.getOrDefault(key, 0L);
            scannedUpTo.put(key, Math.max(from, endAtMost));
            final Long earliest = earliestOpenEnd.get(key);
            if (earliest != null && earliest > endAtMost) {
                return due;
            }
            // keys sort by window end (zero-padded), so the due ones are one range
            try (KeyValueIterator<String, String> it = open.range(openKey(pair, venue, from), openKey(pair, venue, endAtMost) + "~")) {
                while (it.hasNext()) {
                    final KeyValue<String, String> entry = it.next();
                    keys.add(entry.key);
                    final String start = entry.key.substring(entry.key.lastIndexOf('|') + 1);
                    due.add(new OpenWindow(CandleInterval.parse(entry.value), Long.parseLong(start)));
                }
            }
            keys.forEach(open::delete);
            try (KeyValueIterator<String, String> rest = open.range(openKey(pair, venue, endAtMost) + "~", key + "|~")) {
                earliestOpenEnd.put(key, rest.hasNext() ? windowEnd(key, rest.next().key) : Long.MAX_VALUE);
            }
            if (!due.isEmpty()) {
                forgetOldCandles(pair, venue, endAtMost);
            }
            return due;
        }

        /**
         * Retention by each (pair, venue)'s own clock, not by the newest time in the store: history
         * imported behind a live feed of another pair is kept. Runs at most once per hour of the
         * pair's event time, one range read per interval.
         */
        private void forgetOldCandles(final String pair, final String venue, final long now) {
            final String key = storeKey(pair, venue);
            if (now - prunedAt.getOrDefault(key, Long.MIN_VALUE / 2) < PRUNE_EVERY.toMillis()) {
                return;
            }
            prunedAt.put(key, now);
            for (final Map.Entry<CandleInterval, KeyValueStore<String, Candle>> store : candles.entrySet()) {
                final Duration kept = retention.get(store.getKey());
                if (kept == null || now - kept.toMillis() <= 0) {
                    continue;
                }
                final List<String> old = new ArrayList<>();
                try (KeyValueIterator<String, Candle> it = store.getValue().range(
                        candleKey(pair, venue, 0), candleKey(pair, venue, now - kept.toMillis()))) {
                    it.forEachRemaining(entry -> old.add(entry.key));
                }
                old.forEach(recentCandles.get(store.getKey())::delete);
            }
        }

        private static long windowEnd(final String storeKey, final String openKey) {
            final int from = storeKey.length() + 1;
            return Long.parseLong(openKey.substring(from, openKey.indexOf('|', from)));
        }

        private static String openKey(final String pair, final String venue, final long windowEnd) {
            return storeKey(pair, venue) + "|" + padded(windowEnd) + "|";
        }
    }
}
