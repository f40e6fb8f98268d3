package dev.soba.streams.processors.dex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.processors.dex.V2SwapPairing.Ready;
import dev.soba.streams.schemas.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class V2SwapPairingTest {

    private static final String PAIR = TestItems.address("pair");
    private static final String OTHER_PAIR = TestItems.address("other-pair");
    private static final String TX = TestItems.hash("tx");
    private static final String BLOCK_HASH = TestItems.hash("block");

    /** The pending logs in a sorted map, like a state store's key order. */
    private static final class InMemoryPending implements PendingState {
        final TreeMap<String, PendingV2Logs> entries = new TreeMap<>();

        @Override
        public Optional<PendingV2Logs> get(final String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public void put(final String key, final PendingV2Logs logs) {
            entries.put(key, logs);
        }

        @Override
        public void remove(final String key) {
            entries.remove(key);
        }
    }

    private final InMemoryPending state = new InMemoryPending();
    private final V2SwapPairing pairing = new V2SwapPairing(state);

    private static LogMeta meta(final String tx, final long logIndex) {
        return new LogMeta(100, BLOCK_HASH, tx, logIndex, 1_000_000L);
    }

    private static V2Sync sync(final String pair, final long logIndex) {
        return new V2Sync(meta(TX, logIndex), pair, BigInteger.valueOf(1000 + logIndex), BigInteger.valueOf(2000 + logIndex));
    }

    private static V2Swap swap(final String pair, final long logIndex) {
        return new V2Swap(meta(TX, logIndex), pair, TestItems.address("router"), TestItems.address("trader"),
                BigInteger.valueOf(logIndex), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ONE);
    }

    private List<Ready> feed(final DexEvent event) {
        return event instanceof V2Sync sync ? pairing.onSync(sync) : pairing.onSwap((V2Swap) event);
    }

    private List<Ready> expireAll() {
        final List<Ready> ready = new ArrayList<>();
        for (final String key : List.copyOf(state.entries.keySet())) {
            ready.addAll(pairing.expire(key));
        }
        return ready;
    }

    @Test
    void syncThenSwapPairAtOnceAndLeaveNothingWaiting() {
        assertThat(pairing.onSync(sync(PAIR, 5))).isEmpty();
        assertThat(pairing.onSwap(swap(PAIR, 6))).containsExactly(new Ready(swap(PAIR, 6), Optional.of(sync(PAIR, 5))));
        assertNothingWaits();
    }

    @Test
    void swapThenSyncPairAtOnceAndLeaveNothingWaiting() {
        assertThat(pairing.onSwap(swap(PAIR, 6))).isEmpty();
        assertThat(pairing.onSync(sync(PAIR, 5))).containsExactly(new Ready(swap(PAIR, 6), Optional.of(sync(PAIR, 5))));
        assertNothingWaits();
    }

    /** The entry only remembers the published swap; expiring it publishes nothing more and frees it. */
    private void assertNothingWaits() {
        assertThat(state.entries.values()).singleElement().satisfies(pending -> {
            assertThat(pending.syncs()).isEmpty();
            assertThat(pending.swaps()).isEmpty();
            assertThat(pending.pairedSwapLogIndexes()).containsExactly(6L);
        });
        assertThat(expireAll()).isEmpty();
        assertThat(state.entries).isEmpty();
    }

    @Test
    void aSwapWhoseSyncNeverComesIsPublishedWithoutOneOnExpiry() {
        assertThat(pairing.onSwap(swap(PAIR, 6))).isEmpty();
        final String key = V2SwapPairing.key(meta(TX, 6), PAIR);
        assertThat(state.entries).containsOnlyKeys(key);

        assertThat(pairing.expire(key)).containsExactly(new Ready(swap(PAIR, 6), Optional.empty()));
        assertThat(state.entries).isEmpty();
        assertThat(pairing.expire(key)).isEmpty();
    }

    @Test
    void syncsOfMintsAndBurnsExpireWithoutOutput() {
        assertThat(pairing.onSync(sync(PAIR, 2))).isEmpty();
        assertThat(state.entries).hasSize(1);
        assertThat(expireAll()).isEmpty();
        assertThat(state.entries).isEmpty();
    }

    @Test
    void everyArrivalOrderOfTwoSwapsThroughOnePairInOneTransactionPairsTheSame() {
        // mint (sync 2), swap (sync 5, swap 6), swap (sync 7, swap 8)
        final List<DexEvent> logs = List.of(sync(PAIR, 2), sync(PAIR, 5), swap(PAIR, 6), sync(PAIR, 7), swap(PAIR, 8));
        final List<List<DexEvent>> orders = permutations(logs);
        assertThat(orders).hasSize(120);
        for (final List<DexEvent> order : orders) {
            final InMemoryPending fresh = new InMemoryPending();
            final V2SwapPairing p = new V2SwapPairing(fresh);
            final List<Ready> ready = new ArrayList<>();
            for (final DexEvent event : order) {
                ready.addAll(event instanceof V2Sync s ? p.onSync(s) : p.onSwap((V2Swap) event));
            }
            assertThat(ready).as(order.toString()).containsExactlyInAnyOrder(
                    new Ready(swap(PAIR, 6), Optional.of(sync(PAIR, 5))),
                    new Ready(swap(PAIR, 8), Optional.of(sync(PAIR, 7))));
            // only the mint's sync waits, and it expires silently
            assertThat(fresh.entries.values()).singleElement()
                    .satisfies(pending -> assertThat(pending.syncs()).containsExactly(sync(PAIR, 2)));
        }
    }

    @Test
    void pairsAndTransactionsNeverMix() {
        final V2Sync otherTxSync = new V2Sync(meta(TestItems.hash("other-tx"), 5), PAIR, BigInteger.ONE, BigInteger.ONE);
        feed(sync(OTHER_PAIR, 5));
        feed(otherTxSync);
        assertThat(feed(swap(PAIR, 6))).isEmpty();
        assertThat(state.entries).hasSize(3);

        assertThat(expireAll()).containsExactly(new Ready(swap(PAIR, 6), Optional.empty()));
    }

    @Test
    void aForkThatLogsBetweenSyncAndSwapIsPairedOnExpiry() {
        // sync 1, (transfer 2), swap 3, sync 4, (transfer 5), swap 6
        feed(swap(PAIR, 6));
        feed(sync(PAIR, 1));
        feed(sync(PAIR, 4));
        feed(swap(PAIR, 3));
        assertThat(state.entries).hasSize(1);

        assertThat(expireAll()).containsExactly(
                new Ready(swap(PAIR, 3), Optional.of(sync(PAIR, 1))),
                new Ready(swap(PAIR, 6), Optional.of(sync(PAIR, 4))));
    }

    @Test
    void aSwapNeverReachesBackPastAnotherSwapOfThePair() {
        // sync 1, swap 3, swap 6 (its sync lost): swap 6 must not take sync 1
        feed(sync(PAIR, 1));
        feed(swap(PAIR, 3));
        feed(swap(PAIR, 6));
        assertThat(expireAll()).containsExactly(
                new Ready(swap(PAIR, 3), Optional.of(sync(PAIR, 1))),
                new Ready(swap(PAIR, 6), Optional.empty()));

        // the same when the swap in between was already paired and published
        feed(sync(PAIR, 10));
        feed(swap(PAIR, 11));
        feed(sync(PAIR, 9));
        feed(swap(PAIR, 14));
        assertThat(expireAll()).containsExactly(new Ready(swap(PAIR, 14), Optional.empty()));
    }

    @Test
    void reSentLogsArePublishedOnce() {
        feed(swap(PAIR, 6));
        assertThat(feed(swap(PAIR, 6))).isEmpty();
        feed(sync(PAIR, 2));
        assertThat(feed(sync(PAIR, 2))).isEmpty();
        assertThat(feed(sync(PAIR, 5))).hasSize(1);
        assertThat(feed(swap(PAIR, 6))).as("already paired while the entry lives").isEmpty();
        assertThat(expireAll()).isEmpty();
    }

    @Test
    void keysSortByBlockSoAProcessorCanFlushUpToABlockWithARangeScan() {
        final String key = V2SwapPairing.key(new LogMeta(17173049, BLOCK_HASH, TX, 1, 0), PAIR);
        assertThat(key).isEqualTo("00000000000017173049:" + BLOCK_HASH + ":" + TX + ":" + PAIR);
        assertThat(key).startsWith(V2SwapPairing.blockPrefix(17173049));
        assertThat(V2SwapPairing.key(new LogMeta(9, BLOCK_HASH, TX, 1, 0), PAIR))
                .isLessThan(V2SwapPairing.key(new LogMeta(10, BLOCK_HASH, TX, 1, 0), PAIR))
                .isLessThan(V2SwapPairing.blockPrefix(11));
        assertThat(key).isLessThan(V2SwapPairing.blockPrefix(17173050)).isGreaterThan(V2SwapPairing.blockPrefix(17173049));
    }

    @Test
    void pendingEntriesCarryTheirBlockAndTimeForExpiry() {
        feed(swap(PAIR, 6));
        assertThat(state.entries.firstEntry().getValue())
                .satisfies(p -> assertThat(p.blockNumber()).isEqualTo(100))
                .satisfies(p -> assertThat(p.timestampMillis()).isEqualTo(1_000_000L));
    }

    @Test
    void pendingEntriesSurviveTheProjectsJsonForAStateStore() {
        feed(sync(PAIR, 2));
        feed(swap(PAIR, 9));
        feed(sync(PAIR, 3));
        feed(swap(PAIR, 4));
        final PendingV2Logs pending = state.entries.firstEntry().getValue();
        assertThat(pending.pairedSwapLogIndexes()).containsExactly(4L);

        final byte[] json = Json.write(pending);
        assertThat(Json.read(json, PendingV2Logs.class)).isEqualTo(pending);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"paired_swap_log_indexes\":[4]")
                .doesNotContain("settled");
    }

    private static <T> List<List<T>> permutations(final List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        final List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            final List<T> rest = new ArrayList<>(items);
            final T head = rest.remove(i);
            for (final List<T> tail : permutations(rest)) {
                final List<T> order = new ArrayList<>();
                order.add(head);
                order.addAll(tail);
                result.add(order);
            }
        }
        return result;
    }

}
