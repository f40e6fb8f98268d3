package dev.soba.streams.topology;

import dev.soba.streams.processors.chain.ChainEvent;
import dev.soba.streams.processors.dex.DexOutput;
import dev.soba.streams.processors.dex.PendingV2Logs;
import dev.soba.streams.processors.dex.RegistryStoreUpdater;
import dev.soba.streams.processors.dex.SwapDecodingProcessor;
import dev.soba.streams.processors.dex.SwapIndexProcessor;
import dev.soba.streams.processors.market.CandleEvent;
import dev.soba.streams.processors.market.CandleImportProcessor;
import dev.soba.streams.processors.market.CandleInput;
import dev.soba.streams.processors.market.CandleInterval;
import dev.soba.streams.processors.market.CandleProcessor;
import dev.soba.streams.processors.market.LateRecord;
import dev.soba.streams.processors.market.TradeFromTick;
import dev.soba.streams.schemas.JsonSerde;
import dev.soba.streams.schemas.MarketTick;
import dev.soba.streams.schemas.RejectedRecord;
import dev.soba.streams.schemas.Token;
import dev.soba.streams.schemas.market.Candle;
import dev.soba.streams.schemas.market.PoolInfo;
import dev.soba.streams.schemas.market.Swap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Market data on top of the canonical chain:
 *
 * <pre>
 *  canonical logs/tokens ─ decode-dex ──► pools, token_registry   (compacted; read back as global stores)
 *                              └──────► swaps ─► store swaps-by-pool (pool|block|log index)
 *  canonical market ticks ┐
 *  resolved swaps' trades ├─ trades-by-pair (repartition) ─ candles ──► candles (final), late_trades
 *  market_candles (bytes) ┘                                 stores candles-&lt;interval&gt; (pair|venue|start)
 * </pre>
 */
final class MarketTopology {

    private static final JsonSerde<PoolInfo> POOL_SERDE = new JsonSerde<>(PoolInfo.class);
    private static final JsonSerde<Token> TOKEN_SERDE = new JsonSerde<>(Token.class);
    private static final JsonSerde<Swap> SWAP_SERDE = new JsonSerde<>(Swap.class);

    private MarketTopology() {
    }

    static void add(final StreamsBuilder builder, final PipelineConfig config, final KStream<String, ChainEvent> chain) {
        final Topics topics = config.topics();
        final MarketConfig market = config.market();
        addRegistries(builder, topics);

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.PENDING_V2_LOGS), Serdes.String(),
                new JsonSerde<>(PendingV2Logs.class)).withCachingEnabled());
        final KStream<String, DexOutput> dex = chain.process(() -> new SwapDecodingProcessor(
                        new SwapDecodingProcessor.SwapStores(StoreNames.PENDING_V2_LOGS, StoreNames.POOLS, StoreNames.TOKENS),
                        market.syncWait()),
                Named.as("decode-dex"), StoreNames.PENDING_V2_LOGS);

        dex.flatMapValues(out -> out instanceof DexOutput.PoolLearned learned ? List.of(learned.pool()) : List.<PoolInfo>of(),
                        Named.as("learned-pool"))
                .to(topics.pools(), Produced.with(Serdes.String(), POOL_SERDE).withName("write-pools"));
        dex.flatMapValues(out -> out instanceof DexOutput.TokenLearned learned ? List.of(learned.token()) : List.<Token>of(),
                        Named.as("learned-token"))
                .to(topics.tokenRegistry(), Produced.with(Serdes.String(), TOKEN_SERDE).withName("write-token-registry"));
        dex.flatMapValues(out -> out instanceof DexOutput.SwapDecoded decoded ? List.of(decoded.swap()) : List.<Swap>of(),
                        Named.as("decoded-swap"))
                .to(topics.swaps(), Produced.with(Serdes.String(), SWAP_SERDE).withName("write-swaps"));

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.SWAPS_BY_POOL), Serdes.String(), SWAP_SERDE).withCachingEnabled());
        builder.stream(topics.swaps(), Consumed.with(Serdes.String(), SWAP_SERDE).withName("read-swaps"))
                .process(() -> new SwapIndexProcessor(StoreNames.SWAPS_BY_POOL, market.swapRetentionBlocks()),
                        Named.as("index-swaps"), StoreNames.SWAPS_BY_POOL);

        final KStream<String, CandleInput> dexTrades = dex.flatMap((key, out) ->
                out instanceof DexOutput.SwapDecoded decoded && decoded.trade().isPresent()
                        ? List.of(KeyValue.pair(decoded.trade().get().pair(), CandleInput.of(decoded.trade().get())))
                        : List.<KeyValue<String, CandleInput>>of(), Named.as("swap-trade"));
        final KStream<String, CandleInput> tickTrades = chain.flatMap((key, event) ->
                event instanceof ChainEvent.Canonical canonical && canonical.item() instanceof MarketTick tick
                        ? List.of(KeyValue.pair(tick.symbol(), CandleInput.of(TradeFromTick.of(tick))))
                        : List.<KeyValue<String, CandleInput>>of(), Named.as("tick-trade"));

        final Map<String, KStream<String, CandleImportProcessor.Result>> imports = builder
                .stream(topics.marketCandles(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName("read-market-candles"))
                .process(CandleImportProcessor::new, Named.as("validate-market-candles"))
                .split(Named.as("import-"))
                .branch((key, result) -> result instanceof CandleImportProcessor.Result.Rejected, Branched.as("rejected"))
                .defaultBranch(Branched.as("accepted"));
        imports.get("import-rejected")
                .mapValues(result -> ((CandleImportProcessor.Result.Rejected) result).rejection(), Named.as("import-rejection"))
                .to(topics.rejected(), Produced.with(Serdes.String(), new JsonSerde<>(RejectedRecord.class))
                        .withName("write-rejected-imports"));
        final KStream<String, CandleInput> imported = imports.get("import-accepted")
                .mapValues(result -> CandleInput.of(((CandleImportProcessor.Result.Accepted) result).candle()),
                        Named.as("imported-candle"));

        final List<String> candleStores = addCandleStores(builder, market);
        final KStream<String, CandleEvent> candles = dexTrades
                .merge(tickTrades, Named.as("merge-tick-trades"))
                .merge(imported, Named.as("merge-imported-candles"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(CandleInput.class))
                        .withName("trades-by-pair"))
                .process(() -> new CandleProcessor(market.intervals(), market.grace(), market.candleRetention(),
                                StoreNames.CANDLE_CLOCKS, StoreNames.CANDLE_OPEN_WINDOWS, StoreNames.POOLS),
                        Named.as("candles"), candleStores.toArray(String[]::new));

        // the first final candle of a window and each later correction of it (header soba-candle-status)
        candles.flatMap((key, event) -> event instanceof CandleEvent.Finalized finalized
                        ? List.of(KeyValue.pair(candleKey(finalized.candle()), finalized.candle()))
                        : event instanceof CandleEvent.Corrected corrected
                        ? List.of(KeyValue.pair(candleKey(corrected.candle()), corrected.candle()))
                        : List.<KeyValue<String, Candle>>of(), Named.as("final-candle"))
                .to(topics.candles(), Produced.with(Serdes.String(), new JsonSerde<>(Candle.class)).withName("write-candles"));
        candles.flatMap((key, event) -> event instanceof CandleEvent.Late late
                        ? List.of(KeyValue.pair(late.late().pair(), late.late()))
                        : List.<KeyValue<String, LateRecord>>of(), Named.as("late-trade"))
                .to(topics.lateTrades(), Produced.with(Serdes.String(), new JsonSerde<>(LateRecord.class))
                        .withName("write-late-trades"));
    }

    /** The key of a candle on the candles topic. */
    static String candleKey(final Candle candle) {
        return candle.pair() + "|" + candle.venue() + "|" + candle.interval();
    }

    private static void addRegistries(final StreamsBuilder builder, final Topics topics) {
        // Global stores: every instance holds the whole registry, so any partition can resolve any pool.
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.POOLS),
                        Serdes.String(), POOL_SERDE).withLoggingDisabled(),
                topics.pools(), Consumed.with(Serdes.String(), POOL_SERDE).withName("read-pools"),
                () -> new RegistryStoreUpdater<>(StoreNames.POOLS));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.TOKENS),
                        Serdes.String(), TOKEN_SERDE).withLoggingDisabled(),
                topics.tokenRegistry(), Consumed.with(Serdes.String(), TOKEN_SERDE).withName("read-token-registry"),
                () -> new RegistryStoreUpdater<>(StoreNames.TOKENS));
    }

    private static List<String> addCandleStores(final StreamsBuilder builder, final MarketConfig market) {
        final List<String> names = new ArrayList<>();
        for (final CandleInterval interval : market.intervals()) {
            final String name = CandleProcessor.storeName(interval);
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name),
                    Serdes.String(), new JsonSerde<>(Candle.class)).withCachingEnabled());
            names.add(name);
        }
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.CANDLE_CLOCKS),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.CANDLE_OPEN_WINDOWS),
                Serdes.String(), Serdes.String()).withCachingEnabled());
        names.add(StoreNames.CANDLE_CLOCKS);
        names.add(StoreNames.CANDLE_OPEN_WINDOWS);
        return names;
    }
}
