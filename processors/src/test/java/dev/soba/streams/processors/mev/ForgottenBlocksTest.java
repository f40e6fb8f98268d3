package dev.soba.streams.processors.mev;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ForgottenBlocksTest {

    /** The set and a store that only ever sees its changes must agree. */
    private final ForgottenBlocks forgotten = new ForgottenBlocks();
    private final Map<Long, Long> store = new TreeMap<>();

    private void apply(final ForgottenBlocks.Change change) {
        change.deleted().forEach(store::remove);
        store.putAll(change.written());
    }

    @Test
    void consecutiveHeightsAreOneRangeAndABackfillBelowJoinsIt() {
        for (long n = 100; n < 200; n++) {
            apply(forgotten.add(n));
        }
        assertThat(store).containsExactly(Map.entry(100L, 199L));
        assertThat(forgotten.contains(99)).isFalse();
        assertThat(forgotten.contains(150)).isTrue();
        for (long n = 10; n < 20; n++) {
            apply(forgotten.add(n));
        }
        assertThat(store).containsExactly(Map.entry(10L, 19L), Map.entry(100L, 199L));
        assertThat(forgotten.contains(50)).as("never seen: still assembled when it comes").isFalse();
        for (long n = 20; n < 100; n++) {
            apply(forgotten.add(n));
        }
        assertThat(store).containsExactly(Map.entry(10L, 199L));
        assertThat(forgotten.rangeCount()).isEqualTo(1);
    }

    @Test
    void aHeightBetweenTwoRangesJoinsThemAndOutOfOrderHeightsStillMerge() {
        apply(forgotten.add(5));
        apply(forgotten.add(7));
        apply(forgotten.add(6));
        apply(forgotten.add(6));
        assertThat(store).containsExactly(Map.entry(5L, 7L));
    }

    @Test
    void aReorganisedHeightIsTakenOutSplittingItsRange() {
        for (long n = 1; n <= 9; n++) {
            apply(forgotten.add(n));
        }
        apply(forgotten.remove(5));
        assertThat(store).containsExactly(Map.entry(1L, 4L), Map.entry(6L, 9L));
        apply(forgotten.remove(1));
        apply(forgotten.remove(9));
        apply(forgotten.remove(42));
        assertThat(store).containsExactly(Map.entry(2L, 4L), Map.entry(6L, 8L));
        final ForgottenBlocks reloaded = new ForgottenBlocks();
        store.forEach(reloaded::load);
        assertThat(reloaded.contains(5)).isFalse();
        assertThat(reloaded.contains(3)).isTrue();
        assertThat(reloaded.contains(8)).isTrue();
    }
}
