package dev.soba.streams.processors.mev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.processors.chain.ChainEvent;
import dev.soba.streams.schemas.Block;
import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.ItemSerde;
import dev.soba.streams.schemas.JsonSerde;
import dev.soba.streams.schemas.Token;
import dev.soba.streams.schemas.Trace;
import dev.soba.streams.schemas.Transaction;
import dev.soba.streams.schemas.market.PoolInfo;
import dev.soba.streams.schemas.mev.MevKind;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The assembly is stored as a small header per block plus one entry per item; a processor started
 * again on the same stores (a restart, a task moved to another instance after restoring its
 * changelogs) must see each block whole again.
 */
class BlockAssemblyProcessorRestartTest {

    private static final BlockAssemblyProcessor.MevStores STORES =
            new BlockAssemblyProcessor.MevStores("assemblies", "items", "by-block", "pools", "tokens", "forgotten");
    private static final long T0 = 1_700_000_000_000L;

    private final MockProcessorContext<String, MevOutput> bootstrap = new MockProcessorContext<>();
    private final KeyValueStore<Long, BlockAssembly> assemblies = store(STORES.assemblies(), Serdes.Long(),
            new JsonSerde<>(BlockAssembly.class));
    private final KeyValueStore<String, Item> items = store(STORES.items(), Serdes.String(), new ItemSerde());
    private final List<StateStore> all = List.of(assemblies, items,
            store(STORES.byBlock(), Serdes.String(), new JsonSerde<>(MevBlockFindings.class)),
            store(STORES.pools(), Serdes.String(), new JsonSerde<>(PoolInfo.class)),
            store(STORES.tokens(), Serdes.String(), new JsonSerde<>(Token.class)),
            store(STORES.forgotten(), Serdes.Long(), Serdes.Long()));

    private <K, V> KeyValueStore<K, V> store(final String name, final Serde<K> keys, final Serde<V> values) {
        final KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values)
                .withLoggingDisabled().build();
        store.init(bootstrap.getStateStoreContext(), store);
        return store;
    }

    private MockProcessorContext<String, MevOutput> context() {
        final MockProcessorContext<String, MevOutput> context = new MockProcessorContext<>();
        all.forEach(context::addStateStore);
        context.setCurrentSystemTimeMs(T0);
        return context;
    }

    private static void send(final BlockAssemblyProcessor processor, final Item item) {
        processor.process(new Record<>(Long.toString(TestBlock.NUMBER), new ChainEvent.Canonical(item), T0));
    }

    @Test
    void aBlockHalfAssembledBeforeARestartIsWholeAfterIt() {
        final TestBlock block = SandwichBlock.build();
        final List<String> traces = block.traceJson();
        final MockProcessorContext<String, MevOutput> before = context();
        final BlockAssemblyProcessor first = new BlockAssemblyProcessor(STORES, MevStreamConfig.defaults());
        first.init(before);
        send(first, TestItems.parse(TestItems.block(TestBlock.NUMBER, TestBlock.HASH, TestItems.hash("parent"),
                block.transactionCount()), Block.class));
        block.transactionJson().forEach(json -> send(first, TestItems.parse(json, Transaction.class)));
        traces.subList(0, 8).forEach(json -> send(first, TestItems.parse(json, Trace.class)));
        assertThat(items.approximateNumEntries()).as("one entry per transaction and trace")
                .isEqualTo(block.transactionCount() + 8L);
        assertThat(assemblies.get(TestBlock.NUMBER).itemCount()).as("the header holds no items").isZero();
        assertThat(before.forwarded()).isEmpty();

        final MockProcessorContext<String, MevOutput> after = context();
        final BlockAssemblyProcessor second = new BlockAssemblyProcessor(STORES, MevStreamConfig.defaults());
        second.init(after);
        traces.subList(8, traces.size()).forEach(json -> send(second, TestItems.parse(json, Trace.class)));
        after.scheduledPunctuators().get(0).getPunctuator().punctuate(T0 + 3_000);

        assertThat(after.forwarded()).singleElement().satisfies(forwarded -> {
            assertThat(forwarded.record().value().status()).isEqualTo(MevOutput.Status.NEW);
            assertThat(forwarded.record().value().finding().kind()).isEqualTo(MevKind.SANDWICH);
            assertThat(forwarded.record().value().finding().victimTransactionHashes())
                    .containsExactly(TestItems.hash("tx-victim"));
        });
        assertThat(items.approximateNumEntries()).isEqualTo(block.transactionCount() + (long) traces.size());
    }
}
