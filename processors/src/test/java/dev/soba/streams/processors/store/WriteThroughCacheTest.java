package dev.soba.streams.processors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cache in front of a real (in-memory) Kafka Streams store: the store always holds what was written. */
class WriteThroughCacheTest {

    private KeyValueStore<String, String> store;

    @BeforeEach
    void store() {
        final MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("values"), Serdes.String(), Serdes.String())
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
    }

    @Test
    void writesGoThroughToTheStoreAtOnce() {
        final WriteThroughCache<String, String> cache = new WriteThroughCache<>(store, 10);
        cache.put("a", "1");
        cache.put("b", "2");
        cache.put("a", "3");
        cache.delete("b");
        cache.put("c", null);

        assertThat(store.get("a")).isEqualTo("3");
        assertThat(store.get("b")).isNull();
        assertThat(store.get("c")).isNull();
        assertThat(store.approximateNumEntries()).isEqualTo(1);
        assertThat(cache.get("a")).isEqualTo("3");
        assertThat(cache.get("b")).isNull();
    }

    @Test
    void readsWhatTheStoreHeldBeforeTheCacheExisted() {
        store.put("restored", "from the changelog");
        final WriteThroughCache<String, String> cache = new WriteThroughCache<>(store, 10);

        assertThat(cache.get("restored")).isEqualTo("from the changelog");
        assertThat(cache.get("absent")).isNull();
    }

    @Test
    void evictedKeysAreReadBackFromTheStore() {
        final WriteThroughCache<String, String> cache = new WriteThroughCache<>(store, 2);
        for (int i = 0; i < 100; i++) {
            cache.put("k" + i, "v" + i);
        }
        for (int i = 0; i < 100; i++) {
            assertThat(cache.get("k" + i)).isEqualTo("v" + i);
        }
        assertThat(store.approximateNumEntries()).isEqualTo(100);
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new WriteThroughCache<>(store, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
