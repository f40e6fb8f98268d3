package dev.soba.streams.processors.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The most recently used values of a processor's own key-value store, kept deserialised in front of
 * it. A read of a hot key skips the store's deserialisation (for a whole block assembly or a
 * 100-entry address history, most of the cost of a record); every write goes through to the store
 * at once, so the store, its changelog and interactive queries see exactly what they would without
 * the cache.
 *
 * <p>Only for a store that this one processor writes, holding immutable values. Create it in the
 * processor's {@code init}: a task that is revived or moved (its store wiped and restored) starts
 * with an empty cache.
 */
public final class WriteThroughCache<K, V> {

    private final KeyValueStore<K, V> store;
    private final Map<K, V> recent;

    public WriteThroughCache(final KeyValueStore<K, V> store, final int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.store = store;
        this.recent = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(final Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value of the key, or null when the store has none (as {@link KeyValueStore#get}). */
    public V get(final K key) {
        final V cached = recent.get(key);
        if (cached != null) {
            return cached;
        }
        final V stored = store.get(key);
        if (stored != null) {
            recent.put(key, stored);
        }
        return stored;
    }

    public void put(final K key, final V value) {
        store.put(key, value);
        if (value == null) {
            recent.remove(key);
        } else {
            recent.put(key, value);
        }
    }

    public void delete(final K key) {
        store.delete(key);
        recent.remove(key);
    }
}
